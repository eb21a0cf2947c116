/**
 * Everything that can go wrong on the wire, as one DomainApiError family.
 *
 * @alicloud/openapi-client fails in four shapes: an Error with `code`, `statusCode` and `data` (the JSON
 * error body) for a 4xx/5xx; a bare SyntaxError when the body is not JSON (an HTML 502 from a gateway);
 * a `RequestTimeoutError` for connect/read timeouts; and Node's socket errors (ECONNRESET, "socket hang up",
 * ECONNREFUSED) when the connection drops. Each becomes a DomainApiError with the service's Code, the HTTP
 * status (0 when no response arrived), the RequestId and a sentence on what to do.
 *
 * Text from the wire and from socket errors can carry secrets: a V1 request's query holds the SecurityToken
 * and Signature, and SignatureDoesNotMatch echoes the server's string-to-sign. Every message is redacted,
 * and the original error is replaced by a redacted copy as `cause` (util.inspect prints causes).
 */
import { DomainApiError, DomainTaskError } from "../errors";
import { ApiErrorBodySchema } from "./schemas";

/** Transport codes, for failures that have no service Code. */
export const TRANSPORT_CODES = {
  readTimeout: "ReadTimeout",
  connectTimeout: "ConnectTimeout",
  nonJsonBody: "InvalidResponseBody",
  connectionDropped: "ConnectionDropped",
  connectionRefused: "ConnectionRefused",
  hostNotFound: "HostNotFound",
  tls: "TlsError",
  unknown: "UnknownError",
} as const;

/**
 * The retry rule, as terraform-provider-alicloud's NeedRetry: Throttling*, ServiceUnavailable,
 * Rejected.Throttling, any 5xx; plus every transport failure except an unknown host or a failed TLS
 * handshake (both are configuration mistakes that repeating cannot fix).
 */
export const isRetryableFailure = (code: string, statusCode: number): boolean =>
  code.startsWith("Throttling") ||
  code === "ServiceUnavailable" ||
  code === "Rejected.Throttling" ||
  statusCode >= 500 ||
  (statusCode === 0 && code !== TRANSPORT_CODES.hostNotFound && code !== TRANSPORT_CODES.tls && code !== TRANSPORT_CODES.unknown);

/** What the caller can do, by code. */
const advice = (code: string, statusCode: number, recommend?: string): string => {
  if (code.startsWith("Throttling") || code === "Rejected.Throttling")
    return "Requests are being throttled: lower the request rate (the client's rateLimit option) or retry later.";
  if (code === "SignatureDoesNotMatch" || code === "IncompleteSignature")
    return "Check that the AccessKey secret belongs to the AccessKey ID in use.";
  if (code.startsWith("InvalidAccessKeyId"))
    return "Check that the AccessKey ID exists and is enabled in the RAM console.";
  if (code.startsWith("InvalidSecurityToken") || code === "MissingSecurityToken")
    return "Send the STS security token issued with this AccessKey (it may have expired: obtain a new one).";
  if (code === "InvalidTimeStamp.Expired") return "Check this machine's clock: it must be within 15 minutes of real time.";
  if (code.startsWith("Forbidden") || statusCode === 403)
    return "The identity lacks permission for domain:QueryTaskDetailList: grant it (e.g. AliyunDomainReadOnlyAccess) in RAM.";
  if (code.startsWith("Missing") || code.startsWith("InvalidParameter") || code === "ParameterIllegal")
    return "Check the request's parameters (TaskNo, PageNum, PageSize, TaskStatus, Lang).";
  if (code === TRANSPORT_CODES.connectionRefused) return "Check the endpoint, and that the service (or emulator) is running there.";
  if (code === TRANSPORT_CODES.hostNotFound) return "Check the endpoint's host name and this machine's DNS.";
  if (code === TRANSPORT_CODES.tls)
    return "If the endpoint serves plain HTTP (the emulator does), write it as http://HOST:PORT (a bare host:port means https); if its certificate is not trusted, add its CA with NODE_EXTRA_CA_CERTS.";
  if (statusCode === 414 || statusCode === 431 || statusCode === 413)
    return "The request is too large for the server: shorten the longest parameter (TaskNo, DomainName or InstanceId).";
  if (statusCode === 0 && code !== TRANSPORT_CODES.unknown)
    return "A network or gateway failure: it is retried; if it persists, check the network path and any proxy.";
  if (code === "ServiceUnavailable" || statusCode >= 500)
    return "A service-side failure: retry later; if it persists, report the RequestId to Alibaba Cloud support.";
  return recommend ? `See ${recommend}` : "See the Domain API error codes reference.";
};

/** "<Code> (HTTP <status>): <Message> RequestId: <id>. <what to do>" */
export const formatApiErrorMessage = (p: {
  code: string;
  statusCode: number;
  message?: string;
  requestId?: string;
  recommend?: string;
}): string => {
  // openapi-client drops the status of a response whose body is not JSON: say what is known.
  const status = p.statusCode > 0 ? `HTTP ${p.statusCode}` : p.code === TRANSPORT_CODES.nonJsonBody ? "non-JSON response" : "no response";
  const text = (p.message ?? "").trim().replace(/[.]?$/, ".");
  const rid = p.requestId ? ` RequestId: ${p.requestId}.` : "";
  return `${p.code} (${status}): ${text}${rid} ${advice(p.code, p.statusCode, p.recommend)}`;
};

/** Secrets shorter than this are not redacted literally (it would garble messages); real ones are 30+. */
const MIN_SECRET_LENGTH = 8;

/**
 * Remove secrets from text: the known secret values (raw, and percent-encoded once or twice) and the
 * values of `Signature`, `SecurityToken` and `AccessKeySecret` parameters in any encoding.
 */
export const redactSecrets = (text: string, secrets: readonly (string | undefined)[] = []): string => {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    const once = encodeURIComponent(secret);
    for (const form of new Set([secret, once, encodeURIComponent(once)])) out = out.split(form).join("***");
  }
  return out.replace(/(SecurityToken|Signature|AccessKeySecret)(=|%3D|%253D)[^&\s]*?(?=&|%26|%2526|\s|$)/gi, "$1$2***");
};

interface TeaError extends Error {
  code?: unknown;
  statusCode?: unknown;
  data?: unknown;
}

/** A redacted stand-in for the library's error: its name, code and message, nothing else. */
const redactedCause = (e: TeaError, secrets: readonly (string | undefined)[]): Error => {
  const copy = new Error(redactSecrets(String(e.message ?? ""), secrets));
  copy.name = String(e.name ?? "Error");
  if (typeof e.code === "string") (copy as TeaError).code = e.code;
  return copy;
};

const isTlsFailure = (code: string): boolean =>
  code === "EPROTO" || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_") || code.startsWith("CERT_") ||
  ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"].includes(code);

/** The first line of a library message, without the URL's query (it says nothing useful, and may hold secrets). */
const brief = (message: string): string => message.split("\n")[0].replace(/\?\S*/g, "?...").replace(/[.:]\s*$/, "");

const NODE_DROPPED = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN"]);

/**
 * Map whatever openapi-client (or the socket under it) threw to a DomainApiError. Errors this package
 * already threw pass through unchanged. `endpoint` (a URL, never a credential) goes into transport messages;
 * `secrets` (the AccessKey secret and security token in use) are redacted from everything.
 */
export const toDomainApiError = (err: unknown, endpoint: string, secrets: readonly (string | undefined)[] = []): DomainTaskError => {
  if (DomainTaskError.isInstance(err)) return err;
  // Not `instanceof Error`: socket errors can come from another realm (jest, vm), where that check fails.
  const e = (typeof err === "object" && err !== null ? err : new Error(String(err))) as TeaError;
  const build = (
    code: string,
    statusCode: number,
    message: string,
    extra: { requestId?: string; hostId?: string; recommend?: string } = {},
  ): DomainApiError =>
    new DomainApiError(
      redactSecrets(formatApiErrorMessage({ code, statusCode, message, requestId: extra.requestId, recommend: extra.recommend }), secrets),
      { code, statusCode, ...extra, retryable: isRetryableFailure(code, statusCode) },
      { cause: redactedCause(e, secrets) },
    );
  const body = ApiErrorBodySchema.safeParse(e.data);
  if (body.success) {
    const statusCode = typeof e.statusCode === "number" ? e.statusCode : Number(e.data && (e.data as { statusCode?: unknown }).statusCode) || 0;
    return build(body.data.Code, statusCode, body.data.Message ?? "", {
      requestId: body.data.RequestId,
      hostId: body.data.HostId,
      recommend: body.data.Recommend,
    });
  }
  if (e.name === "RequestTimeoutError" || /^(Read|Connect)Timeout/.test(e.message)) {
    const connect = /ConnectTimeout/.test(e.message);
    const what = brief(e.message);
    return build(
      connect ? TRANSPORT_CODES.connectTimeout : TRANSPORT_CODES.readTimeout,
      0,
      connect
        ? `Could not connect to ${endpoint} in time (${what}).`
        : `${endpoint} did not answer in time (${what}); raise readTimeoutMs if pages are large and the network slow.`,
    );
  }
  if (e.name === "SyntaxError") {
    // The status is known when ./http-status kept it (4xx/5xx); 0 otherwise.
    return build(
      TRANSPORT_CODES.nonJsonBody,
      typeof e.statusCode === "number" ? e.statusCode : 0,
      `${endpoint} answered with a body that is not JSON (typically an HTML error page from a gateway or proxy): ${e.message}`,
    );
  }
  const sysCode = typeof e.code === "string" ? e.code : "";
  if (sysCode === "ECONNREFUSED") {
    return build(TRANSPORT_CODES.connectionRefused, 0, `Nothing accepted the connection at ${endpoint} (${sysCode}).`);
  }
  if (sysCode === "ENOTFOUND" || sysCode === "EAI_AGAIN") {
    const code = sysCode === "EAI_AGAIN" ? TRANSPORT_CODES.connectionDropped : TRANSPORT_CODES.hostNotFound;
    return build(code, 0, `Could not resolve the host of ${endpoint} (${sysCode}); check the endpoint.`);
  }
  if (isTlsFailure(sysCode)) {
    return build(TRANSPORT_CODES.tls, 0, `The HTTPS handshake with ${endpoint} failed (${sysCode}: ${brief(e.message)}).`);
  }
  if (NODE_DROPPED.has(sysCode) || /socket hang up/i.test(e.message)) {
    return build(
      TRANSPORT_CODES.connectionDropped,
      0,
      `The connection to ${endpoint} dropped before a response arrived (${sysCode || e.message}).`,
    );
  }
  return build(TRANSPORT_CODES.unknown, 0, `Calling ${endpoint} failed: ${e.name}: ${brief(String(e.message))}.`);
};
