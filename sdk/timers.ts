/**
 * The reach of one Node.js timer, written once. It imports nothing, so the CLI's flag parser (and its `--help`)
 * reads it without loading the SDK; `sdk/clock.ts` re-exports it beside the clock that sleeps within it.
 */

/** The longest delay one Node.js timer takes (2^31 - 1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
