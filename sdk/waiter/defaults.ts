/**
 * The waiter's defaults, in seconds: the one place they are written. The SDK's settings, the DomainTask's
 * inputs, the CLI's flags, its help and its exit-code text all derive theirs from here (as smithy's waiters
 * export `waiterServiceDefaults`). This module imports nothing, so the CLI's `--help` can read it without
 * loading the SDK or zod.
 */
export const WAIT_DEFAULTS = Object.freeze({
  /** How long a wait lasts before it times out. */
  maxWaitSeconds: 1800,
  /** The first delay between polls (the backoff's floor). */
  minDelaySeconds: 2,
  /** The longest delay between polls (the backoff's ceiling). */
  maxDelaySeconds: 30,
  /** How long a TaskNo may show no details before the wait says it was not found. */
  notFoundGraceSeconds: 60,
});
