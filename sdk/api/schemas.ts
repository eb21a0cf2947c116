/**
 * The wire format of QueryTaskDetailList, as zod schemas. The types the SDK hands out are the hand-written
 * interfaces of sdk/models.ts; `SchemaProofs` at the end of this file fails the typecheck if a schema and
 * its model drift apart. The schemas are `@internal`: the build strips them (and with them every zod type)
 * from the published declarations, so zod stays an implementation detail (see docs/install.md).
 *
 * Lenient where the real API is sloppy (documented samples show `Data.TaskDetail` as a single object,
 * `TaskResult` as a number, numbers as strings, null for an absent field, a trailing newline in `FailReason`, a
 * trailing space in `ErrorMsg`, pages without `NextPage`/`PrePage`); strict where sloppiness
 * would hide a bug (a missing paging field is an error; an unknown TaskStatus is kept verbatim, never mapped).
 */
import { z } from "zod";
import type { QueryTaskDetailListRequest, TaskDetail, TaskDetailPage, TaskQuery, TaskStatus } from "../models";
import type { Proof, Same } from "../type-proofs";
import { MAX_PAGE_SIZE, TASK_STATUSES } from "./vocabulary";

// The models, for the modules that import them from here; their owner is sdk/models.ts.
export type { QueryTaskDetailListRequest, TaskDetail, TaskDetailPage, TaskQuery, TaskStatus } from "../models";

// The vocabulary, for the modules that import it from here; its owner is ./vocabulary.ts.
export { isKnownStatus, isTerminalStatus, MAX_PAGE_SIZE, statusCode, TASK_STATUSES } from "./vocabulary";

/** @internal Parses one of the four documented task states. */
export const TaskStatusSchema = z.enum(TASK_STATUSES);

// ---------------------------------------------------------------------------------------------------------
// Response: two readers of the same fields, mapped to the same output by the same functions.
//
// The strict reader takes only the documented wire types (strings, integer codes, booleans, Data.TaskDetail an
// array) and is tried first. It checks each field's type by hand and maps the parsed JSON in one pass: no copy
// in between. (It was a zod object schema; zod's output is a copy of every detail, and at 200,000 details those
// copies, surviving a scavenge while their page waits its turn, were most of a DomainTask create's heap growth:
// 114-118 MB, against 29 MB with this reader. npm run bench -- provider-memory.) A body the strict reader
// refuses goes through the lenient zod schema, which absorbs the service's known sloppiness and reports the
// errors. Both end in toTaskDetail / toTaskDetailPage, which trim and fill in absent values, so a body both
// accept gives the same page (test/sdk/api/response.test.ts compares them on thousands of bodies).

/** A string the API may send as a number, null or absent (""); toTaskDetail trims its end. */
const looseString = z.preprocess(
  (v) => (v === undefined || v === null ? "" : typeof v === "number" || typeof v === "boolean" ? String(v) : v),
  z.string(),
);

/** An integer the API may send as a numeric string. */
const looseInt = z.preprocess(
  (v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
  z.number().int(),
);

/** A boolean the API may send as "true"/"false". */
const looseBool = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean());

/** An optional field the API may send as null: null reads as absent (a required paging count stays required). */
const absentIfNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema.optional());


/** The fields of one wire detail, each read by `text` or `count`: the one list both schemas share. */
const detailShape = <S extends z.ZodType<string | undefined>, I extends z.ZodType<number | undefined>>(text: S, count: I) => ({
  TaskNo: text,
  TaskDetailNo: text,
  InstanceId: text,
  DomainName: text,
  TaskType: text,
  TaskTypeDescription: text,
  /** Kept verbatim (trimmed): an unknown value is reported by the outcome, never treated as success. */
  TaskStatus: text,
  TaskStatusCode: count,
  TaskResult: text,
  ErrorMsg: text,
  FailReason: text,
  TryCount: count,
  CreateTime: text,
  UpdateTime: text,
});

/** A wire detail in the documented types: what both readers hand toTaskDetail (the fields of `detailShape`). */
type WireDetail = { [K in keyof ReturnType<typeof detailShape>]?: K extends "TaskStatusCode" | "TryCount" ? number : string };

/**
 * Without trailing whitespace, as String.prototype.trimEnd has it; a value ending in a printable ASCII character
 * (almost every one: this runs 14 times a detail) is returned as it is, without the call.
 */
const trimEnd = (s: string): string => {
  const last = s.charCodeAt(s.length - 1);
  return last > 32 && last < 127 ? s : s.trimEnd();
};
const trimmed = (s: string | undefined): string => (s === undefined ? "" : trimEnd(s));

/** One wire detail (from either schema: the lenient one's output fits the strict one's) as the SDK sees it. */
const toTaskDetail = (d: WireDetail) => ({
  taskNo: trimmed(d.TaskNo),
  taskDetailNo: trimmed(d.TaskDetailNo),
  instanceId: trimmed(d.InstanceId),
  domainName: trimmed(d.DomainName),
  taskType: trimmed(d.TaskType),
  taskTypeDescription: trimmed(d.TaskTypeDescription),
  taskStatus: trimmed(d.TaskStatus),
  taskStatusCode: d.TaskStatusCode ?? -1,
  taskResult: trimmed(d.TaskResult),
  errorMsg: trimmed(d.ErrorMsg),
  failReason: trimmed(d.FailReason),
  tryCount: d.TryCount ?? 0,
  createTime: trimmed(d.CreateTime),
  updateTime: trimmed(d.UpdateTime),
});

/** @internal One task detail, read leniently: the state of one domain within a task, as a TaskDetail. */
export const TaskDetailWireSchema = z.object(detailShape(looseString, absentIfNull(looseInt))).transform(toTaskDetail);

/** `Data.TaskDetail` is documented as an array but one sample shows a single object; absent means none. */
const detailList = z.preprocess(
  (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
  z.array(TaskDetailWireSchema),
);

/** The page fields, each read by `count` or `flag`, and Data by `data`: the one list both schemas share. */
const pageShape = <I extends z.ZodType<number>, B extends z.ZodType<boolean | undefined>, D extends z.ZodType>(
  count: I,
  flag: B,
  data: D,
) => ({
  RequestId: z.string(),
  CurrentPageNum: count,
  TotalPageNum: count,
  TotalItemNum: count,
  PageSize: count,
  PrePage: flag,
  NextPage: flag,
  Data: data,
});

/** A page in the documented wire types (the fields of `pageShape`): what the strict reader accepts. */
type StrictPage = {
  [K in Exclude<keyof ReturnType<typeof pageShape>, "Data" | "PrePage" | "NextPage">]: K extends "RequestId" ? string : number;
} & { PrePage?: boolean; NextPage?: boolean; Data?: { TaskDetail: WireDetail[] } };

/** One wire page (from either reader, its details already mapped) as the SDK sees it. */
const toTaskDetailPage = (r: Omit<StrictPage, "Data"> & { Data?: { TaskDetail: TaskDetail[] } }) => ({
  requestId: r.RequestId,
  currentPageNum: r.CurrentPageNum,
  totalPageNum: r.TotalPageNum,
  totalItemNum: r.TotalItemNum,
  pageSize: r.PageSize,
  prePage: r.PrePage ?? false,
  nextPage: r.NextPage ?? false,
  details: r.Data?.TaskDetail ?? [],
});

/** @internal The QueryTaskDetailList response body, parsed leniently (see the top of this file) into a TaskDetailPage. */
export const QueryTaskDetailListResponseSchema = z
  .object(pageShape(
    looseInt,
    absentIfNull(looseBool),
    z.preprocess((v) => (v === undefined || v === null || v === "" ? {} : v), z.object({ TaskDetail: detailList })).optional(),
  ))
  .transform(toTaskDetailPage);

/** The page's counts (the strict schema's, as the proof at the end checks). */
const PAGE_COUNTS = ["CurrentPageNum", "TotalPageNum", "TotalItemNum", "PageSize"] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** zod's `z.number().int()`: a safe integer. */
const isCount = (v: unknown): v is number => Number.isSafeInteger(v);
const isOptionalFlag = (v: unknown): boolean => v === undefined || typeof v === "boolean";

/** Not in the documented types: the strict reader gives up on the body. */
const REFUSED = Symbol("not the documented type");
/** A text field as toTaskDetail reads it (trimmed, "" when absent), or REFUSED. */
const text = (v: unknown): string | typeof REFUSED => (v === undefined ? "" : typeof v === "string" ? trimEnd(v) : REFUSED);
/** A count field (a safe integer, `absent` when absent), or REFUSED. */
const count = (v: unknown, absent: number): number | typeof REFUSED => (v === undefined ? absent : isCount(v) ? v : REFUSED);

/**
 * One wire detail in the documented types, mapped as toTaskDetail maps it, each field read once (the fields
 * written out, not looped over: this runs 200,000 times for a large task); undefined when any is not.
 */
const strictDetail = (d: unknown): TaskDetail | undefined => {
  if (!isRecord(d)) return undefined;
  const detail = {
    taskNo: text(d.TaskNo),
    taskDetailNo: text(d.TaskDetailNo),
    instanceId: text(d.InstanceId),
    domainName: text(d.DomainName),
    taskType: text(d.TaskType),
    taskTypeDescription: text(d.TaskTypeDescription),
    taskStatus: text(d.TaskStatus),
    taskStatusCode: count(d.TaskStatusCode, -1),
    taskResult: text(d.TaskResult),
    errorMsg: text(d.ErrorMsg),
    failReason: text(d.FailReason),
    tryCount: count(d.TryCount, 0),
    createTime: text(d.CreateTime),
    updateTime: text(d.UpdateTime),
  };
  for (const k in detail) if (detail[k as keyof typeof detail] === REFUSED) return undefined;
  return detail as TaskDetail;
};

/**
 * @internal The same body, documented types only: the page, or undefined when it is not in them (the lenient schema
 * then converts or refuses it). Only a fast path: parse through `safeParseTaskDetailPage`.
 */
export const readStrictTaskDetailPage = (b: unknown): TaskDetailPage | undefined => {
  if (!isRecord(b) || typeof b.RequestId !== "string" || !isOptionalFlag(b.PrePage) || !isOptionalFlag(b.NextPage)) return undefined;
  for (const f of PAGE_COUNTS) if (!isCount(b[f])) return undefined;
  let details: TaskDetail[] = [];
  if (b.Data !== undefined) {
    if (!isRecord(b.Data) || !Array.isArray(b.Data.TaskDetail)) return undefined;
    const wire: unknown[] = b.Data.TaskDetail;
    details = new Array<TaskDetail>(wire.length);
    for (let i = 0; i < wire.length; i++) {
      const d = strictDetail(wire[i]);
      if (d === undefined) return undefined;
      details[i] = d;
    }
  }
  return toTaskDetailPage({ ...(b as Omit<StrictPage, "Data">), Data: { TaskDetail: details } });
};

/**
 * @internal Parses a QueryTaskDetailList body: with the strict reader when it fits (the fast path), else with the
 * lenient schema, whose errors are the ones reported. `path` says which one parsed it.
 */
export const safeParseTaskDetailPage = (body: unknown): { path: "strict" | "lenient"; result: z.ZodSafeParseResult<TaskDetailPage> } => {
  const strict = readStrictTaskDetailPage(body);
  if (strict !== undefined) return { path: "strict", result: { success: true, data: strict } };
  return { path: "lenient", result: QueryTaskDetailListResponseSchema.safeParse(body) };
};

/** @internal The error body every Alibaba Cloud POP API returns with a 4xx/5xx status. */
export const ApiErrorBodySchema = z.looseObject({
  RequestId: z.string().optional(),
  HostId: z.string().optional(),
  Code: z.string(),
  Message: z.string().optional(),
  Recommend: z.string().optional(),
});
/** @internal An error body, as parsed by ApiErrorBodySchema. */
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

// ---------------------------------------------------------------------------------------------------------
// Request.

/** @internal The TaskStatus filter: a code 0-3 or its name. */
export const TaskStatusFilterSchema = z.union([z.number().int().min(0).max(3), TaskStatusSchema]);

/** @internal Which details a query selects (a TaskQuery), trimmed. */
export const TaskQuerySchema = z.object({
  taskNo: z.string().trim().min(1, "taskNo must be a non-empty TaskNo, as returned by the SaveSingleTaskFor*/SaveBatchTaskFor* call"),
  taskStatus: TaskStatusFilterSchema.optional(),
  domainName: z.string().trim().min(1).optional(),
  instanceId: z.string().trim().min(1).optional(),
  lang: z.enum(["zh", "en"]).optional(),
  userClientIp: z.string().trim().min(1).optional(),
});
/** @internal One request (a QueryTaskDetailListRequest): a query plus the page wanted. */
export const QueryTaskDetailListRequestSchema = TaskQuerySchema.extend({
  pageNum: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE),
});
/**
 * @internal Proofs, checked by the compiler (nothing at run time), that each schema takes and gives exactly
 * its public model: a field added to one and not the other fails the typecheck here.
 */
export type SchemaProofs = [
  Proof<Same<(typeof TASK_STATUSES)[number], TaskStatus>>,
  Proof<Same<z.output<typeof TaskDetailWireSchema>, TaskDetail>>,
  Proof<Same<z.output<typeof QueryTaskDetailListResponseSchema>, TaskDetailPage>>,
  Proof<Same<ReturnType<typeof readStrictTaskDetailPage>, TaskDetailPage | undefined>>,
  Proof<Same<(typeof PAGE_COUNTS)[number] | "RequestId" | "PrePage" | "NextPage" | "Data", keyof StrictPage>>,
  Proof<Same<z.input<typeof TaskQuerySchema>, TaskQuery>>,
  Proof<Same<z.output<typeof TaskQuerySchema>, TaskQuery>>,
  Proof<Same<z.input<typeof QueryTaskDetailListRequestSchema>, QueryTaskDetailListRequest>>,
  Proof<Same<z.output<typeof QueryTaskDetailListRequestSchema>, QueryTaskDetailListRequest>>,
];
