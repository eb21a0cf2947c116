/**
 * Signature V1 (HMAC-SHA1), the RPC signature @alicloud/openapi-client sends with `signatureAlgorithm: "v2"`.
 *
 *   canonical    = sorted `pct(key)=pct(value)` pairs joined with "&" (every parameter except Signature)
 *   stringToSign = METHOD + "&" + pct("/") + "&" + pct(canonical)
 *   Signature    = base64(HMAC-SHA1(secret + "&", stringToSign))
 */
import { createHmac } from "node:crypto";
import { percentEncode, sortedKeys } from "./percent-encode";

export const canonicalQueryV1 = (params: Record<string, string>): string =>
  sortedKeys(params)
    .filter((key) => key !== "Signature")
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join("&");

export const stringToSignV1 = (method: string, params: Record<string, string>): string =>
  `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalQueryV1(params))}`;

export const signV1 = (method: string, params: Record<string, string>, accessKeySecret: string): string =>
  createHmac("sha1", `${accessKeySecret}&`).update(stringToSignV1(method, params)).digest("base64");
