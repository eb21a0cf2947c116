/**
 * A client-side rate limit, so many waiters in one pipeline stay under the account's API quota.
 *
 * A token bucket on the injected Clock: it holds at most `burst` tokens (default 1, i.e. evenly spaced
 * requests) and gains `ratePerSecond` tokens a second. Each request takes one token, waiting for it if the
 * bucket is empty. One limiter is shared by every call (and every retry) of one client.
 */
import type { Clock } from "./clock";
import { ValidationError } from "./errors";

/** A token bucket on a Clock; the client makes one from its `rateLimit` option. */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private readonly intervalMs: number;

  /**
   * @param ratePerSecond requests per second, > 0.
   * @param burst how many requests may go back to back after a quiet spell (>= 1).
   */
  constructor(
    readonly ratePerSecond: number,
    private readonly clock: Clock,
    readonly burst = 1,
  ) {
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
      throw new ValidationError(
        "rateLimit",
        ratePerSecond,
        `rateLimit must be a positive number of requests per second; got ${String(ratePerSecond)}. Leave it out for no limit.`,
      );
    }
    if (!(burst >= 1)) throw new ValidationError("burst", burst, `burst must be >= 1; got ${String(burst)}.`);
    this.intervalMs = 1000 / ratePerSecond;
    this.tokens = burst;
    this.last = clock.now();
  }

  /**
   * Take a token, waiting for one if needed. Reservations are made synchronously (the bucket may go
   * negative), so concurrent callers queue in call order. An aborted wait gives its token back.
   */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) / this.intervalMs);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    const waitMs = -this.tokens * this.intervalMs;
    try {
      await this.clock.sleep(waitMs, signal);
    } catch (err) {
      this.tokens += 1;
      throw err;
    }
  }
}
