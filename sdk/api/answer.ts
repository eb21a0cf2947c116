/**
 * What an HTTP answer means: a page, or the error it is. Decided here, once, for every shape an answer
 * takes in the wild, and each error says what came back:
 * - 3xx: a redirect (never followed) or a 304 nobody asked for;
 * - an empty body (200, 204); a body that is not JSON (HTML from a firewall or gateway, XML although the
 *   client sent Format=JSON, plain text); JSON that is not an object (`null`, `[]`, `"ok"`);
 * - 4xx/5xx: the service's error body by its Code, or one without a Code named by its status (`Http503`);
 * - a 200 whose body is an error object (`{"Code":"Throttling.User",...}`): that error - but `"Code": "200"` beside
 *   an action's answer is success (some gateways send it), and the answer is read;
 * - otherwise the page, parsed by the wire schema.
 * Throttled answers carry the wait the gateway asks for (./throttle-headers). Every string of the body is
 * redacted before anything reads it, so a secret reflected by a server never reaches a page or an error.
 */
import { ApiErrorBodySchema, type TaskDetailPage } from "./schemas";
import { apiError, codeForStatus, TRANSPORT_CODES, type ApiFailure } from "./error-mapping";
import { redactSecrets, redactValue } from "./redact";
import { INVALID_RESPONSE, parseTaskDetailPage } from "./response";
import { throttlingTimeLeftMs } from "./throttle-headers";
import type { HttpAnswer } from "./transport";

/** How a JSON value that is not an object is named in a message. */
const describeJson = (v: unknown): string =>
  v === null ? "JSON null" : Array.isArray(v) ? `a JSON array of ${v.length} items` : `a JSON ${typeof v} (${JSON.stringify(v).slice(0, 60)})`;

/** How a body that is not JSON is named, and the error it carries if it is an XML error document. */
const describeText = (text: string, contentType: string): { what: string; xmlError?: Partial<ApiFailure> } => {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith("<?xml") || /\bxml\b/.test(contentType)) {
    const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1]?.trim();
    const code = tag("Code");
    const xmlError = code ? { code, message: tag("Message") ?? "", requestId: tag("RequestId"), hostId: tag("HostId") } : undefined;
    return { what: "an XML body, although the client always sends Format=JSON (a proxy or an endpoint that ignores Format)", xmlError };
  }
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /html/.test(contentType)) {
    return { what: "an HTML page, not JSON (typically an error page from a gateway, proxy or firewall, not the Domain API)" };
  }
  return { what: `a body that is not JSON (${JSON.stringify(text.slice(0, 80))})` };
};

/** `Code: "200"` (or 200, "OK", "Success"): some Alibaba Cloud gateways put it in success bodies. */
const isSuccessCode = (code: unknown): boolean => /^(?:200|ok|success)$/i.test(String(code).trim());

/** How to read the success body of an action other than QueryTaskDetailList (DomainTaskClient.callAction). */
export interface ActionReader<T> {
  action: string;
  parse: (body: unknown, statusCode: number) => T;
}

/** The page in `answer`, or the DomainApiError it is. `endpoint` names the server in messages. */
export function readAnswer(answer: HttpAnswer, endpoint: string, secrets: readonly (string | undefined)[]): TaskDetailPage;
/** Another action's answer: the same errors, then `reader.parse` on a success body. */
export function readAnswer<T>(answer: HttpAnswer, endpoint: string, secrets: readonly (string | undefined)[], reader: ActionReader<T>): T;
export function readAnswer<T>(answer: HttpAnswer, endpoint: string, secrets: readonly (string | undefined)[], reader?: ActionReader<T>): T | TaskDetailPage {
  const status = answer.statusCode;
  const said = `${endpoint} answered HTTP ${status}${answer.statusMessage ? ` ${answer.statusMessage}` : ""}`;
  const retryAfterMs = throttlingTimeLeftMs(answer.headers);
  const fail = (f: Omit<ApiFailure, "statusCode">): never => {
    throw apiError({ statusCode: status, retryAfterMs, ...f }, secrets);
  };

  if (status >= 300 && status < 400) {
    const location = String(answer.headers.location ?? "").replace(/\?.*$/, "?...");
    fail({
      code: TRANSPORT_CODES.redirected,
      message:
        status === 304
          ? `${said}, though the client sent no conditional request: a cache or proxy answered, not the Domain API`
          : `${said}, a redirect${location ? ` to ${redactSecrets(location, secrets)}` : " with no Location"}; redirects are never followed`,
    });
  }
  const text = answer.body.toString("utf8");
  if (text.trim() === "") {
    fail({ code: status >= 400 ? codeForStatus(status) : TRANSPORT_CODES.emptyBody, message: `${said} with an empty body` });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const { what, xmlError } = describeText(text, String(answer.headers["content-type"] ?? "").toLowerCase());
    if (xmlError?.code) fail({ code: xmlError.code, message: `${xmlError.message} (answered in XML)`, requestId: xmlError.requestId, hostId: xmlError.hostId });
    fail({ code: TRANSPORT_CODES.nonJsonBody, message: `${said} with ${what}` });
  }
  const body = redactValue(parsed, secrets, text);
  const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
  const error = ApiErrorBodySchema.safeParse(body);
  const fromBody = () =>
    error.success &&
    fail({
      code: error.data.Code,
      message: error.data.Message ?? "",
      requestId: error.data.RequestId,
      hostId: error.data.HostId,
      recommend: error.data.Recommend,
    });

  if (status >= 400) {
    fromBody();
    const o = (isObject ? body : {}) as { Message?: unknown; RequestId?: unknown };
    const message = typeof o.Message === "string" ? `: ${o.Message}` : "";
    fail({
      code: codeForStatus(status),
      message: isObject ? `${said} with no error Code${message}` : `${said} with ${describeJson(body)}`,
      requestId: typeof o.RequestId === "string" ? o.RequestId : undefined,
    });
  }
  if (!isObject) {
    fail({ code: INVALID_RESPONSE, message: `${said} with ${describeJson(body)} instead of a ${reader?.action ?? "QueryTaskDetailList"} object` });
  }
  if (reader) {
    // A Code in a 200 is an error answered with 200 - unless it is the gateway's word for success (`"Code": "200"`,
    // beside the fields of the answer): that answer's TaskNo is the change accepted, and must not be lost.
    if ("Code" in (body as object) && !isSuccessCode((body as { Code?: unknown }).Code)) fromBody();
    return reader.parse(body, status);
  }
  // A 200 carrying an error: the service's Code and no paging at all.
  if (!("CurrentPageNum" in (body as object)) && !("Data" in (body as object))) fromBody();
  return parseTaskDetailPage(body, status);
}
