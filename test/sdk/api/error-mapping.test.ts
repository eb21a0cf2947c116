import * as util from "node:util";
import { apiError, formatApiErrorMessage, fromTransportFailure, isRetryableFailure, toDomainTaskError, TRANSPORT_CODES } from "../../../sdk/api/error-mapping";
import { TransportFailure, type TransportFailureKind } from "../../../sdk/api/transport";
import { ValidationError } from "../../../sdk/errors";

const ENDPOINT = "https://domain.aliyuncs.com";

describe("isRetryableFailure: terraform-provider-alicloud's rule, the Domain API's passing failures, transport failures", () => {
  it.each([
    ["Throttling", 400, true],
    ["Throttling.User", 400, true],
    ["Throttling.Api", 400, true],
    ["Rejected.Throttling", 400, true],
    ["ServiceUnavailable", 503, true],
    ["InternalError", 500, true],
    ["AnythingElse", 502, true],
    [TRANSPORT_CODES.readTimeout, 0, true],
    [TRANSPORT_CODES.connectionDropped, 0, true],
    [TRANSPORT_CODES.nonJsonBody, 200, true],
    [TRANSPORT_CODES.nonJsonBody, 502, true],
    [TRANSPORT_CODES.nonJsonBody, 403, false],
    [TRANSPORT_CODES.emptyBody, 200, true],
    [TRANSPORT_CODES.redirected, 302, false],
    [TRANSPORT_CODES.deadlineExceeded, 0, false],
    ["Http503", 503, true],
    ["NetworkIOError", 400, true],
    ["ParameterIllegal", 400, false],
    ["InvalidPageSize", 400, false],
    ["SignatureDoesNotMatch", 400, false],
    ["NoPermission", 403, false],
    ["InvalidAccessKeyId.Inactive", 403, false],
    ["InvalidSecurityToken.Expired", 400, false],
    [TRANSPORT_CODES.connectionRefused, 0, true],
    [TRANSPORT_CODES.hostNotFound, 0, false],
    [TRANSPORT_CODES.tls, 0, false],
    [TRANSPORT_CODES.unknown, 0, false],
    ["SignatureDoesNotMatch", 403, false],
    ["InvalidAccessKeyId.NotFound", 404, false],
    ["Forbidden.RAM", 403, false],
    ["InvalidParameter", 400, false],
    ["MissingTaskNo", 400, false],
    ["MissingParameter", 400, false],
    ["InvalidTimeStamp.Expired", 400, false],
  ] as const)("%s (HTTP %d) -> %p", (code, status, retryable) => {
    expect(isRetryableFailure(code, status)).toBe(retryable);
  });
});

describe("fromTransportFailure: what happened on the wire, in the message", () => {
  const failure = (kind: TransportFailureKind, statusCode = 0, bytes = 0, err?: NodeJS.ErrnoException) => new TransportFailure(kind, statusCode, bytes, 520, 500, err);
  const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it.each([
    [failure("socket", 0, 0, socketError("ECONNRESET", "read ECONNRESET")), "ConnectionDropped", /dropped before a response arrived/],
    [failure("socket", 0, 0, socketError("", "socket hang up")), "ConnectionDropped", /dropped before a response arrived/],
    [failure("socket", 200, 17, socketError("ECONNRESET", "aborted")), "ConnectionDropped", /dropped after a response had started \(HTTP 200, 17 bytes/],
    [failure("socket", 0, 0, socketError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1")), "ConnectionRefused", /Nothing accepted the connection/],
    [failure("socket", 0, 0, socketError("ENOTFOUND", "getaddrinfo ENOTFOUND nowhere")), "HostNotFound", /Could not resolve/],
    [failure("socket", 0, 0, socketError("EPROTO", "write EPROTO ...wrong version number")), "TlsError", /HTTPS handshake/],
    [failure("socket", 0, 0, socketError("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate")), "TlsError", /HTTPS handshake/],
    [failure("connectTimeout"), "ConnectTimeout", /Could not connect .* within connectTimeoutMs \(500 ms\)/],
    [failure("readTimeout"), "ReadTimeout", /within readTimeoutMs \(500 ms after connecting\); no response had started/],
    [failure("readTimeout", 200, 3), "ReadTimeout", /a response had started \(HTTP 200, 3 bytes of its body\), then stalled/],
    [failure("deadline", 200, 3), "DeadlineExceeded", /time limit .* a response had started \(HTTP 200, 3 bytes/],
    [failure("socket", 0, 0, socketError("EWHATEVER", "something odd")), "UnknownError", /failed: Error: something odd/],
  ])("%#: %s -> %s", (f, code, message) => {
    const err = fromTransportFailure(f, ENDPOINT, []);
    expect(err).toMatchObject({ code, statusCode: 0 });
    expect(err.message).toMatch(new RegExp(`^${code} \\(no response\\): `));
    expect(err.message).toMatch(message);
    expect(err.message).toContain(ENDPOINT);
  });

  it("a socket error's text is redacted, in the message and in the cause util.inspect prints", () => {
    const secret = "the-secret-token-value";
    const err = fromTransportFailure(failure("socket", 0, 0, socketError("", `odd failure for /?SecurityToken=${secret}&X=1`)), ENDPOINT, [secret]);
    const shown = util.inspect(err, { depth: 10, showHidden: true });
    expect(shown).not.toContain(secret);
    expect((err.cause as Error).message).toContain("SecurityToken=***&X=1");
  });

  it("passes this package's own errors through unchanged", () => {
    const own = new ValidationError("pageSize", 0, "pageSize must be ...");
    expect(toDomainTaskError(own, ENDPOINT, [])).toBe(own);
  });
});

describe("apiError: advice by code", () => {
  it.each([
    ["Forbidden.RAM", 403, /grant it the RAM action domain:QueryDomainTask/],
    ["NoPermission", 403, /grant it the RAM action domain:QueryDomainTask/],
    ["InvalidAccessKeyId.Inactive", 403, /disabled: enable it in the RAM console/],
    ["InvalidSecurityToken.Expired", 400, /has expired: obtain a new one/],
    ["SignatureDoesNotMatch", 400, /AccessKey secret belongs to the AccessKey ID/],
    ["InvalidPageSize", 400, /refused the PageSize parameter/],
    ["MissingTaskNo", 400, /refused the TaskNo parameter/],
    ["ParameterIllegal", 400, /refused the request's parameters/],
    ["NetworkIOError", 400, /passing failure: it is retried/],
    ["InvalidResponseBody", 403, /did not come from the Domain API.*no RAM permission changes this/],
  ] as const)("%s (HTTP %d)", (code, status, advice) => {
    const err = apiError({ code, statusCode: status, message: "m", requestId: "RID" }, []);
    expect(err.message).toMatch(new RegExp(`^${code.replace(".", "\\.")} \\(HTTP ${status}\\): m\\. RequestId: RID\\. `));
    expect(err.message).toMatch(advice);
  });
});

describe("formatApiErrorMessage", () => {
  it("omits the RequestId when there is none and falls back to Recommend for unknown codes", () => {
    expect(formatApiErrorMessage({ code: "Odd", statusCode: 400, message: "Odd thing", recommend: "https://r" })).toBe("Odd (HTTP 400): Odd thing. See https://r");
  });
});
