/**
 * Turn a QueryTaskDetailListRequest into the query string the API expects, after checking it with the zod
 * schema. Nothing is sent for a request the service would reject: the caller gets a ValidationError that
 * names the field, the value and the fix instead of a round trip and a terse `InvalidParameter`.
 */
import type { z } from "zod";
import { ValidationError } from "../errors";
import {
  MAX_PAGE_SIZE,
  QueryTaskDetailListRequestSchema,
  TASK_STATUSES,
  type QueryTaskDetailListRequest,
  type TaskStatus,
} from "./schemas";

/** What to do about a bad value, per field. */
const FIXES: Record<string, string> = {
  taskNo: "Pass the TaskNo returned by the SaveSingleTaskFor*/SaveBatchTaskFor* call that created the task.",
  pageNum: "Pages are numbered from 1.",
  pageSize: `Use an integer from 1 to ${MAX_PAGE_SIZE}; ${MAX_PAGE_SIZE} makes the fewest calls.`,
  taskStatus: `Use 0-3 or one of ${TASK_STATUSES.join(", ")}.`,
  lang: 'Use "en" or "zh".',
  domainName: "Pass a domain name such as example.com, or leave it out.",
  instanceId: "Pass the domain's instance ID, or leave it out.",
  userClientIp: "Pass the end user's IP address, or leave it out.",
};

const EXPECTED: Record<string, string> = {
  taskNo: "a non-empty string",
  pageNum: "an integer >= 1",
  pageSize: `an integer from 1 to ${MAX_PAGE_SIZE}`,
  taskStatus: "a status code 0-3 or a status name",
  lang: '"en" or "zh"',
  domainName: "a non-empty string",
  instanceId: "a non-empty string",
  userClientIp: "a non-empty string",
};

const show = (v: unknown): string => (v === undefined ? "nothing" : typeof v === "string" ? JSON.stringify(v) : String(v));

const toValidationError = (request: unknown, issue: z.core.$ZodIssue): ValidationError => {
  const field = issue.path.length > 0 ? String(issue.path[0]) : "request";
  const value = field === "request" ? request : (request as Record<string, unknown> | null | undefined)?.[field];
  const expected = EXPECTED[field] ?? issue.message;
  const fix = FIXES[field] ?? "";
  return new ValidationError(field, value, `${field} must be ${expected}; got ${show(value)}. ${fix}`.trim());
};

/** The wire form: every business parameter in the query string, every value a string. */
export type WireQuery = Record<string, string>;

/**
 * Validate `request` and return its wire query. Throws ValidationError for the first bad field.
 * TaskStatus is sent as its code (0-3) whether given as a code or a name; optional fields are omitted.
 */
export const toWireQuery = (request: QueryTaskDetailListRequest): WireQuery => {
  if (typeof request !== "object" || request === null) {
    throw new ValidationError("request", request, `request must be an object with taskNo, pageNum and pageSize; got ${show(request)}.`);
  }
  const parsed = QueryTaskDetailListRequestSchema.safeParse(request);
  if (!parsed.success) throw toValidationError(request, parsed.error.issues[0]);
  const r = parsed.data;
  const query: WireQuery = { TaskNo: r.taskNo, PageNum: String(r.pageNum), PageSize: String(r.pageSize) };
  if (r.taskStatus !== undefined) {
    query.TaskStatus = String(typeof r.taskStatus === "number" ? r.taskStatus : TASK_STATUSES.indexOf(r.taskStatus as TaskStatus));
  }
  if (r.domainName !== undefined) query.DomainName = r.domainName;
  if (r.instanceId !== undefined) query.InstanceId = r.instanceId;
  if (r.lang !== undefined) query.Lang = r.lang;
  if (r.userClientIp !== undefined) query.UserClientIp = r.userClientIp;
  return query;
};
