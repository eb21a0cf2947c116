/**
 * The errors the Domain API gateway and the Domain service answer with, as the real ones word them. Every error
 * travels as `{RequestId, HostId, Code, Message, Recommend}` with its HTTP status; the request id is added when sent.
 */

export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    /** Response headers the error carries (the throttling headers). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const make = (httpStatus: number, code: string, message: string) => new ApiError(httpStatus, code, message);

/**
 * The throttling headers Alibaba's openapi-util reads as a retry-after (aliyun/darabonba-openapi ts/src/utils.ts,
 * getThrottlingTimeLeft: comma-separated `Key:Value` pairs, the larger `TimeLeft` of the two headers, in ms).
 * Format as in that library's tests: "Limit:1,Remain:0,TimeLeft:2000,Reset:1234".
 */
export const throttlingHeaders = (timeLeftMs: number, nowMs: number): Record<string, string> => ({
  "x-ratelimit-user-api": `Limit:10,Remain:0,TimeLeft:${timeLeftMs},Reset:${nowMs + timeLeftMs}`,
  "x-ratelimit-user": `Limit:100,Remain:90,TimeLeft:0,Reset:${nowMs}`,
});

export const apiErrors = {
  actionNotFound: () => make(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."),
  invalidVersion: (version: string) =>
    make(400, "InvalidVersion", `Specified parameter Version is not valid. Version=${JSON.stringify(version)}; this API serves 2018-01-29 (Domain) and 2017-12-18 (Domain-intl).`),
  missingVersion: () => make(400, "MissingVersion", "Version is mandatory for this action."),
  incompleteSignature: (why: string) =>
    make(400, "IncompleteSignature", `The request signature does not conform to Aliyun standards. ${why}`),
  accessKeyNotFound: () => make(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
  accessKeyInactive: () => make(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled."),
  /**
   * A wrong V1 (HMAC-SHA1) signature: 400 (aliyun-openapi-python-sdk PR #211 reinterprets the code only on 400),
   * with the server's string to sign, as captured answers of RPC APIs show it.
   */
  signatureDoesNotMatchV1: (stringToSign: string) =>
    make(400, "SignatureDoesNotMatch", `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`),
  /** A wrong V3 (ACS3-HMAC-SHA256) signature: the V3 signing guide's "common errors" wording, 400 in other clients' fixtures. */
  signatureDoesNotMatchV3: () => make(400, "SignatureDoesNotMatch", "Specified signature does not match our calculation."),
  securityTokenMissing: () =>
    make(400, "MissingSecurityToken", "SecurityToken is mandatory for this action. This AccessKeyId is an STS key: send its SecurityToken."),
  securityTokenMismatch: () => make(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey."),
  securityTokenMalformed: () => make(400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed."),
  securityTokenExpired: () => make(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired."),
  /** The key is valid but RAM does not grant it the API's action (domain:QueryDomainTask for QueryTaskDetailList). */
  forbiddenRam: () => make(403, "Forbidden.RAM", "User not authorized to operate on the specified resource, or this API doesn't support RAM."),
  noPermission: () => make(403, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM."),
  timestampMissing: () => make(400, "MissingTimestamp", "Timestamp is mandatory for this action."),
  timestampFormat: () =>
    make(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted. Use UTC ISO 8601, e.g. 2026-01-01T00:00:00Z."),
  timestampExpired: () => make(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
  nonceMissing: () => make(400, "MissingSignatureNonce", "SignatureNonce is mandatory for this action."),
  nonceUsed: () => make(400, "SignatureNonceUsed", "Specified signature nonce was used already."),
  /**
   * `Missing<Name>` per parameter, as today's gateway answers RPC APIs: e.g. `MissingStatus` / "Status is mandatory
   * for this action." from cas.aliyuncs.com (certimate-go/certimate#186, 2024) and `MissingValue` from Alidns
   * (honwen/aliyun-ddns-cli#44). The generic `MissingParameter` ("The input parameter ... is not supplied") is the
   * older gateways' wording. Clients must not rely on either: the SDK treats every `Missing*` as bad input, not retried.
   */
  missingParameter: (name: string) => make(400, `Missing${name}`, `${name} is mandatory for this action.`),
  /** The gateway's `Invalid<Name>` pattern ("Specified parameter PageSize is not valid." as InvalidPageSize), plus the value and rule. */
  invalidParameter: (name: string, value: string, rule: string) =>
    make(400, `Invalid${name}`, `Specified parameter ${name} is not valid. ${name}=${JSON.stringify(value)}: ${rule}.`),
  throttling: (timeLeftMs: number, nowMs: number, httpStatus = 400) =>
    new ApiError(httpStatus, "Throttling.User", "Request was denied due to user flow control.", throttlingHeaders(timeLeftMs, nowMs)),
  /**
   * The Domain API's own codes, all 400, worded as its documentation's error tables word them
   * (AlibabaCloudDocs/domain SaveBatchTaskForUpdatingContactInfoByNewContact.md, QueryTransferOutInfo.md; doc-detail/69475).
   */
  parameterIllegal: () => make(400, "ParameterIllegal", "Parameter illegal."),
  networkIOError: () => make(400, "NetworkIOError", "Network IO Error."),
  domainNotExist: () => make(400, "DomainNotExist", "The domain name does not exist."),
  taskIsBeingProcessed: () => make(400, "TaskIsBeingProcessed", "An operation is being processed. Please try again later."),
  internalError: () =>
    make(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure."),
  serviceUnavailable: () => make(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
} as const;

/** The body of an error response. Captured answers list these five fields in different orders: none is promised. */
export const errorBody = (error: ApiError, requestId: string, hostId: string) => ({
  RequestId: requestId,
  HostId: hostId,
  Code: error.code,
  Message: error.message,
  Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Domain&requestId=${requestId}`,
});
