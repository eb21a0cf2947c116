/**
 * The wire format of QueryTaskDetailList, as zod schemas. Every type the SDK hands out is inferred from
 * these (`z.infer`), so the schema is the single source of truth.
 *
 * Lenient where the real API is sloppy (documented samples show `Data.TaskDetail` as a single object,
 * `TaskResult` as a number, numbers as strings, a trailing newline in `FailReason`); strict where sloppiness
 * would hide a bug (a missing paging field is an error; an unknown TaskStatus is kept verbatim, never mapped).
 */
import { z } from "zod";

/** The four documented task states, in the order of their TaskStatusCode (0-3). */
export const TASK_STATUSES = ["WAITING_EXECUTE", "EXECUTING", "EXECUTE_SUCCESS", "EXECUTE_FAILURE"] as const;
/** A documented task state: WAITING_EXECUTE, EXECUTING, EXECUTE_SUCCESS or EXECUTE_FAILURE. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Parses one of the four documented task states. */
export const TaskStatusSchema = z.enum(TASK_STATUSES);

/** Terminal states: the Domain API never moves a detail out of these. */
export const isTerminalStatus = (status: string): boolean =>
  status === "EXECUTE_SUCCESS" || status === "EXECUTE_FAILURE";

/** True for the four documented states; a detail with any other TaskStatus counts as UNKNOWN. */
export const isKnownStatus = (status: string): status is TaskStatus =>
  (TASK_STATUSES as readonly string[]).includes(status);

/** Status name <-> TaskStatusCode (the request's `TaskStatus` filter takes the code). */
export const statusCode = (status: TaskStatus): number => TASK_STATUSES.indexOf(status);

// ---------------------------------------------------------------------------------------------------------
// Lenient scalar readers.

/** A string the API may send as a number, null or with trailing whitespace; absent becomes "". */
const looseString = z.preprocess(
  (v) => (v === undefined || v === null ? "" : typeof v === "number" || typeof v === "boolean" ? String(v) : v),
  z.string().transform((s) => s.trimEnd()),
);

/** An integer the API may send as a numeric string. */
const looseInt = z.preprocess(
  (v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
  z.number().int(),
);

/** A boolean the API may send as "true"/"false". */
const looseBool = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean());

// ---------------------------------------------------------------------------------------------------------
// Response.

/** One task detail: the state of one domain within a task. Field names are the SDK's camelCase. */
export const TaskDetailWireSchema = z
  .object({
    TaskNo: looseString,
    TaskDetailNo: looseString,
    InstanceId: looseString,
    DomainName: looseString,
    TaskType: looseString,
    TaskTypeDescription: looseString,
    /** Kept verbatim (trimmed): an unknown value is reported by the outcome, never treated as success. */
    TaskStatus: looseString,
    TaskStatusCode: looseInt.optional(),
    TaskResult: looseString,
    ErrorMsg: looseString,
    FailReason: looseString,
    TryCount: looseInt.optional(),
    CreateTime: looseString,
    UpdateTime: looseString,
  })
  .transform((d) => ({
    taskNo: d.TaskNo,
    taskDetailNo: d.TaskDetailNo,
    instanceId: d.InstanceId,
    domainName: d.DomainName,
    taskType: d.TaskType,
    taskTypeDescription: d.TaskTypeDescription,
    taskStatus: d.TaskStatus,
    /** -1 when the service omitted it. */
    taskStatusCode: d.TaskStatusCode ?? -1,
    taskResult: d.TaskResult,
    errorMsg: d.ErrorMsg,
    failReason: d.FailReason,
    tryCount: d.TryCount ?? 0,
    /** As sent: "2018-01-25 20:46:57", no zone given. */
    createTime: d.CreateTime,
    updateTime: d.UpdateTime,
  }));

/** One detail of a task (one domain or instance), as the SDK sees it: camelCase fields, strings never undefined. */
export type TaskDetail = z.output<typeof TaskDetailWireSchema>;

/** `Data.TaskDetail` is documented as an array but one sample shows a single object; absent means none. */
const detailList = z.preprocess(
  (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
  z.array(TaskDetailWireSchema),
);

/** The QueryTaskDetailList response body, parsed leniently (see the top of this file) into a TaskDetailPage. */
export const QueryTaskDetailListResponseSchema = z
  .object({
    RequestId: z.string(),
    CurrentPageNum: looseInt,
    TotalPageNum: looseInt,
    TotalItemNum: looseInt,
    PageSize: looseInt,
    PrePage: looseBool.optional(),
    NextPage: looseBool.optional(),
    Data: z
      .preprocess((v) => (v === undefined || v === null || v === "" ? {} : v), z.object({ TaskDetail: detailList }))
      .optional(),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    currentPageNum: r.CurrentPageNum,
    totalPageNum: r.TotalPageNum,
    totalItemNum: r.TotalItemNum,
    pageSize: r.PageSize,
    prePage: r.PrePage ?? false,
    nextPage: r.NextPage ?? false,
    details: r.Data?.TaskDetail ?? [],
  }));

/** One page as the SDK sees it. `nextPage` is only a hint: see the pager for how paging really stops. */
export type TaskDetailPage = z.output<typeof QueryTaskDetailListResponseSchema>;

/** The error body every Alibaba Cloud POP API returns with a 4xx/5xx status. */
export const ApiErrorBodySchema = z.looseObject({
  RequestId: z.string().optional(),
  HostId: z.string().optional(),
  Code: z.string(),
  Message: z.string().optional(),
  Recommend: z.string().optional(),
});
/** An error body, as parsed by ApiErrorBodySchema. */
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

// ---------------------------------------------------------------------------------------------------------
// Request.

/** The largest PageSize the Domain API accepts. */
export const MAX_PAGE_SIZE = 1000;

/** The TaskStatus filter: a code 0-3 or its name. */
export const TaskStatusFilterSchema = z.union([z.number().int().min(0).max(3), TaskStatusSchema]);

/** Which details a query selects. Shared by the pager, the waiter, the functions, the resource and the CLI. */
export const TaskQuerySchema = z.object({
  taskNo: z.string().trim().min(1, "taskNo must be a non-empty TaskNo, as returned by the SaveSingleTaskFor*/SaveBatchTaskFor* call"),
  taskStatus: TaskStatusFilterSchema.optional(),
  domainName: z.string().trim().min(1).optional(),
  instanceId: z.string().trim().min(1).optional(),
  lang: z.enum(["zh", "en"]).optional(),
  userClientIp: z.string().trim().min(1).optional(),
});
/** Which details a query selects: `taskNo`, and optionally `taskStatus`, `domainName`, `instanceId`, `lang`. */
export type TaskQuery = z.input<typeof TaskQuerySchema>;

/** One request: a query plus the page wanted. */
export const QueryTaskDetailListRequestSchema = TaskQuerySchema.extend({
  pageNum: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE),
});
/** One QueryTaskDetailList request: a TaskQuery plus `pageNum` (from 1) and `pageSize` (1-1000). */
export type QueryTaskDetailListRequest = z.input<typeof QueryTaskDetailListRequestSchema>;
