/**
 * Every error the SDK throws. Each is a plain Error subclass with `name` set, and a static `isInstance()`
 * that checks a brand rather than the prototype chain: Pulumi programs often load two copies of a library
 * (the program's and the dynamic provider's), and `instanceof` fails across copies.
 *
 * One mechanism, on the base class: a class states its brand once (`static readonly brand`); the base
 * constructor sets `name` to it and marks the instance with the brand of the class and of every ancestor
 * (`Symbol.for("pulumi-alicloud-domain-tasks:<brand>")`, shared by every copy of the package); the inherited
 * `isInstance` looks for the brand of the class it is called on.
 *
 * Messages name what was wrong, the value and what to do. They never contain a secret.
 *
 * Every layer may throw these, so this module imports no other (only the type of the outcome an
 * InconsistentAnswerError carries). The waiter's TimeoutError, which carries the waiter's own WaitState, is the
 * waiter's (sdk/waiter/timeout-error.ts), built on the same mechanism.
 */

import type { TaskOutcome } from "./outcome";

const brandKey = (brand: string): symbol => Symbol.for(`pulumi-alicloud-domain-tasks:${brand}`);

/** A branded error class, as `isInstance` sees the class it is called on. */
type BrandedClass<T> = { readonly brand: string; prototype: T };

/** Base of every error this package throws. */
export class DomainTaskError extends Error {
  /** The name this class's instances carry, and the brand `isInstance` checks. */
  static readonly brand: string = "DomainTaskError";

  /** True when `obj` is an instance of this class (or a subclass), from any loaded copy of the package. */
  static isInstance<T>(this: BrandedClass<T>, obj: unknown): obj is T {
    return typeof obj === "object" && obj !== null && (obj as Record<symbol, unknown>)[brandKey(this.brand)] === true;
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const own = new.target as unknown as BrandedClass<DomainTaskError>;
    this.name = own.brand;
    for (let c: unknown = own; c !== Error && typeof c === "function"; c = Object.getPrototypeOf(c)) {
      const { brand } = c as Partial<BrandedClass<unknown>>;
      if (brand !== undefined) Object.defineProperty(this, brandKey(brand), { value: true, enumerable: true });
    }
  }
}

/** What the Domain API (or the transport to it) said when a call failed. */
export interface DomainApiErrorDetails {
  /** The API's error Code (e.g. `Throttling.User`), or a transport code such as `ReadTimeout`. */
  code: string;
  /** HTTP status; 0 when no response arrived (timeout, dropped connection). */
  statusCode: number;
  requestId?: string;
  hostId?: string;
  recommend?: string;
  /** True when a later attempt may succeed (throttling, 5xx, timeouts, dropped connections). */
  retryable: boolean;
  /** How many attempts were made before giving up (1 when not retried). */
  attempts?: number;
  /** How long the service asked the caller to wait before retrying (throttling headers), in ms. */
  retryAfterMs?: number;
}

/** A call to the Domain API failed: an error body from the service, or a transport failure. */
export class DomainApiError extends DomainTaskError {
  static override readonly brand: string = "DomainApiError";
  readonly code: string;
  readonly statusCode: number;
  readonly requestId?: string;
  readonly hostId?: string;
  readonly recommend?: string;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly retryAfterMs?: number;
  constructor(message: string, details: DomainApiErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.code = details.code;
    this.statusCode = details.statusCode;
    this.requestId = details.requestId;
    this.hostId = details.hostId;
    this.recommend = details.recommend;
    this.retryable = details.retryable;
    this.attempts = details.attempts ?? 1;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/**
 * The service kept contradicting itself: read after read, its answers could not be verified (fewer distinct
 * details than TotalItemNum, details of another task or domain, a status its code denies, counts the details
 * do not bear out...). The message names the contradictions; a gate never passes on such answers. A
 * DomainApiError of code `InconsistentAnswer` (HTTP 200: each answer was well-formed, they just disagree).
 */
export class InconsistentAnswerError extends DomainApiError {
  static override readonly brand: string = "InconsistentAnswerError";
  /** The contradictions of the last read, one sentence each. */
  readonly problems: readonly string[];
  /** How many reads (passes over the pages, or polls) were made before giving up. */
  readonly reads: number;
  /**
   * What was seen, as an unverified outcome (`verified: false`, never a verdict): the last counts seen, every
   * failure seen (kept failed), and each contradiction in `anomalies`. For display.
   */
  readonly lastOutcome?: TaskOutcome;
  constructor(message: string, details: { problems: readonly string[]; reads: number; lastOutcome?: TaskOutcome; requestId?: string }) {
    super(message, { code: "InconsistentAnswer", statusCode: 200, retryable: false, requestId: details.requestId, attempts: details.reads });
    this.problems = details.problems;
    this.reads = details.reads;
    this.lastOutcome = details.lastOutcome;
  }
}

/**
 * Bad input. `field` is the input's name as the caller spelled it. Caught before anything is sent, except
 * for its subclass TaskNotFoundError (a TaskNo the service has no details for).
 */
export class ValidationError extends DomainTaskError {
  static override readonly brand: string = "ValidationError";
  readonly field: string;
  readonly value: unknown;
  constructor(field: string, value: unknown, message: string) {
    super(message);
    this.field = field;
    this.value = value;
  }
}

/**
 * The service had no details for a TaskNo, even after the waiter's grace period: most likely a wrong TaskNo,
 * the wrong product (domain vs domain-intl) or a domainName/instanceId filter that matches nothing. A
 * ValidationError of field `taskNo` (the input is what is wrong), so code catching bad input catches it too.
 */
export class TaskNotFoundError extends ValidationError {
  static override readonly brand: string = "TaskNotFoundError";
  readonly taskNo: string;
  /** How long the waiter kept asking before giving up, by its clock. */
  readonly waitedMs: number;
  constructor(taskNo: string, waitedMs: number, message: string) {
    super("taskNo", taskNo, message);
    this.taskNo = taskNo;
    this.waitedMs = waitedMs;
  }
}

/** No usable credential was found, or the one found is incomplete. Lists where it looked. */
export class CredentialsError extends DomainTaskError {
  static override readonly brand: string = "CredentialsError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The service's paging contradicted itself in a way the pager could not safely work around. */
export class PagingError extends DomainTaskError {
  static override readonly brand: string = "PagingError";
  readonly requestId?: string;
  constructor(message: string, requestId?: string) {
    super(message);
    this.requestId = requestId;
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends DomainTaskError {
  static override readonly brand: string = "AbortError";
  constructor(message = "The operation was aborted.", options?: { cause?: unknown }) {
    super(message, options);
  }
}
