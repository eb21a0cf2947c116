/** The shapes of the waiter's public API. */
import type { TaskDetail } from "../api/schemas";
import type { Clock } from "../clock";
import type { StatusCounts, TaskOutcome } from "../outcome";

/** What the waiter knew after one poll, every number exact: a breakdown is given only when it was counted. */
export interface WaitState {
  taskNo: string;
  /** Details the task has. */
  total: number;
  /** Details that succeeded. */
  succeededCount: number;
  /** Details that failed. */
  failedCount: number;
  /** Details not yet terminal (waiting, executing, or a status this package does not know). */
  open: number;
  /**
   * Details per status, when this poll counted (or read) every status; null on the routine polls of a large
   * task, which count only the finished details (the cost model: sdk/waiter/poll.ts).
   */
  breakdown: StatusCounts | null;
  /** The poll's full, verified outcome, when it read every detail (a small task, or a finished one); else null. */
  outcome: TaskOutcome | null;
  /**
   * What this poll saw, as an outcome: `outcome` when there is one; otherwise the counts it saw, every failure
   * any read of the wait showed (kept failed) and each contradiction in `anomalies` - with `verified: false`
   * when its answers did not verify, and never a success then. For reporting, never a verdict.
   */
  seen: TaskOutcome;
  /** Whether this poll's answers verified; an unverified poll never ends a wait with success. */
  verified: boolean;
  /** What did not verify at this poll (empty when `verified`). */
  problems: string[];
}

/** What the waiter saw after one poll; handed to `onProgress`. */
export interface WaitProgress extends Omit<WaitState, "outcome" | "seen" | "problems"> {
  /** 1 for the first poll. */
  attempt: number;
  /** Time since the wait started, by the waiter's clock. */
  elapsedMs: number;
  /** The sleep before the next poll; null when this was the last poll. */
  nextDelayMs: number | null;
  /** QueryTaskDetailList requests this poll sent. */
  requests: number;
}

/**
 * When a wait ends: `complete` (default) once every detail is terminal; `firstFailure` as soon as a verified
 * read shows a failed detail (success is out of reach then), or once every detail is terminal.
 */
export type WaitUntil = "complete" | "firstFailure";

/** Options of `waitForTask`. */
export interface WaitOptions {
  /** Give up with a TimeoutError after this long. Default 1800 (30 minutes). */
  maxWaitSeconds?: number;
  /** Shortest sleep between polls. Default 2. */
  minDelaySeconds?: number;
  /** Longest sleep between polls; completion is noticed at most this long after it happens. Default 30. */
  maxDelaySeconds?: number;
  /**
   * How long a TaskNo with no details at all is polled before failing as probably wrong (a new task may
   * take a moment to appear). Default 60.
   */
  notFoundGraceSeconds?: number;
  /** The stop condition; see {@link WaitUntil}. Default `complete`. */
  until?: WaitUntil;
  /** Stops the wait promptly, even mid-sleep and mid-request, with an AbortError. */
  signal?: AbortSignal;
  /** Called after every poll, e.g. for a progress display. An exception thrown here ends the wait. */
  onProgress?: (progress: WaitProgress) => void;
  /** Where time comes from; a VirtualClock in tests. Default: the system clock. */
  clock?: Clock;
  /** Page size of the full reads (default 1000). Tasks with at most this many details are small. */
  pageSize?: number;
  /** Page concurrency of the full reads (default 4). */
  concurrency?: number;
  /** List at most this many details in the outcome (`detailsOmitted` counts the rest). Default: all. */
  keepDetails?: number;
  /** List at most this many failures in the outcome (`failedOmitted` counts the rest). Default: all. */
  keepFailed?: number;
  /**
   * Stream the details instead of holding them: called with each detail of the task once, as the reads that
   * may end the wait read them (a task larger than one page: its final read; a smaller one: when the wait
   * ends); await it for backpressure. The outcome returned (or carried by the error the wait ends in) then
   * lists no `details`: each has reached `onDetails`. A detail streamed by a final read the wait then did not
   * end on (the service moved) is not streamed again.
   */
  onDetails?: (details: TaskDetail[]) => void | Promise<void>;
  /** The jitter source for the backoff, in [0, 1). Default Math.random. */
  random?: () => number;
}

/**
 * The counts a poll knows, for display: its breakdown when it counted every status, else the finished
 * details and the open ones as one `OPEN` count (never an estimate of how the open ones split).
 */
export const knownCounts = (s: Pick<WaitState, "breakdown" | "succeededCount" | "failedCount" | "open">): Readonly<Record<string, number>> =>
  s.breakdown ?? { EXECUTE_SUCCESS: s.succeededCount, EXECUTE_FAILURE: s.failedCount, OPEN: s.open };
