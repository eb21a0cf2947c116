/**
 * DomainTaskClient: one call, QueryTaskDetailList, done properly. It validates the request, waits for the
 * rate limiter, signs (ACS3-HMAC-SHA256 by default, V1 HMAC-SHA1 on request) with @alicloud/openapi-util,
 * sends on its own keep-alive agent within the caller's time limit (./transport says why not through
 * openapi-client's callApi), retries transient failures, reads the answer (./answer) and throws typed errors.
 *
 * The AccessKey lives only in private (#) fields, so a client that is logged, inspected or serialized
 * shows no secret; every string of a page and of an error is redacted of the secret and token in use.
 */
import type * as http from "node:http";
import type Credential from "@alicloud/credentials";
import { abortable, type Clock, MAX_TIMER_MS, systemClock, throwIfAborted } from "../clock";
import { resolveCredentials, type StaticCredentials } from "../credentials";
import { resolveEndpoint, type Product, type ResolvedEndpoint } from "../endpoint";
import { CredentialsError, DomainApiError, ValidationError } from "../errors";
import { RateLimiter } from "../rate-limit";
import { retryPolicy, withRetry, type RetryNotice, type RetryOptions } from "../retry";
import { readAnswer } from "./answer";
import { credentialHint, isCredentialRefusal, withCredentialHint } from "./credential-hint";
import { apiError, fromTransportFailure, toDomainTaskError, TRANSPORT_CODES } from "./error-mapping";
import { toWireQuery } from "./request";
import type { QueryTaskDetailListRequest, TaskDetailPage } from "./schemas";
import { signV1, signV3, type SigningKey } from "./signed-request";
import { newAgent, send, TransportFailure, type HttpAnswer } from "./transport";

/** How one call may be cut short. */
export interface CallOptions {
  /** Aborting rejects the call with AbortError at once, and closes its connection. */
  signal?: AbortSignal;
  /**
   * The call (every attempt, retry and backoff sleep included) settles within this many ms: when it runs out,
   * a DomainApiError with code `DeadlineExceeded` (not retryable), whatever the server does. 0 fails at once
   * without sending. Values over 2^31-1 ms (24.8 days) count as that. Default: only the retry policy bounds it.
   */
  timeoutMs?: number;
}

/** What the pager and the waiter need from a client. Implement it to put them on another transport. */
export interface DomainTaskApi {
  /** One page of one task's details. */
  queryTaskDetailList(request: QueryTaskDetailListRequest, options?: CallOptions): Promise<TaskDetailPage>;
}

/** How to reach and authenticate to the Domain API. Every field is optional. */
export interface ClientOptions {
  /** `https://host`, `http://127.0.0.1:PORT` or `host[:port]` (https). Overrides product and region. */
  endpoint?: string;
  /** `domain` (mainland, default) or `domain-intl`; also decides the API version for a custom endpoint. */
  product?: Product;
  /** Region: `ap-southeast-1` selects domain-intl. Default: env ALICLOUD_REGION, then ALIBABA_CLOUD_REGION. */
  region?: string;
  /** An AccessKey pair [+ STS token]. Default: env, profile, then the @alicloud/credentials default chain. */
  credentials?: StaticCredentials;
  /** A named profile (aliyun CLI config, then ~/.alibabacloud/credentials). Default: env ALICLOUD_PROFILE. */
  profile?: string;
  /** `v3` (ACS3-HMAC-SHA256, default) or `v1` (HMAC-SHA1 `Signature` query parameter). */
  signatureVersion?: "v3" | "v1";
  /** Allow plain http to a host that is not loopback. */
  allowInsecureHttp?: boolean;
  /** Retry limits; see RetryOptions. `{ maxAttempts: 1 }` turns retry off. */
  retry?: RetryOptions;
  /** At most this many requests per second from this client (retries included). Default: no limit. */
  rateLimit?: number;
  /** Longest wait for a connection, per attempt. Default 5000 ms. */
  connectTimeoutMs?: number;
  /**
   * Longest wait for one attempt's complete answer (headers and body) once connected: one bound, not an idle
   * timer, so a trickling server cannot stretch it. Default 10000 ms: a 1000-item page can be large.
   */
  readTimeoutMs?: number;
  /** Time source for retry backoff and the rate limiter. Default: the system clock. */
  clock?: Clock;
  /** Environment to read settings from. Default process.env. */
  env?: Record<string, string | undefined>;
  /** Random source for backoff jitter, [0, 1). Default Math.random. */
  random?: () => number;
  /** Told before each retry, with the action and why (the error is redacted like every other). For logs. */
  onRetry?: (retry: RetryNotice & { action: string }) => void;
}

/** Region from options, then ALICLOUD_REGION, then ALIBABA_CLOUD_REGION. */
export const resolveRegion = (options: Pick<ClientOptions, "region" | "env">): string | undefined => {
  const env = options.env ?? process.env;
  return [options.region, env.ALICLOUD_REGION, env.ALIBABA_CLOUD_REGION].map((r) => r?.trim()).find((r) => !!r);
};

const ACTION = "QueryTaskDetailList";

/** A page of 1000 details is about 1 MB; anything this large is not a QueryTaskDetailList answer. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** The abort reason of a call whose `timeoutMs` ran out (told apart from the caller's own abort). */
const DEADLINE = Symbol("timeoutMs ran out");

/** `timeoutMs` checked: undefined (no limit) or a number of ms in [0, MAX_TIMER_MS]. */
/** `err`, made not retryable when `retryable` says this failure must not be repeated (see callAction). */
const narrowed = (err: unknown, retryable?: (err: DomainApiError) => boolean): unknown =>
  retryable && DomainApiError.isInstance(err) && err.retryable && !retryable(err)
    ? new DomainApiError(err.message, { ...err, retryable: false }, { cause: err.cause })
    : err;

const checkTimeout = (timeoutMs: unknown): number | undefined => {
  if (timeoutMs === undefined) return undefined;
  if (typeof timeoutMs !== "number" || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new ValidationError("timeoutMs", timeoutMs, `timeoutMs must be a number of milliseconds >= 0; got ${String(timeoutMs)}. Leave it out for no limit.`);
  }
  return Math.min(timeoutMs, MAX_TIMER_MS);
};

/**
 * The real Domain API client.
 *
 * @example
 * const client = new DomainTaskClient({ region: "cn-hangzhou" });
 * const page = await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 1000 });
 */
export class DomainTaskClient implements DomainTaskApi {
  /** Where requests go, e.g. `https://domain.aliyuncs.com`. */
  readonly endpoint: string;
  /** `domain` or `domain-intl`. */
  readonly product: Product;
  readonly region: string | undefined;
  readonly signatureVersion: "v3" | "v1";

  readonly #options: ClientOptions;
  readonly #resolved: ResolvedEndpoint;
  readonly #retry: Required<RetryOptions>;
  readonly #clock: Clock;
  readonly #limiter: RateLimiter | undefined;
  #credential: Promise<Credential> | undefined;
  /** Where the credential came from, and the AccessKey ID last signed with: named when the service refuses it. */
  #credentialFrom = { source: "", accessKeyId: "" };
  #agent: http.Agent | undefined;

  /** Resolves the endpoint and checks options now; credentials are resolved at the first request. */
  constructor(options: ClientOptions = {}) {
    const env = options.env ?? process.env;
    this.region = resolveRegion(options);
    this.#resolved = resolveEndpoint({ ...options, region: this.region }, env);
    this.endpoint = this.#resolved.url;
    this.product = this.#resolved.product;
    this.signatureVersion = options.signatureVersion ?? "v3";
    if (this.signatureVersion !== "v3" && this.signatureVersion !== "v1") {
      throw new ValidationError(
        "signatureVersion",
        options.signatureVersion,
        `signatureVersion must be "v3" (ACS3-HMAC-SHA256, the default) or "v1" (HMAC-SHA1); got ${JSON.stringify(options.signatureVersion)}.`,
      );
    }
    for (const field of ["connectTimeoutMs", "readTimeoutMs"] as const) {
      const v = options[field];
      if (v !== undefined && !(Number.isFinite(v) && v > 0 && v <= MAX_TIMER_MS)) {
        throw new ValidationError(field, v, `${field} must be a positive number of milliseconds; got ${String(v)}. The most is ${MAX_TIMER_MS} (24.8 days).`);
      }
    }
    this.#retry = retryPolicy(options.retry);
    this.#clock = options.clock ?? systemClock;
    this.#limiter = options.rateLimit !== undefined ? new RateLimiter(options.rateLimit, this.#clock) : undefined;
    this.#options = { ...options, env };
  }

  /** Resolved once, at the first call; a failed lookup is not cached, so it is retried next call. */
  #credentialSource(): Promise<Credential> {
    if (!this.#credential) {
      this.#credential = resolveCredentials(this.#options).then((r) => {
        this.#credentialFrom.source = r.source;
        return r.credential;
      });
      this.#credential.catch(() => (this.#credential = undefined));
    }
    return this.#credential;
  }

  /** The key to sign with now (the provider caches and refreshes it). */
  async #signingKey(credential: Credential): Promise<SigningKey> {
    const m = await credential.getCredential();
    if (!m.accessKeyId || !m.accessKeySecret) {
      throw new CredentialsError("The credential source returned no AccessKey ID or secret: configure an AccessKey (ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY) or a profile that yields one.");
    }
    return { accessKeyId: m.accessKeyId, accessKeySecret: m.accessKeySecret, securityToken: m.securityToken || undefined };
  }

  /**
   * One page. Validates first (ValidationError), retries transient failures, throws DomainApiError; settles
   * within `timeoutMs` (DeadlineExceeded) and at once on `signal` (AbortError), closing the connection either way.
   */
  async queryTaskDetailList(request: QueryTaskDetailListRequest, options: CallOptions = {}): Promise<TaskDetailPage> {
    return this.#call(ACTION, toWireQuery(request), (answer, secrets) => readAnswer(answer, this.endpoint, secrets), options);
  }

  /**
   * One call of another Domain API action (RPC, business parameters in the query string) with everything
   * `queryTaskDetailList` does - signing, rate limit, retry, deadline, abort, error mapping; sdk/name-servers
   * builds on it. `parse` reads a success body. `retryable` narrows which failures are retried: a write must not
   * be repeated after a failure the service may already have acted on.
   */
  callAction<T>(
    action: string,
    query: Record<string, string>,
    parse: (body: unknown, statusCode: number) => T,
    options: CallOptions & { retryable?: (err: DomainApiError) => boolean } = {},
  ): Promise<T> {
    return this.#call(action, { ...query }, (answer, secrets) => readAnswer(answer, this.endpoint, secrets, { action, parse }), options);
  }

  async #call<T>(
    action: string,
    query: Record<string, string>,
    read: (answer: HttpAnswer, secrets: readonly (string | undefined)[]) => T,
    options: CallOptions & { retryable?: (err: DomainApiError) => boolean },
  ): Promise<T> {
    const timeoutMs = checkTimeout(options.timeoutMs);
    const { signal } = options;
    throwIfAborted(signal);
    const clock = this.#clock;
    const deadlineAt = timeoutMs === undefined ? undefined : clock.now() + timeoutMs;
    let secrets: (string | undefined)[] = this.#options.credentials ? [this.#options.credentials.accessKeySecret, this.#options.credentials.securityToken] : [];
    const deadlineError = (what: string) =>
      apiError(
        { code: TRANSPORT_CODES.deadlineExceeded, statusCode: 0, message: `${action} to ${this.endpoint} did not settle within timeoutMs (${timeoutMs} ms): ${what}` },
        secrets,
      );
    if (timeoutMs === 0) throw deadlineError("no time was left, so nothing was sent");

    // One signal for the whole call: the caller's abort, or the deadline by real time. The real-time timer is
    // the backstop that makes `timeoutMs` a promise; the clock (possibly virtual) bounds sleeps and attempts.
    const call = new AbortController();
    const onAbort = () => call.abort(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => call.abort(DEADLINE), timeoutMs);
    timer?.unref();
    const leftMs = () => (deadlineAt === undefined ? MAX_TIMER_MS : Math.min(MAX_TIMER_MS, deadlineAt - clock.now()));
    try {
      const credential = await abortable(this.#credentialSource(), call.signal);
      const sign = this.signatureVersion === "v1" ? signV1 : signV3;
      const target = { protocol: this.#resolved.protocol === "HTTP" ? "http" : "https", host: this.#resolved.host, version: this.#resolved.version, action, query } as const;
      this.#agent ??= newAgent(target.protocol);
      const agent = this.#agent;
      return await withRetry(
        async (n) => {
          await this.#limiter?.acquire(call.signal);
          const key = await abortable(this.#signingKey(credential), call.signal);
          secrets = [key.accessKeySecret, key.securityToken];
          this.#credentialFrom.accessKeyId = key.accessKeyId;
          const budgetMs = leftMs();
          if (budgetMs <= 0) throw deadlineError(`no time was left for attempt ${n}${n > 1 ? " after the retries before it" : " after waiting for the rate limit"}`);
          try {
            const answer = await send(
              sign(target, key),
              agent,
              {
                connectTimeoutMs: this.#options.connectTimeoutMs ?? 5000,
                readTimeoutMs: this.#options.readTimeoutMs ?? 10_000,
                budgetMs,
                maxBodyBytes: MAX_BODY_BYTES,
              },
              call.signal,
            );
            return read(answer, secrets);
          } catch (err) {
            if (!(err instanceof TransportFailure)) throw narrowed(toDomainTaskError(err, this.endpoint, secrets), options.retryable);
            // Aborted by the deadline backstop: report it as the deadline, with how far the answer had got.
            const failure =
              err.kind === "aborted" && call.signal.reason === DEADLINE
                ? new TransportFailure("deadline", err.statusCode, err.bytesReceived, err.elapsedMs, budgetMs)
                : err;
            if (failure.kind === "aborted") throwIfAborted(call.signal);
            throw narrowed(fromTransportFailure(failure, this.endpoint, secrets), options.retryable);
          }
        },
        this.#retry,
        { clock, signal: call.signal, random: this.#options.random, deadlineAt, onRetry: this.#options.onRetry && ((r) => this.#options.onRetry!({ ...r, action })) },
      );
    } catch (err) {
      if (DomainApiError.isInstance(err) && isCredentialRefusal(err.code) && this.#credentialFrom.source) {
        throw withCredentialHint(err, credentialHint(this.#credentialFrom.source, this.#credentialFrom.accessKeyId, this.#options.env ?? {}));
      }
      // A sleep or a wait cut short by the deadline backstop is the deadline, not the caller's abort.
      if (call.signal.reason === DEADLINE && !DomainApiError.isInstance(err)) throw deadlineError("it was still waiting (for credentials, the rate limit or a retry's backoff)");
      throw err;
    } finally {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Shown by console.log / util.inspect: where it talks to, never the AccessKey. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `DomainTaskClient { endpoint: '${this.endpoint}', product: '${this.product}', signatureVersion: '${this.signatureVersion}' }`;
  }

  /** What JSON.stringify shows: no credentials. */
  toJSON(): Record<string, unknown> {
    return { endpoint: this.endpoint, product: this.product, region: this.region, signatureVersion: this.signatureVersion };
  }
}
