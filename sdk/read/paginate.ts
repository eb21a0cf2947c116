/**
 * `paginateTaskDetails`: every detail of a query, as an async iterator of details with a `byPage()` view,
 * in the shape of `@azure/core-paging`.
 *
 * Each pass over the pages is checked (./ledger.ts): the distinct details must equal TotalItemNum, each must
 * belong to the TaskNo and filters asked, pages must not come back empty where the total promises details, and
 * the pass must account for every detail an earlier pass served. A pass that does not verify is read again
 * (./passes.ts), and only details not handed out yet are yielded; when no pass verifies the iteration ends in an
 * InconsistentAnswerError, so a loop that finishes has seen every detail, and nothing it was handed is
 * contradicted. A consistent service costs exactly ceil(N / pageSize) requests.
 */
import type { TaskDetail, TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { followSignal } from "../clock";
import { ValidationError } from "../errors";
import { readPagerLimits } from "../pager/limits";
import type { PagedTaskDetails, PagerOptions, PageSettings, PagingStats, TaskDetailPageItems } from "../pager/models";
import { Evidence } from "./evidence";
import { inconsistentAnswer } from "./inconsistent";
import { readPasses } from "./passes";

/** Failures a listing describes by name, for its contradictions (it lists every detail itself). */
const NAMED_FAILURES = 100;

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

async function* pages(
  api: DomainTaskApi,
  query: TaskQuery,
  options: PagerOptions,
  settings: PageSettings,
  stats: PagingStats,
): AsyncGenerator<TaskDetailPageItems, void, undefined> {
  const limits = readPagerLimits(options, settings.maxPageSize);
  const startPage = startPageOf(settings.continuationToken);
  const linked = followSignal(limits.signal);
  // A listing cannot say "failed": a failure an earlier pass showed, that the last one does not bear out, is a contradiction.
  const evidence = new Evidence({ keepFailed: NAMED_FAILURES });
  const reads = readPasses(api, query, { ...limits, signal: linked.signal, onRequest: () => (stats.requests += 1), keptFailures: "contradict" },
    evidence, startPage);
  try {
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
      const { unseen, unseenEntries } = event.page.accepted;
      if (unseen.length === 0) continue;
      evidence.markHandedOut(unseenEntries);
      const items: TaskDetailPageItems = Object.assign(unseen, { pageNum: event.page.pageNum });
      if (!event.page.last) items.continuationToken = String(event.page.pageNum + 1);
      yield items;
    }
  } finally {
    linked.release();
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
 * in page order; memory is O(pageSize x concurrency) plus a few bytes per detail for the checks. Nothing is
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
