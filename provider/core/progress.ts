/**
 * Progress lines while a resource waits for its task: counts by status and time elapsed, at most one line per
 * interval, never a line per poll. The first poll always reports (the wait has begun), and so does the poll
 * that finds nothing open any more (the wait is over). Each line names the resource that waits.
 */
import type { Clock } from "../../sdk/clock";
import { formatStatusCounts } from "../../sdk/outcome";
import { knownCounts, type WaitProgress } from "../../sdk/waiter";

/** Default spacing of progress lines. */
export const PROGRESS_INTERVAL_MS = 5_000;

/** Where progress lines go, on which clock, how far apart, and what they call the waiting resource. */
export interface ProgressLoggerOptions {
  clock: Clock;
  log: (message: string) => void;
  intervalMs?: number;
  /** What stands before the TaskNo: "DomainTask", or "DomainNameServers a.com,b.com: task". */
  resource: string;
}

/** Returns an `onProgress` for `waitForTask` that logs through `log`, throttled by `clock`. */
export function throttledProgress(options: ProgressLoggerOptions): (progress: WaitProgress) => void {
  const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  let lastLoggedAt: number | undefined;
  return (p) => {
    const now = options.clock.now();
    const finished = p.open === 0 && p.total > 0;
    if (lastLoggedAt !== undefined && now - lastLoggedAt < interval && !finished) return;
    lastLoggedAt = now;
    options.log(formatProgress(options.resource, p));
  };
}

/**
 * "DomainTask T-1: 3 EXECUTING, 7 EXECUTE_SUCCESS (7/10 done) after 42s". When the poll counted only the
 * finished details, the rest are one open count: "DomainTask T-1: 7 EXECUTE_SUCCESS, 3 OPEN (7/10 done) after 42s".
 */
export function formatProgress(resource: string, p: WaitProgress): string {
  const done = p.total - p.open;
  const counts = formatStatusCounts(knownCounts(p));
  return `${resource} ${p.taskNo}: ${counts} (${done}/${p.total} done) after ${Math.round(p.elapsedMs / 1000)}s`;
}
