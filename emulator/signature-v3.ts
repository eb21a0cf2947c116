/**
 * Signature V3 (ACS3-HMAC-SHA256), what @alicloud/openapi-client sends by default.
 *
 *   CanonicalRequest = METHOD \n path \n sorted `key=pct(value)` query \n `name:trimmed value\n` per signed
 *                      header \n signed header names joined by ";" \n hex SHA-256 of the body
 *   StringToSign     = "ACS3-HMAC-SHA256\n" + hex SHA-256(CanonicalRequest)
 *   Signature        = hex HMAC-SHA256(secret, StringToSign)
 * The header is `Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`.
 */
import { createHash, createHmac } from "node:crypto";
import { percentEncode, sortedKeys } from "./percent-encode";

export const V3_ALGORITHM = "ACS3-HMAC-SHA256";

export interface V3Request {
  method: string;
  /** Always "/" for RPC-style APIs. */
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  /** Lower-case names, as listed in the Authorization header. */
  signedHeaders: string[];
  /** Hex SHA-256 of the body, as sent in x-acs-content-sha256. */
  payloadHash: string;
}

export interface V3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

export const sha256Hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

/** Parses the Authorization header; undefined when it is not a well-formed ACS3 header. */
export const parseV3Authorization = (header: string): V3Authorization | undefined => {
  const match = /^(ACS3-[A-Z0-9-]+)\s+(.*)$/.exec(header.trim());
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[2].split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  return { algorithm: match[1], accessKeyId, signedHeaders: signedHeaders.split(";"), signature };
};

export const canonicalRequestV3 = (request: V3Request): string => {
  const query = sortedKeys(request.query)
    .map((key) => `${percentEncode(key)}=${percentEncode(request.query[key])}`)
    .join("&");
  const names = [...request.signedHeaders].map((name) => name.toLowerCase()).sort();
  const headers = names.map((name) => `${name}:${(request.headers[name] ?? "").trim()}\n`).join("");
  return [request.method.toUpperCase(), request.path, query, headers, names.join(";"), request.payloadHash].join("\n");
};

export const stringToSignV3 = (canonicalRequest: string): string => `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;

export const signV3 = (request: V3Request, accessKeySecret: string): string =>
  createHmac("sha256", accessKeySecret).update(stringToSignV3(canonicalRequestV3(request))).digest("hex");
