/**
 * The QueryTaskDetailList action: select the details (selection.ts), cut the requested page and describe it
 * (CurrentPageNum, TotalPageNum, TotalItemNum, PageSize, PrePage, NextPage). Quirks bend the answer the way the
 * service's own samples do, and the integrity quirks the way a misbehaving gateway or cache would.
 */
import { withPagingFlags } from "./paging-flags";
import type { QueryParams } from "./query-params";
import { selectDetails } from "./selection";
import type { TaskStore } from "./task-store";
import type { Quirks } from "./types";
import { toWireDetail } from "./wire-detail";

export { readQueryParams, type QueryParams } from "./query-params";

const pageCount = (items: number, pageSize: number): number => Math.max(0, Math.ceil(items / pageSize));

const isEmptyPage = (pageNum: number, quirks: Quirks): boolean =>
  !!quirks.emptyPages && ((quirks.emptyPages.pages ?? []).includes(pageNum) || (quirks.emptyPages.from !== undefined && pageNum >= quirks.emptyPages.from));

/** Builds the success body for one page (without RequestId, which the server adds first). `answer` numbers the task's answers from 1. */
export const queryTaskDetailList = (store: TaskStore, q: QueryParams, now: number, quirks: Quirks = {}, answer = 1) => {
  const { task, count, served } = selectDetails(store, q, now, quirks, answer);
  // The size applied to cut pages, and the one echoed (which TotalPageNum and NextPage are computed from).
  const applied = Math.min(q.pageSize, quirks.pageSizeCap ?? Infinity);
  const echoed = quirks.echoedPageSize ?? q.pageSize;
  const servedPages = pageCount(served.count, applied);
  // Past the end the service answers an empty page; the quirk answers the last page again instead.
  const servedPage = quirks.repeatLastPagePastEnd && q.pageNum > servedPages && servedPages > 0 ? servedPages : q.pageNum;
  const start = (servedPage - 1) * applied;
  const end = isEmptyPage(q.pageNum, quirks) ? start : Math.min(served.count, start + applied);
  const ctx = { now, lang: q.lang, quirks, answer, statusFiltered: q.taskStatus !== undefined && !quirks.ignoreTaskStatusFilter };
  const page = [];
  for (let i = start; i < end; i++) page.push(toWireDetail(task!, served.at(i), ctx));
  const reported = quirks.totalItemNum ?? count + (quirks.totalItemNumOffset ?? 0);
  return withPagingFlags({
    CurrentPageNum: q.pageNum,
    TotalPageNum: Math.max(0, pageCount(reported, echoed) + (quirks.totalPageNumOffset ?? 0)),
    TotalItemNum: reported,
    PageSize: echoed,
    PrePage: q.pageNum > 1,
    NextPage: quirks.nextPageAlwaysTrue ? true : q.pageNum < pageCount(count, echoed),
    Data: quirks.omitTaskDetail ? {} : { TaskDetail: quirks.singleObjectDetail && page.length === 1 ? page[0] : page },
  }, quirks);
};
