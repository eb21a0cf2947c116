/** The pager: every detail of a QueryTaskDetailList query, page by page, guarded against paging quirks. */
export { paginateTaskDetails } from "./paginate";
export { listTaskDetails } from "./list";
export type { PagedTaskDetails, PagerOptions, PageSettings, PagingStats, TaskDetailList, TaskDetailPageItems } from "./models";
