/**
 * One read of the task list (one pass over its pages), checked against itself - the task-list counterpart of
 * the details' ledger (../read/ledger.ts), planned by the same paging facts (../pager/page-facts.ts):
 * - the pages are planned from the page size the service applied, as the first page shows it, not the one asked;
 * - every page reports the same TotalItemNum, and no page TotalItemNum promises comes back empty;
 * - NextPage is cross-checked: a full last page whose NextPage says more is followed, and tasks found there
 *   contradict TotalItemNum;
 * - the distinct tasks (by TaskNo) equal TotalItemNum.
 * Anything else is a problem: the pass does not verify. A list longer than the page cap is refused, never cut.
 */
import type { TaskDetail } from "../api/schemas";
import { PagingError } from "../errors";
import { planPass } from "../pager/page-facts";
import type { TaskInfo } from "./models";
import type { TaskListPage } from "./list-wire";

export interface ListPass {
  /** Distinct tasks by TaskNo (lower case), the last reading of each. */
  tasks: Map<string, TaskInfo>;
  problems: string[];
  notes: string[];
}

/** Asks for one page; bounded by the caller's deadline. */
export type AskTaskPage = (pageNum: number, pageSize: number) => Promise<TaskListPage>;

/** The paging facts of a task-list page, as the details' planner reads a page (its length is the page's task count). */
const asPlannable = (page: TaskListPage) => ({
  requestId: page.requestId,
  currentPageNum: 1,
  totalPageNum: page.totalPageNum,
  totalItemNum: page.totalItemNum,
  pageSize: page.pageSize,
  prePage: false,
  nextPage: page.nextPage ?? false,
  details: new Array<TaskDetail>(page.tasks.length),
});

export const readListPass = async (ask: AskTaskPage, requestedSize: number, maxPages: number): Promise<ListPass> => {
  const pass: ListPass = { tasks: new Map(), problems: [], notes: [] };
  const problem = (text: string) => void (pass.problems.includes(text) || pass.problems.push(text));
  const first = await ask(1, requestedSize);
  const plan = planPass(asPlannable(first), 1, requestedSize);
  // The planner speaks of details; on this list they are tasks.
  pass.notes.push(...plan.notes.map((n) => n.replace(/\bdetails\b/g, "tasks")));
  const total = first.totalItemNum;
  if (plan.pages > maxPages) {
    throw new PagingError(
      `QueryTaskList says ${total} tasks in the window, ${plan.pages} pages of ${plan.pageSize}: more than the ${maxPages} pages one read may take. ` +
        "Nothing was cut: narrow the window (a shorter --since / lookback) or raise maxPages.",
      first.requestId,
    );
  }
  const accept = (page: TaskListPage, pageNum: number) => {
    if (page.totalItemNum !== total) problem(`TotalItemNum changed from ${total} to ${page.totalItemNum} during one read (page ${pageNum}, RequestId ${page.requestId})`);
    for (const task of page.tasks) pass.tasks.set(task.taskNo.toLowerCase(), task);
  };
  accept(first, 1);
  let last = first;
  for (let pageNum = 1; ; ) {
    const planned = pageNum < plan.pages;
    // A full page whose NextPage says more is followed even past the plan: TotalItemNum may be the one that is wrong.
    const nextSaysMore = last.nextPage === true && last.tasks.length >= plan.pageSize && last.tasks.length > 0;
    if (!planned && !nextSaysMore) break;
    if (pageNum >= maxPages) {
      throw new PagingError(`QueryTaskList's NextPage still says more after ${maxPages} pages, the most one read may take; nothing was cut: narrow the window.`, last.requestId);
    }
    pageNum++;
    last = await ask(pageNum, requestedSize);
    accept(last, pageNum);
    const where = `(page ${pageNum}, RequestId ${last.requestId})`;
    if (planned && last.tasks.length === 0) problem(`page ${pageNum} came back empty although TotalItemNum ${total} promised ${plan.pages} page(s) ${where}`);
    if (planned && last.nextPage === false && pageNum < plan.pages) pass.notes.push(`NextPage says false on page ${pageNum} of ${plan.pages}; paging by TotalItemNum ${where}`);
    if (!planned && last.tasks.length > 0) problem(`page ${pageNum} holds ${last.tasks.length} task(s) beyond the ${plan.pages} page(s) TotalItemNum ${total} implies ${where}`);
    if (!planned && last.tasks.length === 0) pass.notes.push(`NextPage says true on the last page; page ${pageNum} is empty ${where}`);
  }
  if (pass.tasks.size !== total) problem(`TotalItemNum says ${total}, but ${pass.tasks.size} distinct task(s) were listed`);
  return pass;
};
