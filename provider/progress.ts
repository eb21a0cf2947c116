/**
 * Progress lines while a DomainTask waits: counts by status and time elapsed, at most one line per
 * interval (the first poll always reports, so a user sees the wait begin), never a line per poll.
 */
import type { Clock } from "../sdk/clock";
import { formatCounts } from "../sdk/outcome";
import type { WaitProgress } from "../sdk/waiter";

/** Default spacing of progress lines. */
export const PROGRESS_INTERVAL_MS = 10_000;

export interface ProgressLoggerOptions {
  clock: Clock;
  log: (message: string) => void;
  intervalMs?: number;
}

/** Returns an `onProgress` for `waitForTask` that logs through `log`, throttled by `clock`. */
export function throttledProgress(options: ProgressLoggerOptions): (progress: WaitProgress) => void {
  const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  let lastLoggedAt: number | undefined;
  return (p) => {
    const now = options.clock.now();
    if (lastLoggedAt !== undefined && now - lastLoggedAt < interval) return;
    lastLoggedAt = now;
    options.log(formatProgress(p));
  };
}

/** "DomainTask T-1: 3 EXECUTING, 7 EXECUTE_SUCCESS (7/10 done) after 42s". */
export function formatProgress(p: WaitProgress): string {
  const done = p.total - p.open;
  return `DomainTask ${p.taskNo}: ${formatCounts(p.counts)} (${done}/${p.total} done) after ${Math.round(p.elapsedMs / 1000)}s`;
}
