/**
 * One pass over the pages of a query: the first page, then the rest a few at a time, in page order, each handed
 * to the pass's check (the read's ledger, sdk/read/ledger.ts: the pager pages, the reader judges).
 *
 * A pass requests exactly the pages TotalItemNum and the applied page size imply (so ceil(N / pageSize)
 * requests when the service is consistent). It stops early only on an empty page, which the check records as
 * a contradiction when the total promised details there. When the last page is full and says NextPage, one
 * page more is asked for: a total that undercounts would otherwise hide details (an honest service answers it
 * with nothing new). Pages after the first are requested only once the consumer asks for the next page, so a
 * consumer that stops after the first one sends nothing more.
 */
import type { TaskDetailPage, TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { PagingError } from "../errors";
import { askPage, type AskSettings } from "./ask";
import { fetchInOrder } from "./ordered-window";
import { planPass, type PassPlan } from "./page-facts";

/** What checks the pages of a pass; `accept` returns what the consumer gets of each page. */
export interface PassCheck<T> {
  accept(page: TaskDetailPage, pageNum: number): T;
  problem(text: string): void;
  note(text: string): void;
  /**
   * Ends the pass.
   * @param expected the details the pages read should hold (TotalItemNum, less the pages a resume skipped).
   * @param complete whether the pass covered every page (false when it resumed past the first).
   */
  close(expected: number, complete: boolean): void;
}

/** What a pass needs; shared by the passes of one read. */
export interface PassContext extends AskSettings {
  api: DomainTaskApi;
  query: TaskQuery;
  concurrency: number;
  maxPages: number;
}

/** One page of a pass, as its check accepted it. */
export interface PassPage<T> {
  pageNum: number;
  accepted: T;
  /** The last page of the pass (no more will come from it). */
  last: boolean;
  /** The pass's plan, from its first page. */
  plan: PassPlan;
}

const fetchPage = (ctx: PassContext, pageNum: number, pageSize: number, signal?: AbortSignal): Promise<TaskDetailPage> =>
  askPage(ctx.api, { ...ctx.query, pageNum, pageSize }, ctx, signal);

export async function* scanPass<T>(
  ctx: PassContext,
  check: PassCheck<T>,
  pageSize: number,
  startPage: number,
): AsyncGenerator<PassPage<T>, void, undefined> {
  const first = await fetchPage(ctx, startPage, pageSize);
  const plan = planPass(first, startPage, pageSize);
  plan.notes.forEach((n) => check.note(n));
  if (plan.lastPage - startPage + 1 > ctx.maxPages) {
    throw new PagingError(
      `TotalItemNum ${plan.totalItemNum} for TaskNo ${ctx.query.taskNo} implies ${plan.lastPage - startPage + 1} pages of ` +
        `${plan.pageSize}, more than maxPages ${ctx.maxPages}; raise maxPages if the task really is that large`,
      first.requestId,
    );
  }
  // Details the pages read should hold: all of them, less those on the pages a resumed read skips.
  const expected = Math.max(0, plan.totalItemNum - (startPage - 1) * plan.pageSize);
  let lastPage = plan.lastPage;

  /** Checks a page; returns whether the pass ends with it. */
  const take = (page: TaskDetailPage, pageNum: number): { accepted: T; stop: boolean } => {
    const accepted = check.accept(page, pageNum);
    if (page.details.length > plan.pageSize) {
      check.note(`page ${pageNum} holds ${page.details.length} details, more than the page size ${plan.pageSize} (RequestId ${page.requestId})`);
    }
    if (pageNum > plan.lastPage) return { accepted, stop: true }; // the look past the end
    if (page.details.length === 0) {
      if (pageNum <= plan.pages) {
        check.problem(`page ${pageNum} came back empty, though TotalItemNum ${plan.totalItemNum} promises ${plan.pages} page(s) ` +
          `of ${plan.pageSize} (RequestId ${page.requestId})`);
      }
      return { accepted, stop: true };
    }
    if (pageNum === lastPage && page.nextPage && page.details.length >= plan.pageSize && lastPage - startPage + 1 < ctx.maxPages) {
      lastPage += 1;
      return { accepted, stop: false };
    }
    if (page.nextPage && pageNum >= lastPage) check.note(`NextPage is true on the last page (${pageNum} of ${lastPage}); ignored (RequestId ${page.requestId})`);
    return { accepted, stop: pageNum >= lastPage };
  };

  let step = take(first, startPage);
  const complete = startPage === 1;
  if (step.stop) check.close(expected, complete);
  yield { pageNum: startPage, accepted: step.accepted, last: step.stop, plan };
  if (step.stop) return;
  let pageNum = startPage;
  const rest = fetchInOrder(startPage + 1, () => lastPage, ctx.concurrency, (n, s) => fetchPage(ctx, n, pageSize, s), ctx.signal);
  for await (const page of rest) {
    pageNum += 1;
    step = take(page, pageNum);
    if (step.stop) {
      lastPage = pageNum;
      check.close(expected, complete);
    }
    yield { pageNum, accepted: step.accepted, last: step.stop, plan };
    if (step.stop) break;
  }
}
