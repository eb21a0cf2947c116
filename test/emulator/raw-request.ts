/**
 * Hand-built signed requests, for what openapi-client cannot do on purpose: send the same nonce twice, put
 * parameters in a form body, or use a chosen timestamp. Signed with the emulator's verifiers' own functions,
 * which signatures.test.ts pins to the official known answers.
 */
import { randomUUID } from "node:crypto";
import { DEFAULT_CREDENTIAL, type Emulator, type EmulatorCredential } from "../../emulator";
import { percentEncode } from "../../emulator/percent-encode";
import { signV1 } from "../../emulator/signature-v1";

export interface V1RequestOptions {
  method?: "GET" | "POST";
  credential?: EmulatorCredential;
  nonce?: string;
  timestamp?: string;
  /** Parameters sent in an application/x-www-form-urlencoded body instead of the query string. */
  formParams?: Record<string, string>;
  /** The Format parameter; null leaves it out (the service then answers XML). Default "json". */
  format?: string | null;
}

export const isoNow = (ms = Date.now()): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export const sendV1 = async (emulator: Emulator, params: Record<string, string>, options: V1RequestOptions = {}) => {
  const credential = options.credential ?? DEFAULT_CREDENTIAL;
  const method = options.method ?? "GET";
  const common: Record<string, string> = {
    Action: "QueryTaskDetailList",
    Version: "2018-01-29",
    ...(options.format === null ? {} : { Format: options.format ?? "json" }),
    Timestamp: options.timestamp ?? isoNow(),
    SignatureNonce: options.nonce ?? randomUUID(),
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    AccessKeyId: credential.accessKeyId,
    ...(credential.securityToken ? { SecurityToken: credential.securityToken } : {}),
  };
  const query = { ...common, ...params };
  const form = options.formParams ?? {};
  const Signature = signV1(method, { ...query, ...form }, credential.accessKeySecret);
  const encode = (p: Record<string, string>) => Object.entries(p).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
  const hasForm = Object.keys(form).length > 0;
  const response = await fetch(`${emulator.url}/?${encode({ ...query, Signature })}`, {
    method,
    headers: hasForm ? { "content-type": "application/x-www-form-urlencoded" } : {},
    body: hasForm ? encode(form) : undefined,
  });
  const text = await response.text();
  const isJson = (response.headers.get("content-type") ?? "").startsWith("application/json");
  return { status: response.status, body: (isJson ? JSON.parse(text) : {}) as Record<string, unknown>, text, headers: response.headers };
};
