/**
 * Drives the emulator exactly as production code does: @alicloud/openapi-client 0.4.15 `callApi` with the
 * parameters the official Domain SDK uses (RPC, POST, pathname "/", formData, json; business parameters in
 * the query string).
 */
import OpenApi, { OpenApiRequest, Params } from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";
import { DEFAULT_CREDENTIAL, type Emulator, type EmulatorCredential } from "../../emulator";
import { rejectionOf } from "../support/rejection";

export interface CallOptions {
  credential?: EmulatorCredential;
  /** "v3" (ACS3-HMAC-SHA256, the default) or "v1" (HMAC-SHA1, openapi-client's signatureAlgorithm "v2"). */
  signature?: "v3" | "v1";
  action?: string;
  version?: string;
  method?: "POST" | "GET";
  /** Send the business parameters as a form body instead of the query string (the SDK uses the query). */
  inBody?: boolean;
}

export interface CallResult {
  statusCode: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

export const callApi = async (emulator: Emulator, query: Record<string, string>, options: CallOptions = {}): Promise<CallResult> => {
  const credential = options.credential ?? DEFAULT_CREDENTIAL;
  const client = new OpenApi({
    accessKeyId: credential.accessKeyId,
    accessKeySecret: credential.accessKeySecret,
    securityToken: credential.securityToken,
    endpoint: emulator.endpoint,
    protocol: "HTTP",
    signatureAlgorithm: options.signature === "v1" ? "v2" : undefined,
  } as ConstructorParameters<typeof OpenApi>[0]);
  const params = new Params({
    action: options.action ?? "QueryTaskDetailList",
    version: options.version ?? "2018-01-29",
    protocol: "HTTPS",
    pathname: "/",
    method: options.method ?? "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  return (await client.callApi(params, new OpenApiRequest(options.inBody ? { body: query } : { query }), new RuntimeOptions({}))) as CallResult;
};

/** The error openapi-client throws for a 4xx/5xx JSON answer. */
export interface ClientError {
  code?: string;
  statusCode?: number;
  message: string;
  data?: Record<string, unknown>;
  name: string;
}

/** The error openapi-client rejected `promise` with. */
export const callError = (promise: Promise<unknown>): Promise<ClientError> => rejectionOf<ClientError>(promise);

export const page = (emulator: Emulator, taskNo: string, pageNum: number, pageSize: number, extra: Record<string, string> = {}, options?: CallOptions) =>
  callApi(emulator, { TaskNo: taskNo, PageNum: String(pageNum), PageSize: String(pageSize), ...extra }, options).then((r) => r.body);

type WireDetail = Record<string, unknown>;
/** Data.TaskDetail as a list, whatever shape the page sent it in. */
export const detailsOf = (body: Record<string, unknown>): WireDetail[] => {
  const list = (body.Data as { TaskDetail?: WireDetail | WireDetail[] } | undefined)?.TaskDetail ?? [];
  return Array.isArray(list) ? list : [list];
};
