import * as util from "node:util";
import { formatApiErrorMessage, isRetryableFailure, redactSecrets, toDomainApiError, TRANSPORT_CODES } from "../../../sdk/api/error-mapping";
import { DomainApiError, ValidationError } from "../../../sdk/errors";

const ENDPOINT = "https://domain.aliyuncs.com";

/** The shape @alicloud/openapi-client throws for a JSON error body. */
const teaError = (statusCode: number, body: Record<string, unknown>) =>
  Object.assign(new Error(`${String(body.Code)}: code: ${statusCode}, ${String(body.Message)} request id: ${String(body.RequestId)}`), {
    code: body.Code,
    statusCode,
    data: { ...body, statusCode },
  });

const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("isRetryableFailure: terraform-provider-alicloud's rule plus transport failures", () => {
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
    [TRANSPORT_CODES.nonJsonBody, 0, true],
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

describe("toDomainApiError", () => {
  it("maps a JSON error body: code, status, RequestId, HostId, Recommend, and the message format", () => {
    const err = toDomainApiError(
      teaError(403, { RequestId: "RID", HostId: "domain.aliyuncs.com", Code: "Forbidden.RAM", Message: "User not authorized", Recommend: "https://api.aliyun.com/troubleshoot?q=Forbidden.RAM" }),
      ENDPOINT,
    ) as DomainApiError;
    expect(err).toMatchObject({ name: "DomainApiError", code: "Forbidden.RAM", statusCode: 403, requestId: "RID", hostId: "domain.aliyuncs.com", retryable: false, attempts: 1 });
    expect(err.recommend).toMatch(/troubleshoot/);
    expect(err.message).toBe(
      "Forbidden.RAM (HTTP 403): User not authorized. RequestId: RID. The identity lacks permission for domain:QueryTaskDetailList: grant it (e.g. AliyunDomainReadOnlyAccess) in RAM.",
    );
  });

  it("maps a bare SyntaxError (an HTML body) to InvalidResponseBody", () => {
    const err = toDomainApiError(new SyntaxError(`Unexpected token '<', "<html>" is not valid JSON`), ENDPOINT);
    expect(err).toMatchObject({ code: "InvalidResponseBody", statusCode: 0, retryable: true });
    expect(err.message).toMatch(/^InvalidResponseBody \(non-JSON response\): https:\/\/domain\.aliyuncs\.com answered with a body that is not JSON/);
  });

  it("keeps the HTTP status of a non-JSON error body when it is known: a 4xx is final, with advice", () => {
    const tooLong = Object.assign(new SyntaxError("Unexpected end of JSON input"), { statusCode: 431 });
    const err = toDomainApiError(tooLong, ENDPOINT);
    expect(err).toMatchObject({ code: "InvalidResponseBody", statusCode: 431, retryable: false });
    expect(err.message).toMatch(/^InvalidResponseBody \(HTTP 431\): .* shorten the longest parameter/);
    const gateway = Object.assign(new SyntaxError(`Unexpected token '<'`), { statusCode: 502 });
    expect(toDomainApiError(gateway, ENDPOINT)).toMatchObject({ statusCode: 502, retryable: true });
  });

  it.each([
    [Object.assign(new Error("ReadTimeout(3000). POST http://h/?x=1 failed."), { name: "RequestTimeoutError" }), "ReadTimeout"],
    [Object.assign(new Error("ConnectTimeout: Connect http://h failed."), { name: "RequestTimeoutError" }), "ConnectTimeout"],
    [socketError("ECONNRESET", "read ECONNRESET"), "ConnectionDropped"],
    [new Error("socket hang up"), "ConnectionDropped"],
    [socketError("EPIPE", "write EPIPE"), "ConnectionDropped"],
    [socketError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1"), "ConnectionRefused"],
    [socketError("ENOTFOUND", "getaddrinfo ENOTFOUND nowhere"), "HostNotFound"],
    [socketError("EPROTO", "write EPROTO ...wrong version number"), "TlsError"],
    [socketError("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"), "TlsError"],
    [socketError("ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames"), "TlsError"],
    [new TypeError("something odd"), "UnknownError"],
  ])("maps %s to %s with status 0", (thrown, code) => {
    const err = toDomainApiError(thrown, ENDPOINT);
    expect(err).toMatchObject({ code, statusCode: 0 });
    expect(err.message).toMatch(new RegExp(`^${code} \\((no response|non-JSON response)\\): `));
  });

  it("passes this package's own errors through unchanged", () => {
    const own = new ValidationError("pageSize", 0, "pageSize must be ...");
    expect(toDomainApiError(own, ENDPOINT)).toBe(own);
  });

  it("keeps a redacted copy of the original error as cause, without the response body", () => {
    const secret = "the-secret-token-value";
    const err = toDomainApiError(
      teaError(400, { RequestId: "RID", Code: "SignatureDoesNotMatch", Message: `string to sign is:POST&%2F&SecurityToken%3D${secret}%26X%3D1` }),
      ENDPOINT,
      [secret],
    );
    const shown = util.inspect(err, { depth: 10, showHidden: true });
    expect(shown).not.toContain(secret);
    expect((err.cause as Error).message).toContain("SecurityToken%3D***%26X%3D1");
    expect(err.cause).not.toHaveProperty("data");
  });
});

describe("redactSecrets", () => {
  it("removes known secrets, raw and percent-encoded once or twice", () => {
    const secret = "ab/c+d=ef&gh";
    const text = `raw ${secret} once ${encodeURIComponent(secret)} twice ${encodeURIComponent(encodeURIComponent(secret))}`;
    expect(redactSecrets(text, [secret])).toBe("raw *** once *** twice ***");
  });

  it("removes Signature, SecurityToken and AccessKeySecret parameter values in any encoding", () => {
    expect(redactSecrets("?A=1&Signature=abc%2Bdef&SecurityToken=tok&B=2")).toBe("?A=1&Signature=***&SecurityToken=***&B=2");
    expect(redactSecrets("POST&%2F&SecurityToken%3Dtok%26Signature%3Dsig")).toBe("POST&%2F&SecurityToken%3D***%26Signature%3D***");
    expect(redactSecrets("x%26AccessKeySecret%253Dsss%2526y")).toBe("x%26AccessKeySecret%253D***%2526y");
  });

  it("leaves short values alone rather than garbling the message", () => {
    expect(redactSecrets("a message with x in it", ["x"])).toBe("a message with x in it");
  });
});

describe("formatApiErrorMessage", () => {
  it("omits the RequestId when there is none and falls back to Recommend for unknown codes", () => {
    expect(formatApiErrorMessage({ code: "Odd", statusCode: 400, message: "Odd thing", recommend: "https://r" })).toBe("Odd (HTTP 400): Odd thing. See https://r");
  });
});
