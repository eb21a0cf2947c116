/**
 * The delay between two polls: exponential, capped, jittered. One pure function, so tests can pin the
 * schedule with a fixed `random`.
 *
 *   ceiling(attempt) = min(maxDelay, minDelay * 2^(attempt - 1))
 *   delay(attempt)   = minDelay + random() * (ceiling(attempt) - minDelay)      random() in [0, 1)
 *
 * so the first delay is exactly minDelay, every delay lies in [minDelay, maxDelay], and the ceiling doubles
 * until it reaches maxDelay. Jitter keeps many waiters started together (a CI matrix) from polling in step.
 */

/**
 * @param attempt 1 for the delay after the first poll, 2 after the second, ...
 * @param minDelayMs lower bound of every delay
 * @param maxDelayMs upper bound of every delay (>= minDelayMs)
 * @param random a source of numbers in [0, 1); Math.random by default
 */
export const backoffDelayMs = (
  attempt: number,
  minDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number => {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(minDelayMs + random() * (ceiling - minDelayMs));
};
