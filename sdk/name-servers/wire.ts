/**
 * The answers of SaveBatchTaskForModifyingDomainDns, QueryDomainByDomainName and QueryTaskList, parsed at the edge
 * and typed against ./models. Lenient where the documentation itself varies (an old sample shows `DnsList` as a
 * flat list, the SDK models as `{Dns: [...]}`; counts may come as numeric strings; `Data.TaskInfo` may be a single
 * object), strict where a guess would hide a bug: no TaskNo, no paging counts or no DnsList is an InvalidResponse.
 */
import { z } from "zod";
import { INVALID_RESPONSE } from "../api/response";
import { DomainApiError } from "../errors";
import type { DomainNameServersInfo, SubmittedChange, TaskInfo } from "./models";

const text = z.preprocess((v) => (v === undefined || v === null ? "" : typeof v === "number" ? String(v) : v), z.string());
const count = z.preprocess((v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v), z.number().int().nonnegative());
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const SubmitSchema = z.object({ RequestId: text, TaskNo: z.string().trim().min(1) });

/**
 * `{Dns: [...]}` as the models declare it; a flat list as an old sample shows; and any entry holding several
 * comma-joined names, as the API reference's sample does (`"Dns":["dns1.hichina.com,dns2.hichina.com"]`, doc 121704)
 * - so a list of one joined string never reads as one name server.
 */
const dnsList = z.preprocess((v) => {
  const inner = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as { Dns?: unknown }).Dns : v;
  const entries = inner === undefined || inner === null ? [] : Array.isArray(inner) ? inner : [inner];
  return entries.flatMap((e) => (typeof e === "string" ? e.split(",").map((s) => s.trim()).filter(Boolean) : [e]));
}, z.array(z.string().trim().min(1)));

const DomainSchema = z.object({
  RequestId: text,
  DomainName: text,
  DnsList: dnsList,
  UpdateProhibitionLock: text,
  DomainStatus: text,
  ExpirationDate: text,
});

/**
 * A task's TaskStatusCode, for display only: which code goes with COMPLETE is not settled (the API reference says 3,
 * the PHP SDK model's examples pair COMPLETE with 1), so nothing decides on it - TaskStatus does - and no value of
 * it can make an answer unusable. Anything but an integer reads -1.
 */
const displayedCode = z.unknown().optional().transform((v) => {
  const n = typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) ? n : -1;
});

const TaskInfoSchema = z.object({
  TaskNo: z.string().trim().min(1),
  TaskType: text,
  TaskStatus: text,
  TaskStatusCode: displayedCode,
  TaskNum: count.optional(),
  CreateTime: text,
});

const TaskListSchema = z.object({
  RequestId: text,
  TotalItemNum: count,
  TotalPageNum: count,
  PageSize: count,
  Data: z.preprocess((v) => v ?? {}, z.object({ TaskInfo: list(TaskInfoSchema) })),
});

/** One QueryTaskList page as the SDK uses it. */
export interface TaskListPage {
  requestId: string;
  totalItemNum: number;
  totalPageNum: number;
  tasks: TaskInfo[];
}

const parser = <S extends z.ZodType, T>(action: string, schema: S, map: (data: z.output<S>) => T) => (body: unknown, statusCode: number): T => {
  const parsed = schema.safeParse(body);
  if (parsed.success) return map(parsed.data);
  const issue = parsed.error.issues[0];
  const requestId = (body as { RequestId?: unknown } | null)?.RequestId;
  throw new DomainApiError(
    `${INVALID_RESPONSE} (HTTP ${statusCode}): the ${action} response has an unusable ${issue.path.join(".") || "body"} (${issue.message}). ` +
      `RequestId: ${typeof requestId === "string" ? requestId : "none"}. The service answered out of contract; retry later, and report the RequestId if it persists.`,
    { code: INVALID_RESPONSE, statusCode, requestId: typeof requestId === "string" ? requestId : undefined, retryable: false },
  );
};

export const parseSubmitted = parser("SaveBatchTaskForModifyingDomainDns", SubmitSchema, (d): SubmittedChange => ({ taskNo: d.TaskNo, requestId: d.RequestId }));

export const parseDomain = parser("QueryDomainByDomainName", DomainSchema, (d): DomainNameServersInfo => ({
  domainName: d.DomainName,
  nameServers: d.DnsList,
  updateProhibitionLock: d.UpdateProhibitionLock,
  domainStatus: d.DomainStatus,
  expirationDate: d.ExpirationDate,
  requestId: d.RequestId,
}));

export const parseTaskList = parser("QueryTaskList", TaskListSchema, (d): TaskListPage => ({
  requestId: d.RequestId,
  totalItemNum: d.TotalItemNum,
  totalPageNum: d.TotalPageNum,
  tasks: d.Data.TaskInfo.map((t) => ({
    taskNo: t.TaskNo,
    taskType: t.TaskType,
    taskStatus: t.TaskStatus,
    taskStatusCode: t.TaskStatusCode,
    taskNum: t.TaskNum ?? -1,
    createTime: t.CreateTime,
  })),
}));
