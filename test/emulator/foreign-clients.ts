/**
 * Clients we did not write, to check the emulator against code that is not ours:
 * - @alicloud/pop-core, the RPC core of Alibaba's older Node SDKs: V1 (HMAC-SHA1) signatures with its own
 *   canonicalisation, parameters in the query (GET) or a form body (POST), answers parsed by json-bigint;
 * - @alicloud/openapi-core, the darabonba core of today's generated SDKs: V3 (ACS3-HMAC-SHA256) by default, and
 *   its `getAuthorization`, which signs a hand-built V3 request (a nonce left out, a header added unsigned).
 * Neither shares code with the SDK's request path (@alicloud/openapi-client and openapi-util). Every call resolves
 * to the HTTP status and the parsed body, answers and refusals alike, so a test reads both clients the same way.
 */
import { request as httpRequest } from "node:http";
import RPCClient from "@alicloud/pop-core";
import OpenApiCore, { $OpenApiUtil, OpenApiUtil } from "@alicloud/openapi-core";
import { DEFAULT_CREDENTIAL, type Emulator, type EmulatorCredential } from "../../emulator";

export interface ForeignAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface ForeignCallOptions {
  credential?: EmulatorCredential;
  /** Default 2018-01-29. */
  version?: string;
}

/** A client's call: the action and its business parameters, as strings on the wire. */
export type ForeignCall = (emulator: Emulator, action: string, params: Record<string, string>, options?: ForeignCallOptions) => Promise<ForeignAnswer>;

interface PopCoreError extends Error {
  data?: Record<string, unknown>;
  entry?: { response?: { statusCode?: number } };
}

/**
 * pop-core's RPCClient with its second constructor argument, `verbose`, which its typings leave out: the answer
 * then comes with its HTTP exchange, so the status is known for successes too.
 */
const VerbosePopCore = RPCClient as unknown as new (config: RPCClient.Config, verbose: true) => RPCClient;

/** @alicloud/pop-core's RPCClient, V1-signed, parameters in a form body (POST). */
export const popCoreCall: ForeignCall = async (emulator, action, params, options = {}) => {
  const credential = options.credential ?? DEFAULT_CREDENTIAL;
  const client = new VerbosePopCore(
    {
      endpoint: emulator.url,
      apiVersion: options.version ?? "2018-01-29",
      accessKeyId: credential.accessKeyId,
      accessKeySecret: credential.accessKeySecret,
      securityToken: credential.securityToken,
    },
    true,
  );
  try {
    const [body, entry] = await client.request<[Record<string, unknown>, { response: { statusCode: number } }]>(action, params, { method: "POST" });
    return { status: entry.response.statusCode, body };
  } catch (error) {
    const refused = error as PopCoreError;
    // pop-core throws on any body with a Code; its HTTP status is on the exchange it keeps.
    if (refused.data && refused.entry?.response?.statusCode) return { status: refused.entry.response.statusCode, body: refused.data };
    throw error;
  }
};

interface OpenApiCoreError extends Error {
  statusCode?: number;
  data?: Record<string, unknown>;
}

/** @alicloud/openapi-core's Client.callApi, as a generated SDK calls an RPC action (V3 signature by default). */
export const openApiCoreCall: ForeignCall = async (emulator, action, params, options = {}) => {
  const credential = options.credential ?? DEFAULT_CREDENTIAL;
  const client = new OpenApiCore(
    new $OpenApiUtil.Config({
      accessKeyId: credential.accessKeyId,
      accessKeySecret: credential.accessKeySecret,
      securityToken: credential.securityToken,
      endpoint: emulator.endpoint,
      protocol: "HTTP",
    }),
  );
  const call = new $OpenApiUtil.Params({
    action,
    version: options.version ?? "2018-01-29",
    protocol: "HTTPS",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  try {
    const answer = await client.callApi(call, new $OpenApiUtil.OpenApiRequest({ query: params }), {} as Parameters<OpenApiCore["callApi"]>[2]);
    return { status: answer.statusCode as number, body: answer.body as Record<string, unknown> };
  } catch (error) {
    const refused = error as OpenApiCoreError;
    if (refused.data && refused.statusCode) return { status: refused.statusCode, body: refused.data };
    throw error;
  }
};

/** Both clients, for `describe.each`. */
export const FOREIGN_CLIENTS: readonly [string, ForeignCall][] = [
  ["pop-core (V1)", popCoreCall],
  ["openapi-core (V3)", openApiCoreCall],
];

export interface HandSignedV3 {
  query: Record<string, string>;
  action?: string;
  credential?: EmulatorCredential;
  /** Common headers left out of the request (e.g. the optional x-acs-signature-nonce). */
  omit?: string[];
  /** Headers sent and signed besides the common ones. */
  signedExtra?: Record<string, string>;
  /** Headers sent but added after signing, so they are not in SignedHeaders. */
  unsigned?: Record<string, string>;
  /** The timestamp to sign (default now). */
  date?: string;
}

/**
 * A V3 request signed by openapi-core's `getAuthorization` over exactly the headers given, sent with node:http
 * (which sends the Host header it is told, unlike fetch). Resolves to the status and the JSON body.
 */
export const sendHandSignedV3 = (emulator: Emulator, spec: HandSignedV3): Promise<ForeignAnswer> => {
  const credential = spec.credential ?? DEFAULT_CREDENTIAL;
  const payloadHash = OpenApiUtil.hash(Buffer.from(""), "ACS3-HMAC-SHA256").toString("hex");
  const all: Record<string, string> = {
    host: emulator.endpoint,
    "x-acs-action": spec.action ?? "QueryTaskDetailList",
    "x-acs-version": "2018-01-29",
    "x-acs-date": spec.date ?? OpenApiUtil.getTimestamp(),
    "x-acs-signature-nonce": OpenApiUtil.getNonce(),
    "x-acs-content-sha256": payloadHash,
    ...(credential.securityToken ? { "x-acs-security-token": credential.securityToken } : {}),
  };
  const headers = { ...Object.fromEntries(Object.entries(all).filter(([name]) => !(spec.omit ?? []).includes(name))), ...spec.signedExtra };
  const toSign = { pathname: "/", method: "POST", query: spec.query, headers } as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0];
  const authorization = OpenApiUtil.getAuthorization(toSign, "ACS3-HMAC-SHA256", payloadHash, credential.accessKeyId, credential.accessKeySecret);
  const path = `/?${new URLSearchParams(spec.query).toString().replace(/\+/g, "%20")}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: emulator.port, method: "POST", path, headers: { ...headers, ...spec.unsigned, authorization } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> }));
      },
    );
    req.on("error", reject);
    req.end();
  });
};
