/**
 * Who is calling, and may they: the gateway checks in the order the real service does - find the API (action
 * and version: routing.ts), find the key, check the STS token, check the signature, then the timestamp window and the
 * nonce. Signature V3 (Authorization: ACS3-HMAC-SHA256 ...) and V1 (Signature query parameter) are both served;
 * each refuses a wrong signature in its own words (errors.ts), and V3's nonce is optional.
 *
 * Time here is the request clock (real time by default), never the task clock: clients stamp requests with
 * the real time even when the tests drive tasks with a VirtualClock.
 */
import { timingSafeEqual } from "node:crypto";
import { apiErrors } from "./errors";
import type { IncomingApiRequest } from "./incoming";
import type { NonceCache } from "./nonce-cache";
import type { ApiTarget } from "./routing";
import { signV1, stringToSignV1 } from "./signature-v1";
import { parseV3Authorization, sha256Hex, signV3, V3_ALGORITHM } from "./signature-v3";
import type { EmulatorCredential, NowSource } from "./types";

/** The 15-minute window for request timestamps, and how long nonces are remembered. */
export const REQUEST_WINDOW_MS = 15 * 60 * 1000;

export interface AuthContext {
  credentials: ReadonlyMap<string, EmulatorCredential>;
  requestClock: NowSource;
  nonces: NonceCache;
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;

const checkTimestamp = (value: string | undefined, ctx: AuthContext): void => {
  if (!value) throw apiErrors.timestampMissing();
  const match = ISO_UTC.exec(value);
  const at = match ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) throw apiErrors.timestampFormat();
  if (Math.abs(ctx.requestClock.now() - at) > REQUEST_WINDOW_MS) throw apiErrors.timestampExpired();
};

const checkNonce = (nonce: string | undefined, ctx: AuthContext): void => {
  if (!nonce) throw apiErrors.nonceMissing();
  if (!ctx.nonces.use(nonce, ctx.requestClock.now())) throw apiErrors.nonceUsed();
};

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const findCredential = (accessKeyId: string | undefined, ctx: AuthContext): EmulatorCredential => {
  const credential = accessKeyId ? ctx.credentials.get(accessKeyId) : undefined;
  if (!credential) throw apiErrors.accessKeyNotFound();
  if (credential.inactive) throw apiErrors.accessKeyInactive();
  return credential;
};

const checkSecurityToken = (credential: EmulatorCredential, token: string | undefined): void => {
  if (credential.securityToken === undefined) {
    if (token) throw apiErrors.securityTokenMalformed();
    return;
  }
  if (!token) throw apiErrors.securityTokenMissing();
  if (!sameText(token, credential.securityToken)) throw apiErrors.securityTokenMismatch();
  if (credential.securityTokenExpired) throw apiErrors.securityTokenExpired();
};

/** Authorization comes after authentication: a key RAM does not grant domain:QueryDomainTask is refused here. */
const checkPermission = (credential: EmulatorCredential): void => {
  if (credential.permissionDenied === "NoPermission") throw apiErrors.noPermission();
  if (credential.permissionDenied) throw apiErrors.forbiddenRam();
};

/**
 * V3's common request headers (the V3 signing guide, "RequestHeader"): these must be present and signed; the
 * others (x-acs-signature-nonce, x-acs-security-token) are optional.
 */
const REQUIRED_V3_HEADERS = ["host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-content-sha256"];

/** What the guide's canonical headers take: every x-acs-* header, host and content-type - each one present must be signed. */
const mustBeSigned = (name: string): boolean => name.startsWith("x-acs-") || name === "host" || name === "content-type";

const checkV3SignedHeaders = (req: IncomingApiRequest, signed: ReadonlySet<string>): void => {
  const missing = REQUIRED_V3_HEADERS.filter((h) => req.headers[h] === undefined);
  if (missing.length > 0) throw apiErrors.incompleteSignature(`Send the headers ${missing.join(", ")}: V3 requires them.`);
  const unsigned = Object.keys(req.headers).filter((h) => mustBeSigned(h) && !signed.has(h)).sort();
  if (unsigned.length > 0) throw apiErrors.incompleteSignature(`Headers ${unsigned.join(", ")} are present but not in SignedHeaders: sign every x-acs-* header, host and content-type sent.`);
};

const authenticateV3 = (req: IncomingApiRequest, ctx: AuthContext): string => {
  const auth = parseV3Authorization(req.headers.authorization ?? "");
  if (!auth) throw apiErrors.incompleteSignature("The Authorization header is not of the form 'ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..'.");
  if (auth.algorithm !== V3_ALGORITHM) throw apiErrors.incompleteSignature(`Signature algorithm ${auth.algorithm} is not supported; use ${V3_ALGORITHM}.`);
  const signed = new Set(auth.signedHeaders.map((h) => h.toLowerCase()));
  checkV3SignedHeaders(req, signed);
  const credential = findCredential(auth.accessKeyId, ctx);
  checkSecurityToken(credential, req.headers["x-acs-security-token"]);
  if (req.headers["x-acs-content-sha256"] !== sha256Hex(req.body)) {
    throw apiErrors.incompleteSignature("x-acs-content-sha256 is not the SHA-256 of the request body.");
  }
  const request = {
    method: req.method,
    path: req.path,
    query: req.query,
    headers: req.headers,
    signedHeaders: [...signed],
    payloadHash: req.headers["x-acs-content-sha256"] ?? "",
  };
  if (!sameText(signV3(request, credential.accessKeySecret), auth.signature.toLowerCase())) throw apiErrors.signatureDoesNotMatchV3();
  checkTimestamp(req.headers["x-acs-date"], ctx);
  // Optional in V3: without it a request is protected by its timestamp window only, as the guide allows.
  const nonce = req.headers["x-acs-signature-nonce"];
  if (nonce) checkNonce(nonce, ctx);
  checkPermission(credential);
  return credential.accessKeyId;
};

const authenticateV1 = (req: IncomingApiRequest, ctx: AuthContext): string => {
  const params = { ...req.query, ...req.form };
  if (!params.Signature) throw apiErrors.incompleteSignature("Send the Signature parameter (V1) or an ACS3-HMAC-SHA256 Authorization header (V3).");
  if (params.SignatureMethod !== "HMAC-SHA1") throw apiErrors.incompleteSignature(`SignatureMethod=${JSON.stringify(params.SignatureMethod ?? "")} is not supported; use HMAC-SHA1.`);
  if (params.SignatureVersion !== "1.0") throw apiErrors.incompleteSignature(`SignatureVersion=${JSON.stringify(params.SignatureVersion ?? "")} is not supported; use 1.0.`);
  const credential = findCredential(params.AccessKeyId, ctx);
  checkSecurityToken(credential, params.SecurityToken);
  if (!sameText(signV1(req.method, params, credential.accessKeySecret), params.Signature)) {
    throw apiErrors.signatureDoesNotMatchV1(stringToSignV1(req.method, params));
  }
  checkTimestamp(params.Timestamp, ctx);
  checkNonce(params.SignatureNonce, ctx);
  checkPermission(credential);
  return credential.accessKeyId;
};

/** Checks key, token, signature, timestamp and nonce; returns the caller's AccessKeyId or throws an ApiError. */
export const authenticate = (req: IncomingApiRequest, target: ApiTarget, ctx: AuthContext): string =>
  target.signatureVersion === "v3" ? authenticateV3(req, ctx) : authenticateV1(req, ctx);
