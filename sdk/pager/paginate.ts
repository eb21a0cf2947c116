/**
 * `paginateTaskDetails`: every detail of a query, as an async iterator of details with a `byPage()` view,
 * in the shape of `@azure/core-paging`.
 *
 * Details can move between pages while a query is paged (a TaskStatus filter while details progress, or
 * the service re-ordering). A detail moving to a later page would be seen twice: it is dropped the second
 * time, by TaskDetailNo (by DomainName and InstanceId if the service omits it), and counted. A detail moving to an earlier page would be missed: when a pass sees
 * TotalItemNum change or pages run short, the pager makes another pass (at most two more) and yields only
 * the details it had not seen. A consistent service costs exactly ceil(N / pageSize) requests.
 */
import { MAX_PAGE_SIZE, type TaskDetail, type TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { throwIfAborted } from "../clock";
import { ValidationError } from "../errors";
import type { PagedTaskDetails, PagerOptions, PageSettings, PagingStats, TaskDetailPageItems } from "./models";
import { scanPass, type PassContext } from "./scan-pass";

/** Passes after the first one, when details keep changing under the pager. */
const MAX_RESCANS = 2;
const DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_PAGES = 10_000;

const checkInt = (field: string, value: number, min: number, max: number, fix: string): number => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, value, `${field} must be an integer from ${min} to ${max}, got ${String(value)}; ${fix}`);
  }
  return value;
};

const startPageOf = (token: string | undefined): number => {
  if (token === undefined) return 1;
  if (!/^[1-9]\d*$/.test(token)) {
    throw new ValidationError(
      "continuationToken",
      token,
      `continuationToken must be a page number as a string (the continuationToken of a page from byPage()), got ${JSON.stringify(token)}`,
    );
  }
  return Number(token);
};

/**
 * The pager's options, checked, with their defaults. Exported for the waiter, which checks them before its
 * first poll rather than when the task completes and its details are read in full.
 *
 * @throws ValidationError naming the option, its value and the allowed range.
 */
export const readPagerLimits = (options: PagerOptions, maxPageSize?: number) => ({
  pageSize: checkInt("pageSize", maxPageSize ?? options.pageSize ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE,
    "the Domain API returns at most 1000 details per page"),
  concurrency: checkInt("concurrency", options.concurrency ?? DEFAULT_CONCURRENCY, 1, 64, "use 1 for one request at a time"),
  maxPages: checkInt("maxPages", options.maxPages ?? DEFAULT_MAX_PAGES, 1, Number.MAX_SAFE_INTEGER, "raise it for very large tasks"),
});

async function* pages(
  api: DomainTaskApi,
  query: TaskQuery,
  options: PagerOptions,
  settings: PageSettings,
  stats: PagingStats,
): AsyncGenerator<TaskDetailPageItems, void, undefined> {
  const ctx: PassContext = {
    api,
    query,
    ...readPagerLimits(options, settings.maxPageSize),
    signal: options.signal,
    seen: new Map(),
    stats,
  };
  const startPage = startPageOf(settings.continuationToken);
  for (let pass = 1; ; pass++) {
    throwIfAborted(options.signal);
    const { changed } = yield* scanPass(ctx, pass, startPage);
    if (!changed) return;
    if (pass > MAX_RESCANS) {
      stats.anomalies.push(`details kept changing after ${pass} passes; the list may miss details that moved between pages`);
      return;
    }
    stats.rescans += 1;
  }
}

/**
 * Pages through every detail of a query.
 *
 * ```ts
 * for await (const detail of paginateTaskDetails(client, { taskNo })) console.log(detail.domainName);
 * for await (const page of paginateTaskDetails(client, { taskNo }).byPage({ maxPageSize: 100 })) { ... }
 * ```
 * Stops on facts, never on `NextPage` alone: an empty page, the page count implied by TotalItemNum and
 * PageSize, a short page, or a page that only repeats details already seen. Pages after the first are
 * fetched `concurrency` at a time and handed over in page order; memory is O(pageSize x concurrency) plus
 * one TaskDetailNo per detail for de-duplication. Nothing is sent until the iteration starts.
 *
 * @throws ValidationError for a bad pageSize, concurrency or continuationToken; DomainApiError from the
 *   client; PagingError when TotalItemNum implies more than `maxPages` pages; AbortError when `signal` fires.
 */
export function paginateTaskDetails(api: DomainTaskApi, query: TaskQuery, options: PagerOptions = {}): PagedTaskDetails {
  const stats: PagingStats = { requests: 0, duplicatesRemoved: 0, rescans: 0, anomalies: [] };
  const byPage = (settings: PageSettings = {}) => pages(api, query, options, settings, stats);
  async function* all(): AsyncGenerator<TaskDetail, void, undefined> {
    for await (const page of byPage()) yield* page;
  }
  const iterator = all();
  return {
    next: () => iterator.next(),
    return: (value?: unknown) => iterator.return(value as undefined),
    [Symbol.asyncIterator]() {
      return this;
    },
    byPage,
    stats,
  };
}
