/**
 * One pass over the pages of a query: the first page, then the rest a few at a time, in page order, each
 * checked by the pass's ledger (../read/ledger.ts).
 *
 * A pass requests exactly the pages TotalItemNum and the applied page size imply (so ceil(N / pageSize)
 * requests when the service is consistent). It stops early only on an empty page, which the ledger records as
 * a contradiction when the total promised details there. When the last page is full and says NextPage, one
 * page more is asked for: a total that undercounts would otherwise hide details (an honest service answers it
 * with nothing new). The pass yields the details new to it and returns its ledger: whether the caller may trust
 * it is the ledger's to say.
 */
import type { TaskDetail, TaskDetailPage, TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { PagingError } from "../errors";
import { askPage, type AskSettings } from "../read/ask";
import { PassLedger, type AskedQuery } from "../read/ledger";
import { fetchInOrder } from "./ordered-window";
import { planPass } from "./page-facts";

/** What a pass needs; shared by the passes of one read. */
export interface PassContext extends AskSettings {
  api: DomainTaskApi;
  query: TaskQuery;
  asked: AskedQuery;
  concurrency: number;
  maxPages: number;
}

/** One page of a pass: the details new to this pass, with the page number they came from. */
export interface PassPage {
  pageNum: number;
  details: TaskDetail[];
  /** The last page of the pass (no more will come from it). */
  last: boolean;
}

const fetchPage = (ctx: PassContext, pageNum: number, pageSize: number, signal?: AbortSignal): Promise<TaskDetailPage> =>
  askPage(ctx.api, { ...ctx.query, pageNum, pageSize }, ctx, signal);

export async function* scanPass(
  ctx: PassContext,
  pageSize: number,
  startPage: number,
): AsyncGenerator<PassPage, PassLedger, undefined> {
  const ledger = new PassLedger(ctx.asked);
  const first = await fetchPage(ctx, startPage, pageSize);
  const plan = planPass(first, startPage, pageSize);
  plan.notes.forEach((n) => ledger.note(n));
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
  const take = (page: TaskDetailPage, pageNum: number): { fresh: TaskDetail[]; stop: boolean } => {
    const fresh = ledger.accept(page, pageNum);
    if (page.details.length > plan.pageSize) {
      ledger.note(`page ${pageNum} holds ${page.details.length} details, more than the page size ${plan.pageSize} (RequestId ${page.requestId})`);
    }
    if (pageNum > plan.lastPage) return { fresh, stop: true }; // the look past the end
    if (page.details.length === 0) {
      if (pageNum <= plan.pages) {
        ledger.problem(`page ${pageNum} came back empty, though TotalItemNum ${plan.totalItemNum} promises ${plan.pages} page(s) ` +
          `of ${plan.pageSize} (RequestId ${page.requestId})`);
      }
      return { fresh, stop: true };
    }
    if (pageNum === lastPage && page.nextPage && page.details.length >= plan.pageSize && lastPage - startPage + 1 < ctx.maxPages) {
      lastPage += 1;
      return { fresh, stop: false };
    }
    if (page.nextPage && pageNum >= lastPage) ledger.note(`NextPage is true on the last page (${pageNum} of ${lastPage}); ignored (RequestId ${page.requestId})`);
    return { fresh, stop: pageNum >= lastPage };
  };

  let step = take(first, startPage);
  yield { pageNum: startPage, details: step.fresh, last: step.stop };
  if (step.stop) {
    ledger.close(expected);
    return ledger;
  }
  let pageNum = startPage;
  const rest = fetchInOrder(startPage + 1, () => lastPage, ctx.concurrency, (n, s) => fetchPage(ctx, n, pageSize, s), ctx.signal);
  for await (const page of rest) {
    pageNum += 1;
    step = take(page, pageNum);
    if (step.stop) lastPage = pageNum;
    yield { pageNum, details: step.fresh, last: step.stop };
    if (step.stop) break;
  }
  ledger.close(expected);
  return ledger;
}
