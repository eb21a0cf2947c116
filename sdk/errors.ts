/**
 * Every error the SDK throws. Each is a plain Error subclass with `name` set, and a static `isInstance()`
 * that checks a brand rather than the prototype chain: Pulumi programs often load two copies of a library
 * (the program's and the dynamic provider's), and `instanceof` fails across copies.
 *
 * Messages name what was wrong, the value and what to do. They never contain a secret.
 */

import type { WaitState } from "./waiter/models";

const brand = (name: string): symbol => Symbol.for(`pulumi-alicloud-domain-tasks:${name}`);
const hasBrand = (obj: unknown, key: symbol): boolean =>
  typeof obj === "object" && obj !== null && (obj as Record<symbol, unknown>)[key] === true;

const DOMAIN_TASK_ERROR = brand("DomainTaskError");

/** Base of every error this package throws. */
export class DomainTaskError extends Error {
  readonly [DOMAIN_TASK_ERROR] = true;
  static isInstance(obj: unknown): obj is DomainTaskError {
    return hasBrand(obj, DOMAIN_TASK_ERROR);
  }
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DomainTaskError";
  }
}

const DOMAIN_API_ERROR = brand("DomainApiError");

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
  readonly [DOMAIN_API_ERROR] = true;
  readonly code: string;
  readonly statusCode: number;
  readonly requestId?: string;
  readonly hostId?: string;
  readonly recommend?: string;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly retryAfterMs?: number;
  static override isInstance(obj: unknown): obj is DomainApiError {
    return hasBrand(obj, DOMAIN_API_ERROR);
  }
  constructor(message: string, details: DomainApiErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DomainApiError";
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

const INCONSISTENT_ANSWER_ERROR = brand("InconsistentAnswerError");

/**
 * The service kept contradicting itself: read after read, its answers could not be verified (fewer distinct
 * details than TotalItemNum, details of another task or domain, a status its code denies, counts the details
 * do not bear out...). The message names the contradictions; a gate never passes on such answers. A
 * DomainApiError of code `InconsistentAnswer` (HTTP 200: each answer was well-formed, they just disagree).
 */
export class InconsistentAnswerError extends DomainApiError {
  readonly [INCONSISTENT_ANSWER_ERROR] = true;
  /** The contradictions of the last read, one sentence each. */
  readonly problems: readonly string[];
  /** How many reads (passes over the pages, or polls) were made before giving up. */
  readonly reads: number;
  /** The last, unverified outcome (`verified: false`), for display; never a verdict. */
  readonly lastOutcome?: unknown;
  static override isInstance(obj: unknown): obj is InconsistentAnswerError {
    return hasBrand(obj, INCONSISTENT_ANSWER_ERROR);
  }
  constructor(message: string, details: { problems: readonly string[]; reads: number; lastOutcome?: unknown; requestId?: string }) {
    super(message, { code: "InconsistentAnswer", statusCode: 200, retryable: false, requestId: details.requestId, attempts: details.reads });
    this.name = "InconsistentAnswerError";
    this.problems = details.problems;
    this.reads = details.reads;
    this.lastOutcome = details.lastOutcome;
  }
}

const VALIDATION_ERROR = brand("ValidationError");

/**
 * Bad input. `field` is the input's name as the caller spelled it. Caught before anything is sent, except
 * for its subclass TaskNotFoundError (a TaskNo the service has no details for).
 */
export class ValidationError extends DomainTaskError {
  readonly [VALIDATION_ERROR] = true;
  readonly field: string;
  readonly value: unknown;
  static override isInstance(obj: unknown): obj is ValidationError {
    return hasBrand(obj, VALIDATION_ERROR);
  }
  constructor(field: string, value: unknown, message: string) {
    super(message);
    this.name = "ValidationError";
    this.field = field;
    this.value = value;
  }
}

const TASK_NOT_FOUND_ERROR = brand("TaskNotFoundError");

/**
 * The service had no details for a TaskNo, even after the waiter's grace period: most likely a wrong TaskNo,
 * the wrong product (domain vs domain-intl) or a domainName/instanceId filter that matches nothing. A
 * ValidationError of field `taskNo` (the input is what is wrong), so code catching bad input catches it too.
 */
export class TaskNotFoundError extends ValidationError {
  readonly [TASK_NOT_FOUND_ERROR] = true;
  readonly taskNo: string;
  /** How long the waiter kept asking before giving up, by its clock. */
  readonly waitedMs: number;
  static override isInstance(obj: unknown): obj is TaskNotFoundError {
    return hasBrand(obj, TASK_NOT_FOUND_ERROR);
  }
  constructor(taskNo: string, waitedMs: number, message: string) {
    super("taskNo", taskNo, message);
    this.name = "TaskNotFoundError";
    this.taskNo = taskNo;
    this.waitedMs = waitedMs;
  }
}

const CREDENTIALS_ERROR = brand("CredentialsError");

/** No usable credential was found, or the one found is incomplete. Lists where it looked. */
export class CredentialsError extends DomainTaskError {
  readonly [CREDENTIALS_ERROR] = true;
  static override isInstance(obj: unknown): obj is CredentialsError {
    return hasBrand(obj, CREDENTIALS_ERROR);
  }
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CredentialsError";
  }
}

const PAGING_ERROR = brand("PagingError");

/** The service's paging contradicted itself in a way the pager could not safely work around. */
export class PagingError extends DomainTaskError {
  readonly [PAGING_ERROR] = true;
  readonly requestId?: string;
  static override isInstance(obj: unknown): obj is PagingError {
    return hasBrand(obj, PAGING_ERROR);
  }
  constructor(message: string, requestId?: string) {
    super(message);
    this.name = "PagingError";
    this.requestId = requestId;
  }
}

const TIMEOUT_ERROR = brand("TimeoutError");

/** A wait ran out of time. The message says what was expected, the last state seen and the time waited. */
export class TimeoutError extends DomainTaskError {
  readonly [TIMEOUT_ERROR] = true;
  /** What the last poll saw: exact counts, and the full outcome when it read one; undefined if no poll completed. */
  readonly lastState?: WaitState;
  static override isInstance(obj: unknown): obj is TimeoutError {
    return hasBrand(obj, TIMEOUT_ERROR);
  }
  constructor(message: string, lastState?: WaitState, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "TimeoutError";
    this.lastState = lastState;
  }
}

const ABORT_ERROR = brand("AbortError");

/** The caller's AbortSignal fired. */
export class AbortError extends DomainTaskError {
  readonly [ABORT_ERROR] = true;
  static override isInstance(obj: unknown): obj is AbortError {
    return hasBrand(obj, ABORT_ERROR);
  }
  constructor(message = "The operation was aborted.", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AbortError";
  }
}
