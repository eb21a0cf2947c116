/**
 * The QueryTaskDetailList action: validate the parameters like the service, select the details (TaskStatus,
 * DomainName and InstanceId filters), cut the requested page and describe it (CurrentPageNum, TotalPageNum,
 * TotalItemNum, PageSize, PrePage, NextPage). Quirks bend the answer the way the service's own samples do.
 *
 * Cost per page is O(PageSize) for an unfiltered query and for DomainName/InstanceId filters (indexed); a
 * TaskStatus filter costs O(PageSize log N) plus the details that changed status since the last query
 * (see StatusIndex).
 */
import { TASK_STATUSES, MAX_PAGE_SIZE } from "../sdk/api/schemas";
import { apiErrors } from "./errors";
import { detailStatus, detailUpdatedAt, instanceIdOf, positionsOf, statusIndexOf, type StoredDetail, type StoredTask, type TaskStore } from "./task-store";
import { DEFAULT_ERROR_MSG, TASK_TYPE_DESCRIPTIONS, type Lang } from "./task-types";
import type { Quirks } from "./types";
import { formatWireTime } from "./wire-time";

export interface QueryParams {
  taskNo: string;
  pageNum: number;
  pageSize: number;
  taskStatus?: number;
  domainName?: string;
  instanceId?: string;
  lang: Lang;
}

const readInt = (params: Record<string, string>, name: string, min: number, max: number, rule: string): number | undefined => {
  const raw = params[name];
  if (raw === undefined || raw === "") return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw apiErrors.invalidParameter(name, raw, `must be an integer, ${rule}`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw apiErrors.invalidParameter(name, raw, rule);
  return value;
};

/** Reads and validates the request parameters; throws the ApiError the service would answer with. */
export const readQueryParams = (params: Record<string, string>): QueryParams => {
  for (const name of ["TaskNo", "PageNum", "PageSize"]) {
    if (params[name] === undefined || params[name].trim() === "") throw apiErrors.missingParameter(name);
  }
  return {
    taskNo: params.TaskNo.trim(),
    pageNum: readInt(params, "PageNum", 1, Number.MAX_SAFE_INTEGER, "PageNum starts at 1")!,
    pageSize: readInt(params, "PageSize", 1, MAX_PAGE_SIZE, `PageSize must be between 1 and ${MAX_PAGE_SIZE}`)!,
    taskStatus: readInt(params, "TaskStatus", 0, 3, "TaskStatus is 0 (waiting), 1 (executing), 2 (success) or 3 (failed)"),
    domainName: params.DomainName?.trim() || undefined,
    instanceId: params.InstanceId?.trim() || undefined,
    lang: params.Lang === "zh" ? "zh" : "en",
  };
};

/** The details a query selects at `now`, as a count and a random-access reader (no copy of the whole list). */
interface Selection {
  count: number;
  at(i: number): StoredDetail;
}

const select = (task: StoredTask | undefined, q: QueryParams, now: number): Selection => {
  if (!task) return { count: 0, at: () => undefined as never };
  const status = q.taskStatus === undefined ? undefined : TASK_STATUSES[q.taskStatus];
  const details = task.details;
  if (q.domainName !== undefined || q.instanceId !== undefined) {
    const candidates = q.domainName !== undefined ? positionsOf(task, "domainName", q.domainName) : positionsOf(task, "instanceId", q.instanceId!);
    const picked = candidates.filter((i) => {
      const d = details[i];
      return (q.instanceId === undefined || instanceIdOf(d) === q.instanceId) && (status === undefined || detailStatus(d, now) === status);
    });
    return { count: picked.length, at: (i) => details[picked[i]] };
  }
  if (status !== undefined) {
    const index = statusIndexOf(task);
    return { count: index.count(status, now), at: (i) => details[index.positionOf(status, i, now)] };
  }
  return { count: details.length, at: (i) => details[i] };
};

const toWireDetail = (task: StoredTask, d: StoredDetail, now: number, lang: Lang, quirks: Quirks) => {
  const status = detailStatus(d, now);
  const terminal = status === "EXECUTE_SUCCESS" || status === "EXECUTE_FAILURE";
  const failed = status === "EXECUTE_FAILURE";
  const taskResult = terminal ? d.taskResult : "";
  const failReason = failed ? d.failReason : "";
  return {
    TaskNo: task.taskNo,
    TaskDetailNo: String(d.taskDetailNo),
    InstanceId: instanceIdOf(d),
    DomainName: d.domainName,
    TaskType: task.taskType,
    TaskTypeDescription: TASK_TYPE_DESCRIPTIONS[task.taskType]?.[lang] ?? task.taskType,
    TaskStatus: status,
    TaskStatusCode: TASK_STATUSES.indexOf(status),
    TaskResult: quirks.numericTaskResult && /^-?\d+(\.\d+)?$/.test(taskResult) ? Number(taskResult) : taskResult,
    ErrorMsg: failed ? (d.errorMsg ?? DEFAULT_ERROR_MSG[lang]) : "",
    FailReason: quirks.trailingNewlineFailReason && failReason ? `${failReason}\n` : failReason,
    TryCount: status === "WAITING_EXECUTE" ? 0 : d.tryCount,
    CreateTime: formatWireTime(task.createdAt),
    UpdateTime: formatWireTime(detailUpdatedAt(task, d, now)),
  };
};

/** Builds the success body for one page (without RequestId, which the server adds first). */
export const queryTaskDetailList = (store: TaskStore, q: QueryParams, now: number, quirks: Quirks = {}) => {
  const task = store.get(q.taskNo);
  const selection = select(task, q, now);
  const totalPages = Math.ceil(selection.count / q.pageSize);
  // Past the end the service answers an empty page; the quirk answers the last page again instead.
  const servedPage = quirks.repeatLastPagePastEnd && q.pageNum > totalPages && totalPages > 0 ? totalPages : q.pageNum;
  const start = (servedPage - 1) * q.pageSize;
  const end = Math.min(selection.count, start + q.pageSize);
  const page = [];
  for (let i = start; i < end; i++) page.push(toWireDetail(task!, selection.at(i), now, q.lang, quirks));
  return {
    CurrentPageNum: q.pageNum,
    TotalPageNum: Math.max(0, totalPages + (quirks.totalPageNumOffset ?? 0)),
    TotalItemNum: selection.count,
    PageSize: q.pageSize,
    PrePage: q.pageNum > 1,
    NextPage: quirks.nextPageAlwaysTrue ? true : q.pageNum < totalPages,
    Data: { TaskDetail: quirks.singleObjectDetail && page.length === 1 ? page[0] : page },
  };
};
