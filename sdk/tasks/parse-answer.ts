/**
 * One rule for reading the success body of any action but QueryTaskDetailList: a zod schema at the edge, mapped to
 * the public model; a body the schema refuses is an InvalidResponse naming the action, the field and the RequestId.
 */
import type { z } from "zod";
import { INVALID_RESPONSE } from "../api/response";
import { DomainApiError } from "../errors";

export const answerParser = <S extends z.ZodType, T>(action: string, schema: S, map: (data: z.output<S>) => T) =>
  (body: unknown, statusCode: number): T => {
    const parsed = schema.safeParse(body);
    if (parsed.success) return map(parsed.data);
    const issue = parsed.error.issues[0];
    const requestId = (body as { RequestId?: unknown } | null)?.RequestId;
    const rid = typeof requestId === "string" ? requestId : undefined;
    throw new DomainApiError(
      `${INVALID_RESPONSE} (HTTP ${statusCode}): the ${action} response has an unusable ${issue.path.join(".") || "body"} (${issue.message}). ` +
        `RequestId: ${rid ?? "none"}. The service answered out of contract; retry later, and report the RequestId if it persists.`,
      { code: INVALID_RESPONSE, statusCode, requestId: rid, retryable: false },
    );
  };
