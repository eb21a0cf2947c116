/**
 * `findTask`: the tasks of one type over exactly these domains, submitted since a moment - so a change submitted
 * but whose TaskNo was lost (a run interrupted after the write) is found and waited on rather than submitted twice.
 * The search is the task operations' (../tasks/find-submitted): a verified listing, each candidate's details read,
 * a just-submitted task recognized however it is listed.
 */
import { systemClock, type Clock } from "../clock";
import { Deadline } from "../tasks/deadline";
import { findSameDomains } from "../tasks/find-submitted";
import type { FindTaskQuery, FoundTask, NameServerApi } from "./models";

export { listTasks } from "../tasks/list-tasks";
export { parseCreateTime } from "../tasks/task-facts";
export type { TaskListQuery } from "../tasks/models";

/** How long `findTask` may take unless told. */
const DEFAULT_TIMEOUT_MS = 120_000;

/** Tasks of `query.taskType` (default CHG_DNS) over exactly `query.domainNames`, created since `query.sinceMs`, newest first. */
export async function findTask(
  api: NameServerApi,
  query: FindTaskQuery,
  options: { signal?: AbortSignal; nowMs?: number; timeoutMs?: number; clock?: Clock } = {},
): Promise<FoundTask[]> {
  const clock = options.clock ?? systemClock;
  const deadline = new Deadline(clock, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const found = await findSameDomains(api, query.taskType ?? "CHG_DNS", query.domainNames, {
    sinceMs: query.sinceMs, nowMs: options.nowMs, deadline, clock, signal: options.signal,
  });
  return found.map((f) => ({ ...f.task, open: f.open, succeeded: f.succeeded }));
}
