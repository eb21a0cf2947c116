/** `listTaskDetails`: every detail of a query in one array, with what it cost. */
import type { TaskDetail, TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import type { PagerOptions, TaskDetailList } from "../pager/models";
import { paginateTaskDetails } from "./paginate";

/**
 * Fetches every detail of a query (see `paginateTaskDetails` for how paging stops and how each pass is
 * verified), each detail once, in page order.
 *
 * @returns the details, the number of requests sent, the duplicates removed and the paging anomalies seen.
 * @throws InconsistentAnswerError when the service's answers never verified.
 */
export async function listTaskDetails(api: DomainTaskApi, query: TaskQuery, options: PagerOptions = {}): Promise<TaskDetailList> {
  const pager = paginateTaskDetails(api, query, options);
  const details: TaskDetail[] = [];
  for await (const page of pager.byPage()) details.push(...page);
  const { requests, duplicatesRemoved, anomalies } = pager.stats;
  return { details, requests, duplicatesRemoved, anomalies: [...anomalies] };
}
