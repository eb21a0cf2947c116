/**
 * One pass over the pages of a query: the first page, then the rest a few at a time, in page order.
 *
 * A pass requests exactly the pages TotalItemNum / PageSize implies (so ceil(N / pageSize) requests when
 * the service is consistent) and stops early on an empty page, a short page, or a page holding only details
 * this pass already saw (a server repeating its last page). Details already seen, by TaskDetailNo, are
 * dropped. The pass reports whether the details changed under it, so the caller can make another.
 */
import type { QueryTaskDetailListRequest, TaskDetail, TaskDetailPage, TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { PagingError } from "../errors";
import type { PagingStats, TaskDetailPageItems } from "./models";
import { abortable } from "../clock";
import { fetchInOrder } from "./ordered-window";
import { planPass } from "./page-facts";

/** Everything a pass reads and updates; shared by the passes of one iteration. */
export interface PassContext {
  api: DomainTaskApi;
  query: TaskQuery;
  pageSize: number;
  concurrency: number;
  maxPages: number;
  signal?: AbortSignal;
  /** A detail's key (see keyOf) -> number of the last pass that saw it. */
  seen: Map<string, number>;
  stats: PagingStats;
}

export interface PassResult {
  /** True when TotalItemNum moved or pages ran short: a detail may have shifted onto a page already read. */
  changed: boolean;
}

/**
 * What tells one detail from another: its TaskDetailNo, or, from a service that omits it, its DomainName and
 * InstanceId (one detail per domain or instance in a task); undefined when a detail has none of them.
 */
const keyOf = (d: TaskDetail): string | undefined =>
  d.taskDetailNo !== "" ? d.taskDetailNo : d.domainName !== "" || d.instanceId !== "" ? `\u0000${d.domainName}\u0000${d.instanceId}` : undefined;

const fetchPage = (ctx: PassContext, pageNum: number, signal?: AbortSignal): Promise<TaskDetailPage> => {
  ctx.stats.requests += 1;
  const request: QueryTaskDetailListRequest = { ...ctx.query, pageNum, pageSize: ctx.pageSize };
  return ctx.api.queryTaskDetailList(request, { signal });
};

export async function* scanPass(
  ctx: PassContext,
  pass: number,
  startPage: number,
): AsyncGenerator<TaskDetailPageItems, PassResult, undefined> {
  const note = (anomaly: string) => {
    if (!ctx.stats.anomalies.includes(anomaly)) ctx.stats.anomalies.push(anomaly);
  };
  const first = await abortable(fetchPage(ctx, startPage, ctx.signal), ctx.signal);
  const plan = planPass(first, startPage, ctx.pageSize);
  plan.anomalies.forEach(note);
  let lastPage = plan.lastPage;
  if (lastPage - startPage + 1 > ctx.maxPages) {
    throw new PagingError(
      `TotalItemNum ${plan.totalItemNum} for TaskNo ${ctx.query.taskNo} implies ${lastPage - startPage + 1} pages of ` +
        `${plan.pageSize}, more than maxPages ${ctx.maxPages}; raise maxPages if the task really is that large`,
      first.requestId,
    );
  }
  let changed = false;
  let totalMoved = false;

  /** Returns the page to hand over (if any) and whether to stop. */
  const take = (page: TaskDetailPage, pageNum: number): { items?: TaskDetailPageItems; stop: boolean } => {
    const where = `(RequestId ${page.requestId})`;
    if (page.totalItemNum !== plan.totalItemNum && !totalMoved) {
      changed = totalMoved = true; // noted once a pass: a restless service should not flood the anomalies
      note(`TotalItemNum changed from ${plan.totalItemNum} to ${page.totalItemNum} while paging ${where}`);
    }
    if (page.nextPage && pageNum >= lastPage) note(`NextPage is true on the last page (${pageNum} of ${lastPage}); ignored ${where}`);
    const details = page.details;
    if (details.length === 0) {
      // Empty where TotalItemNum promises details: they moved. Past the end (a resumed token): just done.
      if (pageNum <= Math.min(lastPage, plan.pages)) changed = true;
      return { stop: true };
    }
    if (pageNum > startPage && details.every((d) => { const k = keyOf(d); return k !== undefined && ctx.seen.get(k) === pass; })) {
      ctx.stats.duplicatesRemoved += details.length;
      note(`page ${pageNum} holds only details already seen on earlier pages (the service repeated a page, or details shifted); stopped there ${where}`);
      return { stop: true };
    }
    const fresh: TaskDetailPageItems = Object.assign([], { pageNum });
    for (const d of details) {
      if (d.taskDetailNo === "") note("details without a TaskDetailNo; told apart by DomainName and InstanceId instead");
      const key = keyOf(d);
      if (key === undefined) {
        // Nothing to tell it from another: keep it (a detail listed twice beats every detail but one lost).
        fresh.push(d);
        continue;
      }
      const seenIn = ctx.seen.get(key);
      if (seenIn === pass) ctx.stats.duplicatesRemoved += 1;
      else if (seenIn === undefined) fresh.push(d);
      ctx.seen.set(key, pass);
    }
    const short = details.length < plan.pageSize;
    if (short && pageNum < lastPage) changed = true;
    const stop = short || pageNum >= lastPage;
    if (!stop) fresh.continuationToken = String(pageNum + 1);
    return { items: fresh.length > 0 ? fresh : undefined, stop };
  };

  let step = take(first, startPage);
  if (step.items) yield step.items;
  if (step.stop) return { changed };

  let pageNum = startPage;
  const rest = fetchInOrder(startPage + 1, () => lastPage, ctx.concurrency, (n, s) => fetchPage(ctx, n, s), ctx.signal);
  for await (const page of rest) {
    pageNum += 1;
    step = take(page, pageNum);
    if (step.stop) lastPage = pageNum;
    if (step.items) yield step.items;
    if (step.stop) break;
  }
  return { changed };
}
