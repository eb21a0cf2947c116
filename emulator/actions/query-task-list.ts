/**
 * QueryTaskList: the account's tasks, newest first, a page at a time, optionally limited to a creation window.
 *
 * From the API reference (doc 67709) and aliyun/alibabacloud-typescript-sdk domain-20180129
 * QueryTaskListResponseBody: PageNum and PageSize required; BeginCreateTime / EndCreateTime in epoch ms, and
 * "only querying by day is supported" - so the window is widened to whole days (UTC+8, the service's zone): from
 * the start of Begin's day to the end of End's day. A task is WAITING_EXECUTE (code 1) until a detail starts,
 * EXECUTING (2) until every detail is terminal, then COMPLETE (3), whatever its details came to. CreateTime is in
 * the sample's format, "Dec 26,2017 11:00:54", not the details' "2017-12-26 11:00:54". TaskCancelStatus is INIT
 * (code 0): the emulator does not cancel tasks. Nothing documents the order; clients must not rely on it.
 *
 * The task-list quirks (FaultConfig.taskListQuirks, types.ts) bend each of these the way a busy service or a
 * gateway would: TaskNum 0 for a young task, COMPLETE while its details are open, TaskType in another spelling,
 * a clock ahead, an exact window, a page size applied but not echoed (or echoed but not applied), a TotalItemNum
 * off, NextPage stuck.
 */
import { MAX_PAGE_SIZE } from "../../sdk/api/schemas";
import { statusCodeAt } from "../status-index";
import type { StoredTask, TaskStore } from "../task-store";
import { TASK_TYPE_DESCRIPTIONS } from "../task-types";
import type { TaskListQuirks } from "../types";
import { intParam, langOf, required, type Params } from "./params";

const UTC_PLUS_8_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const startOfDay = (ms: number): number => Math.floor((ms + UTC_PLUS_8_MS) / DAY_MS) * DAY_MS - UTC_PLUS_8_MS;

/** "Dec 26,2017 11:00:54" in UTC+8. */
export const formatTaskListTime = (ms: number): string => {
  const d = new Date(ms + UTC_PLUS_8_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())},${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

const taskStatusAt = (task: StoredTask, now: number): { status: string; code: number } => {
  const codes = task.details.map((d) => statusCodeAt(d, now));
  if (codes.every((c) => c === 0)) return { status: "WAITING_EXECUTE", code: 1 };
  if (codes.every((c) => c >= 2)) return { status: "COMPLETE", code: 3 };
  return { status: "EXECUTING", code: 2 };
};

const SPELLINGS: Record<NonNullable<TaskListQuirks["taskTypeSpelling"]>, (type: string) => string> = {
  lowerCase: (type) => type.toLowerCase(),
  padded: (type) => ` ${type} `,
};

/** Which tasks the window [begin, end] selects, by the time the service shows (`shownAt`). */
const inWindow = (begin: number | undefined, end: number | undefined, exact: boolean) => {
  if (exact) {
    // CreateTime has whole seconds: the service compares those against the exact bounds.
    return (shownAt: number) => {
      const second = Math.floor(shownAt / 1000) * 1000;
      return (begin === undefined || second >= begin) && (end === undefined || second <= end);
    };
  }
  const from = begin === undefined ? -Infinity : startOfDay(begin);
  const to = end === undefined ? Infinity : startOfDay(end) + DAY_MS;
  return (shownAt: number) => shownAt >= from && shownAt < to;
};

export const queryTaskList = (params: Params, store: TaskStore, clientIps: ReadonlyMap<string, string>, now: number, quirks: TaskListQuirks = {}) => {
  required(params, "PageNum");
  required(params, "PageSize");
  const pageNum = intParam(params, "PageNum", 1, Number.MAX_SAFE_INTEGER, "PageNum starts at 1")!;
  const pageSize = intParam(params, "PageSize", 1, MAX_PAGE_SIZE, `PageSize must be between 1 and ${MAX_PAGE_SIZE}`)!;
  const begin = intParam(params, "BeginCreateTime", 0, Number.MAX_SAFE_INTEGER, "BeginCreateTime is epoch milliseconds");
  const end = intParam(params, "EndCreateTime", 0, Number.MAX_SAFE_INTEGER, "EndCreateTime is epoch milliseconds");
  const aheadMs = (quirks.clockAheadSeconds ?? 0) * 1000;
  const selects = inWindow(begin, end, quirks.exactWindow === true);
  const lang = langOf(params);
  const tasks = [...store.all()]
    .filter((t) => selects(t.createdAt + aheadMs))
    .sort((a, b) => b.createdAt - a.createdAt);
  // The size the pages are cut by, and the one echoed (which TotalPageNum follows).
  const applied = Math.min(pageSize, quirks.pageSizeCap ?? Infinity);
  const echoed = quirks.echoedPageSize ?? pageSize;
  const reported = tasks.length + (quirks.totalItemNumOffset ?? 0);
  const page = tasks.slice((pageNum - 1) * applied, pageNum * applied).map((task) => {
    const { status, code } = quirks.completeWhileOpen ? { status: "COMPLETE", code: 3 } : taskStatusAt(task, now);
    const young = quirks.taskNumZeroForSeconds !== undefined && now - task.createdAt < quirks.taskNumZeroForSeconds * 1000;
    return {
      TaskNo: task.taskNo,
      TaskType: quirks.taskTypeSpelling ? SPELLINGS[quirks.taskTypeSpelling](task.taskType) : task.taskType,
      TaskTypeDescription: TASK_TYPE_DESCRIPTIONS[task.taskType]?.[lang] ?? task.taskType,
      TaskStatus: status,
      TaskStatusCode: code,
      TaskNum: young ? 0 : task.details.length,
      CreateTime: formatTaskListTime(task.createdAt + aheadMs),
      Clientip: clientIps.get(task.taskNo) ?? "127.0.0.1",
      TaskCancelStatus: "INIT",
      TaskCancelStatusCode: 0,
    };
  });
  const realNext = pageNum * applied < tasks.length;
  return {
    CurrentPageNum: pageNum,
    TotalPageNum: Math.max(0, Math.ceil(reported / echoed)),
    TotalItemNum: reported,
    PageSize: echoed,
    PrePage: pageNum > 1,
    NextPage: quirks.nextPageAlwaysTrue ? true : quirks.nextPageAlwaysFalse ? false : realNext,
    Data: { TaskInfo: page },
  };
};
