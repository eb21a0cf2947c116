/**
 * Verified reads: one read of a task, cross-examined, and its outcome - or why it cannot be trusted - and the
 * verified listing of its details (the pager of the public API; the paging itself is ../pager's).
 */
export { readTaskOutcome, type ReadTaskOptions } from "./read-task";
export { paginateTaskDetails } from "./paginate";
export { listTaskDetails } from "./list";
export type { PagedTaskDetails, PagerOptions, PageSettings, PagingStats, TaskDetailList, TaskDetailPageItems } from "../pager/models";
