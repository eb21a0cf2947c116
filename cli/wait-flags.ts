/**
 * The wait flags (`--timeout`, `--min-delay`, `--max-delay`, `--fail-fast`) read once for every command that waits
 * (`wait`, `set-ns --wait`): checked together before anything is sent - a minimum longer than the maximum is bad
 * input, not something to find out after a change was submitted - and handed to the SDK in its unit, seconds.
 */
import { WAIT_DEFAULTS } from "../sdk/waiter/defaults";
import { durationFlag } from "./duration";
import { UsageError, quote } from "./usage-error";

export interface WaitFlags {
  timeoutSeconds: number;
  minDelaySeconds?: number;
  maxDelaySeconds?: number;
  failFast: boolean;
}

/** The wait flags of `values`; `--timeout` defaults to the SDK's wait. */
export const parseWaitFlags = (values: Readonly<Record<string, string | boolean>>, command: string): WaitFlags => {
  const seconds = (flag: string, positive: boolean): number | undefined => {
    const value = values[flag];
    if (typeof value !== "string") return undefined;
    const ms = durationFlag(`--${flag}`, value, command);
    if (positive && ms <= 0) throw new UsageError(`--${flag} ${quote(value)} must be longer than 0: use e.g. 500ms, 2s or 1m.`, command);
    return ms / 1000;
  };
  const minDelaySeconds = seconds("min-delay", true);
  const maxDelaySeconds = seconds("max-delay", true);
  if (minDelaySeconds !== undefined && maxDelaySeconds !== undefined && minDelaySeconds > maxDelaySeconds) {
    throw new UsageError(
      `--min-delay ${quote(String(values["min-delay"]))} is longer than --max-delay ${quote(String(values["max-delay"]))}: make the minimum the smaller one.`,
      command,
    );
  }
  return {
    timeoutSeconds: seconds("timeout", false) ?? WAIT_DEFAULTS.maxWaitSeconds,
    ...(minDelaySeconds !== undefined && { minDelaySeconds }),
    ...(maxDelaySeconds !== undefined && { maxDelaySeconds }),
    failFast: values["fail-fast"] === true,
  };
};
