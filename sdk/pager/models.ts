/**
 * The shapes of the pager's public API, and nothing else (in the style of `@azure/core-paging`'s models).
 */
import type { TaskDetail } from "../api/schemas";

/** Options of `paginateTaskDetails` and `listTaskDetails`. */
export interface PagerOptions {
  /** Details per request, 1-1000. Default 1000, the API's maximum: the fewest requests. */
  pageSize?: number;
  /** How many pages to fetch at once after the first one. Default 4; 1 fetches one page at a time. */
  concurrency?: number;
  /** Stops the paging promptly: in-flight requests are cancelled and the iteration throws an AbortError. */
  signal?: AbortSignal;
  /**
   * A hard cap on the pages one pass may fetch. Default 10000 (10 million details at the default page
   * size). A TotalItemNum implying more pages than this raises a PagingError instead of sending them.
   */
  maxPages?: number;
  /**
   * Passes over the pages before answers that do not verify end in an InconsistentAnswerError. Default 3.
   */
  maxReads?: number;
  /** The whole read (every pass, retries included) settles within this many milliseconds. Default: no limit. */
  timeoutMs?: number;
}

/** Settings of `byPage()`, as in `@azure/core-paging`. */
export interface PageSettings {
  /** Details per request for this iteration (overrides `pageSize`). */
  maxPageSize?: number;
  /** Where to resume: the `continuationToken` of a page seen earlier (the next page number, as a string). */
  continuationToken?: string;
}

/** One page from `byPage()`: its new details, plus the token that resumes after it. */
export type TaskDetailPageItems = TaskDetail[] & {
  /** The page number this page was fetched as. */
  pageNum: number;
  /** Pass to `byPage({ continuationToken })` to resume after this page; absent on the last page. */
  continuationToken?: string;
};

/** What paging cost and what it noticed. Live: updated as the iteration proceeds. */
export interface PagingStats {
  /** QueryTaskDetailList requests sent. */
  requests: number;
  /** Details dropped because an earlier page already held the same TaskDetailNo. */
  duplicatesRemoved: number;
  /** Extra passes made because a pass did not verify (see `paginateTaskDetails`). */
  rescans: number;
  /** Paging facts the service got wrong (wrong TotalPageNum...) and contradictions read around, one sentence each. */
  anomalies: string[];
}

/** `for await (const detail of pager)` over every detail, or `pager.byPage()` over pages. */
export interface PagedTaskDetails extends AsyncIterableIterator<TaskDetail> {
  byPage(settings?: PageSettings): AsyncIterableIterator<TaskDetailPageItems>;
  /** Counters across every iteration started from this object. */
  readonly stats: PagingStats;
}

/** What `listTaskDetails` returns. */
export interface TaskDetailList {
  /** Every detail, once each, in page order. */
  details: TaskDetail[];
  requests: number;
  duplicatesRemoved: number;
  anomalies: string[];
}
