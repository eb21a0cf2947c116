/**
 * Everything that can go wrong on the wire, as one DomainApiError family: the service's error bodies (by
 * their Code), answers that are not the Domain API's (./answer decides), and transport failures from
 * ./transport (timeouts, the caller's deadline, dropped or refused connections). Each carries the Code (a
 * transport code when the service gave none), the HTTP status (0 when no response arrived), the RequestId,
 * whether a retry may help, and a sentence on what to do. Every message is redacted (./redact).
 */
import { DomainApiError, DomainTaskError } from "../errors";
import { redactSecrets } from "./redact";
import { INVALID_RESPONSE } from "./response";
import type { TransportFailure } from "./transport";

/** Codes for failures that have no service Code. */
export const TRANSPORT_CODES = {
  readTimeout: "ReadTimeout",
  connectTimeout: "ConnectTimeout",
  /** The caller's time limit (`timeoutMs`) ran out: never retried, the time is gone. */
  deadlineExceeded: "DeadlineExceeded",
  nonJsonBody: "InvalidResponseBody",
  emptyBody: "EmptyResponse",
  redirected: "Redirected",
  tooLarge: "ResponseTooLarge",
  connectionDropped: "ConnectionDropped",
  connectionRefused: "ConnectionRefused",
  hostNotFound: "HostNotFound",
  tls: "TlsError",
  unknown: "UnknownError",
} as const;

/** The code for an error answer that carries no Code: its status, e.g. `Http503`. */
export const codeForStatus = (status: number): string => `Http${status}`;

/** Domain codes that report a passing failure inside the service, though sent as 400. */
const TRANSIENT_DOMAIN_CODES = new Set(["NetworkIOError", "Busy"]);

/**
 * The retry rule, as terraform-provider-alicloud's NeedRetry: Throttling*, ServiceUnavailable,
 * Rejected.Throttling, any 5xx; plus the Domain API's NetworkIOError and Busy, and every transport failure
 * except an unknown host, a failed TLS handshake, a redirect and the caller's own deadline (repeating
 * cannot fix those).
 */
export const isRetryableFailure = (code: string, statusCode: number): boolean =>
  code.startsWith("Throttling") ||
  code === "ServiceUnavailable" ||
  code === "Rejected.Throttling" ||
  TRANSIENT_DOMAIN_CODES.has(code) ||
  statusCode >= 500 ||
  (statusCode === 0 &&
    ![TRANSPORT_CODES.hostNotFound, TRANSPORT_CODES.tls, TRANSPORT_CODES.unknown, TRANSPORT_CODES.deadlineExceeded, TRANSPORT_CODES.tooLarge].includes(
      code as never,
    )) ||
  (statusCode >= 200 && statusCode < 300 && (code === TRANSPORT_CODES.emptyBody || code === TRANSPORT_CODES.nonJsonBody));

const RAM_ACTION = "domain:QueryDomainTask";

/** What the caller can do, by code (then by status): the last sentence of every API error message. */
export const adviceFor = (code: string, statusCode: number, recommend?: string): string => {
  if (code.startsWith("Throttling") || code === "Rejected.Throttling")
    return "Requests are being throttled: lower the request rate (the client's rateLimit option) or retry later.";
  if (code === TRANSPORT_CODES.deadlineExceeded)
    return "Allow more time (timeoutMs, or the wait's timeout), or find out why the endpoint is this slow.";
  if (code === TRANSPORT_CODES.redirected)
    return "The Domain API never redirects: point the endpoint at the API host itself (https://domain.aliyuncs.com or https://domain-intl.aliyuncs.com), or fix the proxy that redirected it.";
  if (code === TRANSPORT_CODES.nonJsonBody && statusCode >= 400 && statusCode < 500)
    return "This answer did not come from the Domain API (its errors are JSON): a firewall, proxy or gateway on the way refused the request. Check the network path and proxy settings; no RAM permission changes this.";
  if (code === "SignatureDoesNotMatch" || code === "IncompleteSignature")
    return "Check that the AccessKey secret belongs to the AccessKey ID in use, and that no proxy rewrites the request.";
  if (code === "InvalidAccessKeyId.Inactive")
    return "This AccessKey is disabled: enable it in the RAM console, or use an active AccessKey.";
  if (code.startsWith("InvalidAccessKeyId"))
    return "Check that the AccessKey ID exists in the RAM console and was copied whole.";
  if (code === "InvalidSecurityToken.Expired")
    return "The STS security token has expired: obtain a new one (AssumeRole again, or refresh the credentials source) and retry.";
  if (code.startsWith("InvalidSecurityToken") || code === "MissingSecurityToken")
    return "Send the STS security token issued together with this AccessKey (an STS AccessKey ID starts with STS.).";
  if (code === "InvalidTimeStamp.Expired") return "Check this machine's clock: it must be within 15 minutes of real time.";
  if (code.startsWith("Forbidden") || code === "NoPermission" || statusCode === 403)
    return `This identity may not read domain tasks: grant it the RAM action ${RAM_ACTION} (for example with the AliyunDomainReadOnlyAccess policy).`;
  if (TRANSIENT_DOMAIN_CODES.has(code)) return "The Domain service had a passing failure: it is retried; if it persists, retry later.";
  if (code === TRANSPORT_CODES.readTimeout) return "It is retried; if pages are large and the network slow, raise readTimeoutMs.";
  if (code === TRANSPORT_CODES.tooLarge) return "A QueryTaskDetailList page is never this large: check that the endpoint is the Domain API.";
  if (code === INVALID_RESPONSE)
    return "The service answered out of contract: retry later, and report the RequestId to Alibaba Cloud if it persists.";
  if (code === TRANSPORT_CODES.emptyBody || code === TRANSPORT_CODES.nonJsonBody)
    return statusCode >= 500
      ? "A gateway or service failure: it is retried; if it persists, check the network path and any proxy."
      : "It is retried; if it persists, check that the endpoint is the Domain API and that no proxy rewrites answers.";
  if (code.startsWith("Missing") || code.startsWith("Invalid") || code === "ParameterIllegal") {
    const name = /^(?:Missing|Invalid)([A-Z][A-Za-z]+)$/.exec(code)?.[1];
    const which = name && name !== "Parameter" ? `the ${name} parameter` : "the request's parameters (TaskNo, PageNum, PageSize, TaskStatus, Lang)";
    return `The service refused ${which}: check the value passed for it.`;
  }
  if (code === TRANSPORT_CODES.connectionRefused) return "Check the endpoint, and that the service (or emulator) is running there.";
  if (code === TRANSPORT_CODES.hostNotFound) return "Check the endpoint's host name and this machine's DNS.";
  if (code === TRANSPORT_CODES.tls)
    return "If the endpoint serves plain HTTP (the emulator does), write it as http://HOST:PORT (a bare host:port means https); if its certificate is not trusted, add its CA with NODE_EXTRA_CA_CERTS.";
  if (statusCode === 414 || statusCode === 431 || statusCode === 413)
    return "The request is too large for the server: shorten the longest parameter (TaskNo, DomainName or InstanceId).";
  if (statusCode === 0 && code !== TRANSPORT_CODES.unknown)
    return "A network or gateway failure: it is retried; if it persists, check the network path and any proxy.";
  if (code === "ServiceUnavailable" || statusCode >= 500)
    return "A service-side failure: it is retried; if it persists, report the RequestId to Alibaba Cloud support.";
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
  const status = p.statusCode > 0 ? `HTTP ${p.statusCode}` : "no response";
  const text = (p.message ?? "").trim().replace(/[.]?$/, ".");
  const rid = p.requestId ? ` RequestId: ${p.requestId}.` : "";
  return `${p.code} (${status}): ${text}${rid} ${adviceFor(p.code, p.statusCode, p.recommend)}`;
};

/** What a DomainApiError is built from. */
export interface ApiFailure {
  code: string;
  statusCode: number;
  message: string;
  requestId?: string;
  hostId?: string;
  recommend?: string;
  retryAfterMs?: number;
}

/** The DomainApiError for `f`, its message redacted; `cause` (optional) must already be safe to show. */
export const apiError = (f: ApiFailure, secrets: readonly (string | undefined)[], cause?: Error): DomainApiError =>
  new DomainApiError(
    redactSecrets(formatApiErrorMessage(f), secrets),
    {
      code: f.code,
      statusCode: f.statusCode,
      requestId: f.requestId,
      hostId: f.hostId,
      recommend: f.recommend,
      retryable: isRetryableFailure(f.code, f.statusCode),
      retryAfterMs: f.retryAfterMs,
    },
    cause ? { cause } : undefined,
  );

const isTlsFailure = (code: string): boolean =>
  code === "EPROTO" || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_") || code.startsWith("CERT_") ||
  ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"].includes(code);

const NODE_DROPPED = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN"]);

/** "no response had started" or "HTTP 200 and 12 bytes of its body had arrived". */
const progress = (f: TransportFailure): string =>
  f.responseStarted ? `a response had started (HTTP ${f.statusCode}, ${f.bytesReceived} bytes of its body), then stalled` : "no response had started";

/** A redacted stand-in for a socket error: its name, code and first line, nothing else. */
const safeCause = (e: NodeJS.ErrnoException | undefined, secrets: readonly (string | undefined)[]): Error | undefined => {
  if (!e) return undefined;
  const copy = new Error(redactSecrets(String(e.message ?? "").split("\n")[0], secrets));
  copy.name = String(e.name ?? "Error");
  if (typeof e.code === "string") Object.assign(copy, { code: e.code });
  return copy;
};

/**
 * The DomainApiError for an exchange that ended below HTTP. Its statusCode is 0 (no complete answer) even when
 * the headers had arrived; the message says how far the answer got. `endpoint` is a URL, never a credential.
 */
export const fromTransportFailure = (f: TransportFailure, endpoint: string, secrets: readonly (string | undefined)[]): DomainApiError => {
  const build = (code: string, message: string) =>
    apiError({ code, statusCode: 0, message }, secrets, safeCause(f.socketError, secrets));
  const waited = `${f.elapsedMs} ms`;
  switch (f.kind) {
    case "deadline":
      return build(
        TRANSPORT_CODES.deadlineExceeded,
        `No complete answer from ${endpoint} within the call's time limit (${f.limitMs} ms left for this attempt, waited ${waited}); ${progress(f)}.`,
      );
    case "connectTimeout":
      return build(TRANSPORT_CODES.connectTimeout, `Could not connect to ${endpoint} within connectTimeoutMs (${f.limitMs} ms).`);
    case "readTimeout":
      return build(
        TRANSPORT_CODES.readTimeout,
        `${endpoint} did not send its complete answer within readTimeoutMs (${f.limitMs} ms after connecting); ${progress(f)}.`,
      );
    case "tooLarge":
      return build(TRANSPORT_CODES.tooLarge, `${endpoint} sent a body over ${f.limitMs} bytes (HTTP ${f.statusCode}); it was refused.`);
    case "aborted":
      return build(TRANSPORT_CODES.unknown, `The request to ${endpoint} was aborted.`);
  }
  const e = f.socketError;
  const sysCode = typeof e?.code === "string" ? e.code : "";
  const first = String(e?.message ?? "").split("\n")[0];
  if (sysCode === "ECONNREFUSED") return build(TRANSPORT_CODES.connectionRefused, `Nothing accepted the connection at ${endpoint} (${sysCode}).`);
  if (sysCode === "ENOTFOUND") return build(TRANSPORT_CODES.hostNotFound, `Could not resolve the host of ${endpoint} (${sysCode}); check the endpoint.`);
  if (sysCode === "EAI_AGAIN") return build(TRANSPORT_CODES.connectionDropped, `Could not resolve the host of ${endpoint} just now (${sysCode}).`);
  if (isTlsFailure(sysCode)) return build(TRANSPORT_CODES.tls, `The HTTPS handshake with ${endpoint} failed (${sysCode}: ${first}).`);
  if (NODE_DROPPED.has(sysCode) || /socket hang up/i.test(first)) {
    const when = f.responseStarted
      ? `after a response had started (HTTP ${f.statusCode}, ${f.bytesReceived} bytes of its body)`
      : "before a response arrived";
    return build(TRANSPORT_CODES.connectionDropped, `The connection to ${endpoint} dropped ${when} (${sysCode || first}).`);
  }
  return build(TRANSPORT_CODES.unknown, `Calling ${endpoint} failed: ${e?.name ?? "Error"}: ${first}.`);
};

/** Pass this package's own errors through; anything else unexpected becomes an UnknownError, redacted. */
export const toDomainTaskError = (err: unknown, endpoint: string, secrets: readonly (string | undefined)[]): DomainTaskError => {
  if (DomainTaskError.isInstance(err)) return err;
  const e = (typeof err === "object" && err !== null ? err : new Error(String(err))) as Error;
  return apiError(
    { code: TRANSPORT_CODES.unknown, statusCode: 0, message: `Calling ${endpoint} failed: ${e.name}: ${String(e.message).split("\n")[0]}.` },
    secrets,
  );
};
