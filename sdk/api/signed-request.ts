/**
 * The signed HTTP request for one RPC call, built as @alicloud/openapi-client 0.4.15 builds it (its
 * `doRequest` for ACS3-HMAC-SHA256, `doRPCRequest` for the V1 HMAC-SHA1 signature) and signed by its own
 * utilities (@alicloud/openapi-util `getAuthorization` / `getRPCSignature`), so the signature is Alibaba's
 * code, not ours. ./transport sends it; see there for why openapi-client does not.
 *
 * Both forms carry `Format=JSON` in the query: a V1 request without it is answered in XML, and the V3 form
 * (which openapi-client sends with only an Accept header) signs the query, so adding it there is safe too.
 */
import { stringify } from "node:querystring";
import OpenApiUtil from "@alicloud/openapi-util";
import Util from "@alicloud/tea-util";

/** A request ready for the wire. Its URL and headers hold the signature (and the token): never print them. */
export interface SignedRequest {
  url: URL;
  method: "POST";
  headers: Record<string, string>;
  body?: undefined;
}

/** The identity a request is signed with, as @alicloud/credentials hands it out. */
export interface SigningKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** Where and what: the endpoint's protocol and host[:port], the API version and action, the business query. */
export interface CallTarget {
  protocol: "http" | "https";
  host: string;
  version: string;
  action: string;
  query: Record<string, string>;
}

const V3_ALGORITHM = "ACS3-HMAC-SHA256";

const urlOf = (t: CallTarget, query: Record<string, string>): URL => new URL(`${t.protocol}://${t.host}/?${stringify(query)}`);

/** ACS3-HMAC-SHA256: signed headers x-acs-*, host; the Authorization header carries the signature. */
export const signV3 = (t: CallTarget, key: SigningKey): SignedRequest => {
  const query = { ...t.query, Format: "JSON" };
  const headers: Record<string, string> = {
    host: t.host,
    "x-acs-version": t.version,
    "x-acs-action": t.action,
    "user-agent": Util.getUserAgent(""),
    "x-acs-date": OpenApiUtil.getTimestamp(),
    "x-acs-signature-nonce": Util.getNonce(),
    accept: "application/json",
  };
  const payloadHash = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(""), V3_ALGORITHM));
  headers["x-acs-content-sha256"] = payloadHash;
  if (key.securityToken) {
    headers["x-acs-accesskey-id"] = key.accessKeyId;
    headers["x-acs-security-token"] = key.securityToken;
  }
  const toSign = { pathname: "/", method: "POST", query, headers } as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0];
  headers.authorization = OpenApiUtil.getAuthorization(toSign, V3_ALGORITHM, payloadHash, key.accessKeyId, key.accessKeySecret);
  return { url: urlOf(t, query), method: "POST", headers };
};

/** V1 (HMAC-SHA1): every signing field in the query, ending with `Signature`. */
export const signV1 = (t: CallTarget, key: SigningKey): SignedRequest => {
  const query: Record<string, string> = {
    Action: t.action,
    Format: "JSON",
    Version: t.version,
    Timestamp: OpenApiUtil.getTimestamp(),
    SignatureNonce: Util.getNonce(),
    ...t.query,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    AccessKeyId: key.accessKeyId,
  };
  if (key.securityToken) query.SecurityToken = key.securityToken;
  query.Signature = OpenApiUtil.getRPCSignature(query, "POST", key.accessKeySecret);
  const headers = {
    host: t.host,
    "x-acs-version": t.version,
    "x-acs-action": t.action,
    "user-agent": Util.getUserAgent(""),
  };
  return { url: urlOf(t, query), method: "POST", headers };
};
