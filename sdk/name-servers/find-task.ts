/**
 * `findTask`: the tasks of one type that cover exactly these domains, submitted since a moment - so a change that
 * was submitted but whose TaskNo was lost (a run interrupted after the submit) is found and waited on rather than
 * submitted twice. QueryTaskList names no domains, so each candidate of the right type and size is read with
 * QueryTaskDetailList to compare its domains.
 *
 * Paging stops on facts: an empty page, the page count from TotalItemNum, or MAX_PAGES. Nothing documents the order
 * of QueryTaskList, so every page is read and the matches are sorted newest first by their CreateTime.
 */
import { listTaskDetails } from "../read";
import { withRamAdvice } from "./permissions";
import type { DomainActionApi, FindTaskQuery, NameServerApi, TaskInfo } from "./models";
import { normalizeHostName } from "./validate";
import { parseTaskList } from "./wire";

const PAGE_SIZE = 100;
/** 5,000 tasks since `sinceMs`: more than an account submits in the days a lookup covers. */
const MAX_PAGES = 50;
const UTC_PLUS_8_MS = 8 * 3600 * 1000;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A CreateTime as epoch ms: "Dec 26,2017 11:00:54" (QueryTaskList's samples) or "2017-12-26 11:00:54", both in the
 * service's zone, UTC+8. NaN when it is neither.
 */
export const parseCreateTime = (text: string): number => {
  const named = /^([A-Za-z]{3})\s+(\d{1,2}),\s*(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})$/.exec(text.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  const parts = named
    ? [Number(named[3]), MONTHS.indexOf(named[1].toLowerCase()), Number(named[2]), Number(named[4]), Number(named[5]), Number(named[6])]
    : iso
      ? [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6])]
      : undefined;
  if (!parts || parts[1] < 0) return NaN;
  return Date.UTC(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]) - UTC_PLUS_8_MS;
};

/** What `listTasks` selects: tasks created since `sinceMs` (epoch ms), of `taskType` if given. */
export interface TaskListQuery {
  sinceMs: number;
  taskType?: string;
}

/**
 * Every task of the account created since `query.sinceMs` (of `query.taskType`, if given), as QueryTaskList lists
 * them, newest first. The API filters by whole days: tasks older than `sinceMs` are dropped by their CreateTime.
 */
export async function listTasks(
  api: DomainActionApi,
  query: TaskListQuery,
  options: { signal?: AbortSignal; nowMs?: number } = {},
): Promise<TaskInfo[]> {
  const window: Record<string, string> = { BeginCreateTime: String(Math.floor(query.sinceMs)), EndCreateTime: String(options.nowMs ?? Date.now()) };
  const tasks: TaskInfo[] = [];
  try {
    for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
      const page = await api.callAction("QueryTaskList", { PageNum: String(pageNum), PageSize: String(PAGE_SIZE), ...window }, parseTaskList, {
        signal: options.signal,
      });
      tasks.push(...page.tasks.filter((t) => query.taskType === undefined || t.taskType === query.taskType));
      if (page.tasks.length === 0 || pageNum >= Math.ceil(page.totalItemNum / PAGE_SIZE)) break;
    }
  } catch (err) {
    throw withRamAdvice(err, "domain:QueryDomainTask", "list tasks");
  }
  return tasks
    .filter((t) => !(parseCreateTime(t.createTime) < query.sinceMs))
    .sort((a, b) => (parseCreateTime(b.createTime) || 0) - (parseCreateTime(a.createTime) || 0));
}

/** Tasks of `query.taskType` over exactly `query.domainNames`, created since `query.sinceMs`, newest first. */
export async function findTask(
  api: NameServerApi,
  query: FindTaskQuery,
  options: { signal?: AbortSignal; nowMs?: number } = {},
): Promise<TaskInfo[]> {
  const wanted = [...new Set(query.domainNames.map(normalizeHostName))].sort().join(",");
  const recent = (await listTasks(api, { sinceMs: query.sinceMs, taskType: query.taskType ?? "CHG_DNS" }, options))
    .filter((t) => t.taskNum < 0 || t.taskNum === query.domainNames.length);
  const matches: TaskInfo[] = [];
  for (const task of recent) {
    const { details } = await listTaskDetails(api, { taskNo: task.taskNo }, { signal: options.signal });
    const domains = [...new Set(details.map((d) => normalizeHostName(d.domainName)))].sort().join(",");
    if (domains === wanted) matches.push(task);
  }
  return matches;
}
