/**
 * The facts paging stops on, as small pure functions. Paging never trusts one flag: `NextPage` is `true` on
 * the only page of the API reference's own sample, `TotalPageNum` has been seen off by one, and a gateway may
 * apply another PageSize than the one it echoes. The page count is derived from TotalItemNum and the page size
 * the first page shows was applied, and the pass's ledger then checks that the pages held what they promised.
 */
import type { TaskDetailPage } from "../api/schemas";

/** Pages implied by a total: ceil(totalItemNum / pageSize), 0 for an empty (or negative) result. */
export const impliedPageCount = (totalItemNum: number, pageSize: number): number =>
  totalItemNum > 0 ? Math.ceil(totalItemNum / pageSize) : 0;

/** What the first page of a pass says about the pass, plus any self-contradiction in it. */
export interface PassPlan {
  /** The page size the service applied, as far as the first page shows it. */
  pageSize: number;
  totalItemNum: number;
  /** ceil(totalItemNum / pageSize): the pages that should hold details. */
  pages: number;
  /** The last page number to request (at least the first page's own number). */
  lastPage: number;
  notes: string[];
}

/**
 * The page size the service really applied. The echoed PageSize (or the requested one, when none is echoed),
 * unless the first page contradicts it: more details than it, or fewer while more remain - a gateway that
 * applies its own cap, or echoes a size it did not apply. Paging by the echoed size would then skip or repeat
 * details.
 */
const appliedPageSize = (first: TaskDetailPage, requested: number, remaining: number): number => {
  const echoed = first.pageSize > 0 ? first.pageSize : requested;
  const held = first.details.length;
  if (held > echoed) return held;
  if (held > 0 && held < echoed && held < remaining) return held;
  return echoed;
};

export const planPass = (first: TaskDetailPage, firstPageNum: number, requestedSize: number): PassPlan => {
  const echoed = first.pageSize > 0 ? first.pageSize : requestedSize;
  const remaining = first.totalItemNum - (firstPageNum - 1) * echoed;
  const pageSize = appliedPageSize(first, requestedSize, remaining);
  const pages = impliedPageCount(first.totalItemNum, pageSize);
  const notes: string[] = [];
  const where = `(RequestId ${first.requestId})`;
  if (pageSize !== echoed) {
    notes.push(`page ${firstPageNum} holds ${first.details.length} details but PageSize says ${echoed}; paging by ${pageSize} ${where}`);
  }
  if (first.totalPageNum !== pages) {
    notes.push(
      `TotalPageNum ${first.totalPageNum} disagrees with TotalItemNum ${first.totalItemNum} / PageSize ${pageSize} = ` +
        `${pages} page(s); paging by TotalItemNum ${where}`,
    );
  }
  return { pageSize, totalItemNum: first.totalItemNum, pages, lastPage: Math.max(firstPageNum, pages), notes };
};
