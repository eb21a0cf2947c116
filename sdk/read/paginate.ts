/**
 * `paginateTaskDetails`: every detail of a query, as an async iterator of details with a `byPage()` view,
 * in the shape of `@azure/core-paging`.
 *
 * Each pass over the pages is checked (../read/ledger.ts): the distinct details must equal TotalItemNum, each
 * must belong to the TaskNo and filters asked, pages must not come back empty where the total promises
 * details. A pass that does not verify is read again (../read/passes.ts), and only details not handed out yet
 * are yielded; when no pass verifies the iteration ends in an InconsistentAnswerError, so a loop that finishes
 * has seen every detail. A consistent service costs exactly ceil(N / pageSize) requests.
 */
import { MAX_PAGE_SIZE, type TaskDetail, type TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { ValidationError } from "../errors";
import { DEFAULT_MAX_READS, readPasses, type ReadSettings } from "../read/passes";
import { inconsistentAnswer } from "../read/inconsistent";
import type { PagedTaskDetails, PagerOptions, PageSettings, PagingStats, TaskDetailPageItems } from "./models";

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
 * The pager's options, checked, with their defaults, and the read settings they make. Exported for the
 * reader and the waiter, which check them before their first request.
 *
 * @throws ValidationError naming the option, its value and the allowed range.
 */
export const readPagerLimits = (options: PagerOptions, maxPageSize?: number): Omit<ReadSettings, "onRequest"> => {
  const timeoutMs = options.timeoutMs;
  if (timeoutMs !== undefined && (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs < 0)) {
    throw new ValidationError("timeoutMs", timeoutMs, `timeoutMs must be a finite number of milliseconds >= 0, got ${String(timeoutMs)}`);
  }
  const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
  return {
    pageSize: checkInt("pageSize", maxPageSize ?? options.pageSize ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE,
      "the Domain API returns at most 1000 details per page"),
    concurrency: checkInt("concurrency", options.concurrency ?? DEFAULT_CONCURRENCY, 1, 64, "use 1 for one request at a time"),
    maxPages: checkInt("maxPages", options.maxPages ?? DEFAULT_MAX_PAGES, 1, Number.MAX_SAFE_INTEGER, "raise it for very large tasks"),
    maxReads: checkInt("maxReads", options.maxReads ?? DEFAULT_MAX_READS, 1, 10, "the reads of a query whose answers do not verify"),
    signal: options.signal,
    timeLeftMs: deadline === undefined ? undefined : () => Math.max(0, deadline - Date.now()),
  };
};

async function* pages(
  api: DomainTaskApi,
  query: TaskQuery,
  options: PagerOptions,
  settings: PageSettings,
  stats: PagingStats,
): AsyncGenerator<TaskDetailPageItems, void, undefined> {
  const limits = readPagerLimits(options, settings.maxPageSize);
  const reads = readPasses(api, query, { ...limits, onRequest: () => (stats.requests += 1) }, startPageOf(settings.continuationToken));
  for (;;) {
    const step = await reads.next();
    if (step.done) {
      const report = step.value;
      for (const a of report.anomalies) if (!stats.anomalies.includes(a)) stats.anomalies.push(a);
      stats.duplicatesRemoved += report.duplicates;
      if (!report.verified) throw inconsistentAnswer(query.taskNo, report.ledger.problems, report.reads);
      return;
    }
    const event = step.value;
    if (event.kind === "pass") {
      if (event.pass > 1) stats.rescans += 1;
      continue;
    }
    if (event.unseen.length === 0) continue;
    const items: TaskDetailPageItems = Object.assign([...event.unseen], { pageNum: event.page.pageNum });
    if (!event.page.last) items.continuationToken = String(event.page.pageNum + 1);
    yield items;
  }
}

/**
 * Pages through every detail of a query.
 *
 * ```ts
 * for await (const detail of paginateTaskDetails(client, { taskNo })) console.log(detail.domainName);
 * for await (const page of paginateTaskDetails(client, { taskNo }).byPage({ maxPageSize: 100 })) { ... }
 * ```
 * Stops on facts, never on `NextPage` alone: the page count implied by TotalItemNum and the page size the
 * service applied, or an empty page. Pages after the first are fetched `concurrency` at a time and handed over
 * in page order; memory is O(pageSize x concurrency) plus one identity per detail for the checks. Nothing is
 * sent until the iteration starts.
 *
 * @throws ValidationError for a bad option or continuationToken; DomainApiError from the client;
 *   InconsistentAnswerError when `maxReads` passes never verified; PagingError when TotalItemNum implies more
 *   than `maxPages` pages; AbortError when `signal` fires.
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
