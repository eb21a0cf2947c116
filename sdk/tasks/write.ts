/**
 * One write (a `SaveBatchTaskFor*` / `SaveSingleTaskFor*` call), answered by the TaskNo of the task it created.
 *
 * A write is retried only when the service cannot have acted on it: throttling (refused before processing) and a
 * refused connection. After anything else that is not a clear refusal - a 5xx, a timeout, a dropped connection, a
 * 200 with an empty, HTML or unreadable body - the change may have been made, so it is never repeated: the error
 * says so and how to find the task (the submit-or-resume path looks for it at once). A `Code: "200"` success body
 * keeps its TaskNo (sdk/api/answer.ts).
 */
import { z } from "zod";
import { adviceFor, TRANSPORT_CODES } from "../api/error-mapping";
import { INVALID_RESPONSE } from "../api/response";
import { DomainApiError } from "../errors";
import type { CallBudget, DomainActionApi } from "./models";
import { withRamAdvice } from "./permissions";

/** What a write answered. */
export interface Written {
  taskNo: string;
  requestId: string;
}

const WrittenSchema = z.object({ RequestId: z.preprocess((v) => v ?? "", z.string()), TaskNo: z.string().trim().min(1) });

/** Failures after which the service cannot have acted on the request: only these are retried. */
export const neverProcessed = (err: DomainApiError): boolean =>
  err.code.startsWith("Throttling") || err.code === "Rejected.Throttling" || err.code === TRANSPORT_CODES.connectionRefused;

/**
 * Failures that do not prove the write was refused: a 5xx, no complete answer (a timeout, a dropped
 * connection), or a 2xx that is no answer (empty, HTML, no TaskNo). A 4xx with a Code is the service's refusal.
 */
export const maybeProcessed = (err: DomainApiError): boolean =>
  err.statusCode >= 500 ||
  (err.statusCode >= 200 && err.statusCode < 300) ||
  (err.statusCode === 0 && ![TRANSPORT_CODES.connectionRefused, TRANSPORT_CODES.hostNotFound, TRANSPORT_CODES.tls, TRANSPORT_CODES.redirected].includes(err.code as never));

/** The error's message without its closing advice (which, for a read, may say "it is retried"). */
const withoutAdvice = (err: DomainApiError): string => {
  const advice = adviceFor(err.code, err.statusCode, err.recommend);
  return err.message.endsWith(advice) ? err.message.slice(0, -advice.length).trimEnd() : err.message;
};

/** The errors `mayHaveBeenWritten` made (a set, not a class: the error stays a plain DomainApiError for callers). */
const possiblyWritten = new WeakSet<object>();

/** True for the error of a write that may have been carried out (see `mayHaveBeenWritten`). */
export const isPossiblyWritten = (err: unknown): err is DomainApiError => typeof err === "object" && err !== null && possiblyWritten.has(err);

/** The error of a write that may have been carried out: it says so, and that it was not sent again. */
export const mayHaveBeenWritten = (err: DomainApiError, action: string, findHint: string): DomainApiError => {
  const said = new DomainApiError(
    `${withoutAdvice(err)} The ${action} request may have been carried out before this failure (the change may have been submitted), ` +
      `so it was not sent again. ${findHint}`,
    { ...err, retryable: false },
    { cause: err },
  );
  possiblyWritten.add(said);
  return said;
};

/** The write's answer: its TaskNo (a body without one is no answer: the write may still have been carried out). */
export const parseWritten = (action: string) => (body: unknown, statusCode: number): Written => {
  const parsed = WrittenSchema.safeParse(body);
  if (parsed.success) return { taskNo: parsed.data.TaskNo, requestId: parsed.data.RequestId };
  const requestId = (body as { RequestId?: unknown } | null)?.RequestId;
  const rid = typeof requestId === "string" ? requestId : undefined;
  throw new DomainApiError(
    `${INVALID_RESPONSE} (HTTP ${statusCode}): the ${action} answer carries no TaskNo. RequestId: ${rid ?? "none"}.`,
    { code: INVALID_RESPONSE, statusCode, requestId: rid, retryable: false },
  );
};

/**
 * Sends the write once (again only after a failure the service cannot have acted on).
 * @param what the change in words for a permission refusal ("change name servers").
 * @param findHint how to find the task should the answer be lost.
 */
export async function write(
  api: DomainActionApi,
  op: { action: string; ramAction: string; what: string },
  query: Record<string, string>,
  call: CallBudget,
  findHint: string,
): Promise<Written> {
  try {
    return await api.callAction(op.action, query, parseWritten(op.action), { signal: call.signal, timeoutMs: call.timeoutMs, retryable: neverProcessed });
  } catch (err) {
    if (DomainApiError.isInstance(err) && maybeProcessed(err)) throw mayHaveBeenWritten(err, op.action, findHint);
    throw withRamAdvice(err, op.ramAction, op.what);
  }
}
