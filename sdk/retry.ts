/**
 * Retrying transient failures of one API call: backoff with full jitter (the formula: sdk/backoff.ts), an
 * attempt limit and an overall deadline, all on an injected Clock, stopping at once when the caller aborts.
 *
 * Only DomainApiErrors marked `retryable` are retried (throttling, 5xx, timeouts, dropped connections,
 * non-JSON bodies). A throttled answer's `retryAfterMs` (the gateway's TimeLeft) replaces a shorter backoff. Auth and parameter errors fail on the first attempt: repeating them cannot help and
 * may lock an AccessKey out.
 */
import { jitteredBackoff } from "./backoff";
import { type Clock, MAX_TIMER_MS, throwIfAborted } from "./clock";
import { AbortError, DomainApiError, ValidationError } from "./errors";

/** How persistent the client is. */
export interface RetryOptions {
  /** Attempts in all, the first included (1 = no retry). Default 5. */
  maxAttempts?: number;
  /** Backoff base: the cap on the first retry's delay. Default 200 ms. */
  baseDelayMs?: number;
  /** No single delay exceeds this. Default 5000 ms. */
  maxDelayMs?: number;
  /** No retry starts after this long since the first attempt began. Default 60000 ms. */
  deadlineMs?: number;
}

/** The retry policy when the client's `retry` option leaves a field out. */
export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  deadlineMs: 60_000,
};

/**
 * Delay before retry number `retry` (1 for the first retry): the shared backoff (sdk/backoff.ts) with a floor
 * of 0, "full jitter", which spreads a crowd of throttled clients evenly instead of letting them retry in
 * lockstep. Rounded down, so every delay stays below its ceiling. `random` is a parameter so tests can pin it.
 */
export const retryBackoffMs = (
  retry: number,
  policy: Pick<Required<RetryOptions>, "baseDelayMs" | "maxDelayMs">,
  random: () => number = Math.random,
): number => Math.floor(jitteredBackoff(retry, { base: policy.baseDelayMs, cap: policy.maxDelayMs, floor: 0 }, random));

/** Fill defaults and reject nonsense (a negative delay, zero attempts) early, naming the field. */
export const retryPolicy = (options: RetryOptions = {}): Required<RetryOptions> => {
  const p = { ...DEFAULT_RETRY, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const check = (field: keyof RetryOptions, ok: boolean, want: string) => {
    if (!ok) throw new ValidationError(`retry.${field}`, p[field], `retry.${field} must be ${want}; got ${String(p[field])}.`);
  };
  check("maxAttempts", Number.isInteger(p.maxAttempts) && p.maxAttempts >= 1, "an integer >= 1");
  check("baseDelayMs", Number.isFinite(p.baseDelayMs) && p.baseDelayMs >= 0 && p.baseDelayMs <= MAX_TIMER_MS, `a number of milliseconds from 0 to ${MAX_TIMER_MS}`);
  check("maxDelayMs", Number.isFinite(p.maxDelayMs) && p.maxDelayMs >= 0 && p.maxDelayMs <= MAX_TIMER_MS, `a number of milliseconds from 0 to ${MAX_TIMER_MS}`);
  check("deadlineMs", p.deadlineMs >= 0 && !Number.isNaN(p.deadlineMs), "a number of milliseconds >= 0");
  return p;
};

/** What `withRetry` needs besides the policy: the clock it sleeps on, the abort signal, the jitter source. */
export interface RetryContext {
  clock: Clock;
  signal?: AbortSignal;
  random?: () => number;
  /**
   * The clock time by which the whole call must settle (the caller's `timeoutMs`): no sleep runs past it;
   * when the next retry could not start before it, the last error is thrown at once.
   */
  deadlineAt?: number;
  /** Told before each retry's sleep: which attempt failed, how, and how long until the next (a `--debug` log). */
  onRetry?: (retry: RetryNotice) => void;
}

/** A retry about to happen. */
export interface RetryNotice {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** The sleep before the next attempt, ms. */
  delayMs: number;
  error: DomainApiError;
}

/**
 * The sleep before retry `n`: the backoff, or longer when the service said how long to wait (throttling
 * headers, `retryAfterMs`). The service's figure wins even over maxDelayMs: retrying sooner only earns
 * another throttled answer. The deadlines still bound it (see withRetry).
 */
export const retryDelay = (n: number, err: DomainApiError, policy: Required<RetryOptions>, random?: () => number): number =>
  Math.min(MAX_TIMER_MS, Math.max(retryBackoffMs(n, policy, random), err.retryAfterMs ?? 0));


/** The same error, with how many attempts were made, how long they took and why it stopped, in its message and fields. */
const gaveUp = (err: DomainApiError, attempts: number, elapsedMs: number, reason: string): DomainApiError => {
  if (attempts === 1 && (reason === "not retryable" || reason === "attempt limit")) return err;
  const why = attempts === 1 ? `Not retried: ${reason}.` : `Gave up after ${attempts} attempts over ${(elapsedMs / 1000).toFixed(1)} s (${reason}).`;
  return new DomainApiError(`${err.message} ${why}`, { ...err, attempts }, { cause: err.cause ?? err });
};

/**
 * Run `attempt` until it succeeds, fails for good, or the limits are reached. `attempt` gets the attempt
 * number (1-based). Throws the last error, with `attempts` set; AbortError as soon as `signal` fires.
 */
export const withRetry = async <T>(
  attempt: (n: number) => Promise<T>,
  policy: Required<RetryOptions>,
  ctx: RetryContext,
): Promise<T> => {
  const started = ctx.clock.now();
  for (let n = 1; ; n++) {
    throwIfAborted(ctx.signal);
    try {
      return await attempt(n);
    } catch (err) {
      if (AbortError.isInstance(err) || !DomainApiError.isInstance(err) || !err.retryable) {
        const why = DomainApiError.isInstance(err) && err.code === "DeadlineExceeded" ? "time limit reached" : "not retryable";
        throw DomainApiError.isInstance(err) ? gaveUp(err, n, ctx.clock.now() - started, why) : err;
      }
      if (n >= policy.maxAttempts) throw gaveUp(err, n, ctx.clock.now() - started, "attempt limit");
      const delay = retryDelay(n, err, policy, ctx.random);
      const wakeAt = ctx.clock.now() + delay;
      if (wakeAt - started >= policy.deadlineMs) {
        throw gaveUp(err, n, ctx.clock.now() - started, `deadline of ${policy.deadlineMs} ms`);
      }
      if (ctx.deadlineAt !== undefined && wakeAt >= ctx.deadlineAt) {
        const wait = err.retryAfterMs !== undefined && err.retryAfterMs >= delay ? `the service asked to wait ${delay} ms` : `the next retry was due in ${delay} ms`;
        throw gaveUp(err, n, ctx.clock.now() - started, `${wait}, past the call's time limit`);
      }
      ctx.onRetry?.({ attempt: n, delayMs: delay, error: err });
      await ctx.clock.sleep(delay, ctx.signal);
    }
  }
};
