/**
 * The facts paging stops on, as small pure functions. Paging never trusts one flag: `NextPage` is `true` on
 * the only page of the API reference's own sample, and `TotalPageNum` has been seen off by one. The page
 * count is derived from TotalItemNum and PageSize instead, and checked against what the pages hold.
 */
import type { TaskDetailPage } from "../api/schemas";

/** The page size the service applied: the one it reports, or the one requested if it reports none. */
export const appliedPageSize = (page: TaskDetailPage, requested: number): number =>
  page.pageSize > 0 ? page.pageSize : requested;

/** Pages implied by a total: ceil(totalItemNum / pageSize), 0 for an empty result. */
export const impliedPageCount = (totalItemNum: number, pageSize: number): number =>
  totalItemNum > 0 ? Math.ceil(totalItemNum / pageSize) : 0;

/** What the first page of a pass says about the pass, plus any self-contradiction in it. */
export interface PassPlan {
  pageSize: number;
  totalItemNum: number;
  /** ceil(totalItemNum / pageSize): the pages that should hold details. */
  pages: number;
  /** The last page number to request (at least the first page's own number). */
  lastPage: number;
  anomalies: string[];
}

export const planPass = (first: TaskDetailPage, firstPageNum: number, requestedSize: number): PassPlan => {
  const pageSize = appliedPageSize(first, requestedSize);
  const pages = impliedPageCount(first.totalItemNum, pageSize);
  const anomalies: string[] = [];
  const where = `(RequestId ${first.requestId})`;
  if (first.totalPageNum !== pages) {
    anomalies.push(
      `TotalPageNum ${first.totalPageNum} disagrees with TotalItemNum ${first.totalItemNum} / PageSize ${pageSize} = ` +
        `${pages} page(s); paging by TotalItemNum ${where}`,
    );
  }
  if (first.details.length > pageSize) {
    anomalies.push(`page ${firstPageNum} holds ${first.details.length} details, more than PageSize ${pageSize} ${where}`);
  }
  return { pageSize, totalItemNum: first.totalItemNum, pages, lastPage: Math.max(firstPageNum, pages), anomalies };
};
