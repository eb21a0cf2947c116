/**
 * Capped exponential backoff with jitter: the one formula behind the client's retries (sdk/retry.ts) and the
 * waiter's polls (sdk/waiter/poll-delay.ts). Pure, so tests pin a schedule with a fixed `random`.
 *
 *   ceiling(n) = min(cap, base * 2^(n - 1))                  n = 1 for the first delay
 *   delay(n)   = floor + random() * (ceiling(n) - floor)     random() in [0, 1)
 *
 * The ceiling doubles until it reaches the cap. Jitter keeps many clients started together (a CI matrix, a
 * crowd of throttled callers) from acting in step:
 * - floor 0 is "full jitter": a retry's delay spreads over [0, ceiling);
 * - floor = base is the waiter's: the first delay is exactly minDelay, and every delay lies in
 *   [minDelay, maxDelay].
 * The result is not rounded: each caller rounds as its bounds need.
 */
export interface BackoffBounds {
  /** The first ceiling, doubled with each step. */
  base: number;
  /** No ceiling exceeds this. */
  cap: number;
  /** No delay is shorter than this (<= base). */
  floor: number;
}

export const jitteredBackoff = (n: number, { base, cap, floor }: BackoffBounds, random: () => number = Math.random): number => {
  // 2^(n-1) overflows to Infinity for a huge n; min() with the cap keeps the ceiling finite.
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, n - 1));
  return floor + random() * (ceiling - floor);
};
