/** The shapes of the waiter's public API. */
import type { Clock } from "../clock";
import type { StatusCounts } from "../outcome";

/** What the waiter saw after one poll; handed to `onProgress`. */
export interface WaitProgress {
  taskNo: string;
  /** Details per status at this poll; see `countsExact`. */
  counts: StatusCounts;
  /**
   * True when every count was read at this poll. False on the routine polls of a task larger than one page:
   * to keep a poll at 2 requests while the task progresses, they count only the finished details, so
   * EXECUTE_SUCCESS, EXECUTE_FAILURE, `total` and `open` are exact but the split of the open details between
   * WAITING_EXECUTE, EXECUTING and UNKNOWN is carried over from the last exact count (UNKNOWN as it was,
   * waiting at most as many as then, the rest executing). A poll after one where nothing finished counts
   * every status again.
   */
  countsExact: boolean;
  total: number;
  /** Details not yet terminal (waiting, executing or an unknown status). */
  open: number;
  /** 1 for the first poll. */
  attempt: number;
  /** Time since the wait started, by the waiter's clock. */
  elapsedMs: number;
  /** The sleep before the next poll; null when this was the last poll. */
  nextDelayMs: number | null;
  /** QueryTaskDetailList requests this poll sent. */
  requests: number;
}

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
  /** Stops the wait promptly, even mid-sleep, with an AbortError. */
  signal?: AbortSignal;
  /** Called after every poll, e.g. for a progress display. An exception thrown here ends the wait. */
  onProgress?: (progress: WaitProgress) => void;
  /** Where time comes from; a VirtualClock in tests. Default: the system clock. */
  clock?: Clock;
  /** Page size of the full fetches (default 1000). Tasks with at most this many details are small. */
  pageSize?: number;
  /** Page concurrency of the full fetches (default 4). */
  concurrency?: number;
  /** The jitter source for the backoff, in [0, 1). Default Math.random. */
  random?: () => number;
}
