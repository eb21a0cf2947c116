/** The delay between two polls: the shared backoff (sdk/backoff.ts) from minDelay up to maxDelay. */
import { jitteredBackoff } from "../backoff";

/**
 * @param attempt 1 for the delay after the first poll, 2 after the second, ...
 * @param minDelayMs lower bound of every delay, and the first one exactly
 * @param maxDelayMs upper bound of every delay (>= minDelayMs)
 * @param random a source of numbers in [0, 1); Math.random by default
 */
export const pollDelayMs = (attempt: number, minDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number =>
  // Rounded to the nearest ms, so the top of the range reaches maxDelay itself.
  Math.round(jitteredBackoff(attempt, { base: minDelayMs, cap: maxDelayMs, floor: minDelayMs }, random));
