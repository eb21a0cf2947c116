/**
 * Who is calling, and may they: the gateway checks in the order the real service does - find the API (action
 * and version), find the key, check the STS token, check the signature, then the timestamp window and the
 * nonce. Signature V3 (Authorization: ACS3-HMAC-SHA256 ...) and V1 (Signature query parameter) are both served.
 *
 * Time here is the request clock (real time by default), never the task clock: clients stamp requests with
 * the real time even when the tests drive tasks with a VirtualClock.
 */
import { timingSafeEqual } from "node:crypto";
import { API_VERSIONS } from "./api-versions";
import { apiErrors } from "./errors";
import type { IncomingApiRequest } from "./incoming";
import type { NonceCache } from "./nonce-cache";
import { signV1, stringToSignV1 } from "./signature-v1";
import { canonicalRequestV3, parseV3Authorization, sha256Hex, signV3, stringToSignV3, V3_ALGORITHM } from "./signature-v3";
import type { EmulatorCredential, NowSource } from "./types";

/** The 15-minute window for request timestamps, and how long nonces are remembered. */
export const REQUEST_WINDOW_MS = 15 * 60 * 1000;

export type SignatureVersion = "v3" | "v1";

/** The API a request addresses, known before any credential is checked. */
export interface ApiTarget {
  signatureVersion: SignatureVersion;
  action: string;
  version: string;
}

export interface AuthContext {
  credentials: ReadonlyMap<string, EmulatorCredential>;
  requestClock: NowSource;
  nonces: NonceCache;
}

/** Action and version: V3 carries them in x-acs-* headers, V1 in the Action/Version parameters. */
export const identifyTarget = (req: IncomingApiRequest): ApiTarget => {
  const isV3 = (req.headers.authorization ?? "").startsWith("ACS3-");
  const params = { ...req.query, ...req.form };
  const action = (isV3 ? req.headers["x-acs-action"] : params.Action) ?? "";
  const version = (isV3 ? req.headers["x-acs-version"] : params.Version) ?? "";
  return { signatureVersion: isV3 ? "v3" : "v1", action, version };
};

/** Throws the matching ApiError unless the version is served. */
export const checkVersion = (target: ApiTarget): void => {
  if (!target.version) throw apiErrors.missingVersion();
  if (!(target.version in API_VERSIONS)) throw apiErrors.invalidVersion(target.version);
};

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

/** Headers a V3 request must sign: the ones that pin what it asks for, when and how often. */
const REQUIRED_V3_HEADERS = ["host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];

const authenticateV3 = (req: IncomingApiRequest, ctx: AuthContext): string => {
  const auth = parseV3Authorization(req.headers.authorization ?? "");
  if (!auth) throw apiErrors.incompleteSignature("The Authorization header is not of the form 'ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..'.");
  if (auth.algorithm !== V3_ALGORITHM) throw apiErrors.incompleteSignature(`Signature algorithm ${auth.algorithm} is not supported; use ${V3_ALGORITHM}.`);
  const signed = new Set(auth.signedHeaders.map((h) => h.toLowerCase()));
  const unsigned = REQUIRED_V3_HEADERS.filter((h) => !signed.has(h) || req.headers[h] === undefined);
  if (unsigned.length > 0) throw apiErrors.incompleteSignature(`Headers ${unsigned.join(", ")} must be present and signed.`);
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
  if (!sameText(signV3(request, credential.accessKeySecret), auth.signature.toLowerCase())) {
    throw apiErrors.signatureDoesNotMatch(stringToSignV3(canonicalRequestV3(request)));
  }
  checkTimestamp(req.headers["x-acs-date"], ctx);
  checkNonce(req.headers["x-acs-signature-nonce"], ctx);
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
    throw apiErrors.signatureDoesNotMatch(stringToSignV1(req.method, params));
  }
  checkTimestamp(params.Timestamp, ctx);
  checkNonce(params.SignatureNonce, ctx);
  checkPermission(credential);
  return credential.accessKeyId;
};

/** Checks key, token, signature, timestamp and nonce; returns the caller's AccessKeyId or throws an ApiError. */
export const authenticate = (req: IncomingApiRequest, target: ApiTarget, ctx: AuthContext): string =>
  target.signatureVersion === "v3" ? authenticateV3(req, ctx) : authenticateV1(req, ctx);
