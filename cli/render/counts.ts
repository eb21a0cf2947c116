/**
 * How status counts read in every CLI output, in words and colours: "2995 succeeded, 5 failed, 12 executing,
 * 3 waiting". Shared by the table summary, the progress line and the log lines so the words never drift
 * apart. (The SDK and the provider quote the API's status names instead: formatStatusCounts, sdk/outcome.ts.)
 */
import { createStyle, type Style } from "./style";

/** Counts by TaskStatus (the SDK's StatusCounts, or any subset of it). */
export type Counts = Readonly<Partial<Record<string, number>>>;

const LABELS: ReadonlyArray<{ status: string; label: string; color: keyof Omit<Style, "enabled"> }> = [
  { status: "EXECUTE_SUCCESS", label: "succeeded", color: "green" },
  { status: "EXECUTE_FAILURE", label: "failed", color: "red" },
  { status: "EXECUTING", label: "executing", color: "yellow" },
  { status: "WAITING_EXECUTE", label: "waiting", color: "dim" },
  // Waiting or executing, when only that sum is known (the waiter counts no breakdown: see knownCounts).
  { status: "OPEN", label: "open", color: "yellow" },
  { status: "UNKNOWN", label: "in an unknown status", color: "red" },
];

/** Details that have finished (succeeded or failed). */
export const finishedCount = (counts: Counts): number =>
  (counts.EXECUTE_SUCCESS ?? 0) + (counts.EXECUTE_FAILURE ?? 0);

/**
 * "2995 succeeded, 5 failed, 12 executing". Zero counts are left out, except that an empty task reads
 * "no details". Failures are red and successes green when the style has colours.
 */
export const formatCounts = (counts: Counts, style: Style = createStyle(false), separator = ", "): string => {
  const parts = LABELS.filter(({ status }) => (counts[status] ?? 0) > 0).map(({ status, label, color }) =>
    style[color](`${counts[status]} ${label}`));
  return parts.length > 0 ? parts.join(separator) : "no details";
};

/** "1 detail" / "3000 details". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
