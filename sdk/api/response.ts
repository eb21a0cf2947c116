/**
 * Parse a QueryTaskDetailList response body with the wire schema. Sloppiness the real API is known for is
 * absorbed by the schema; anything else (a missing paging field, a non-object body) is an `InvalidResponse`
 * DomainApiError carrying the RequestId, because paging on a guess could loop or lose details.
 */
import { DomainApiError } from "../errors";
import { safeParseTaskDetailPage, type TaskDetailPage } from "./schemas";

/** Code of the error thrown for a 2xx body that does not match the schema. */
export const INVALID_RESPONSE = "InvalidResponse";

export const parseTaskDetailPage = (body: unknown, statusCode = 200): TaskDetailPage => {
  const parsed = safeParseTaskDetailPage(body).result;
  if (parsed.success) return parsed.data;
  const requestId =
    typeof body === "object" && body !== null && typeof (body as { RequestId?: unknown }).RequestId === "string"
      ? (body as { RequestId: string }).RequestId
      : undefined;
  const issue = parsed.error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join(".") : "the body";
  const got = issue.path.reduce<unknown>((v, k) => (typeof v === "object" && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined), body);
  throw new DomainApiError(
    `${INVALID_RESPONSE} (HTTP ${statusCode}): the QueryTaskDetailList response has an unusable ${where} ` +
      `(got ${got === undefined ? "nothing" : String(JSON.stringify(got)).slice(0, 200)}; ${issue.message}). RequestId: ${requestId ?? "none"}. ` +
      `The service answered out of contract; retry later, and report the RequestId to Alibaba Cloud if it persists.`,
    { code: INVALID_RESPONSE, statusCode, requestId, retryable: false },
  );
};
