/**
 * `--debug` (alias `--verbose`): one line on stderr per Domain API call - the action, the parameters asked (the
 * business ones only), how it ended (ok, or the HTTP status and Code), the RequestId to quote to Alibaba Cloud
 * support, and how long it took - and one line per retry inside a call (which attempt failed, how, and the wait
 * before the next). A decorator around the client the commands use, plus the client's `onRetry` hook.
 *
 * Never a secret: it prints only the request's business parameters (TaskNo, filters, paging, the domains and
 * name servers of a change), never the signed query, headers or an error's message (which could quote what the
 * server echoed).
 */
import type { DomainTaskApi } from "../sdk/api/client";
import type { DomainActionApi } from "../sdk/tasks/models";
import type { RetryNotice } from "../sdk/retry";
import { systemClock, type Clock } from "../sdk/clock";
import type { OutputStream } from "./io";

type Request = Parameters<DomainTaskApi["queryTaskDetailList"]>[0];

/** The wire names, in the order the API documents them. */
const FIELDS: ReadonlyArray<readonly [keyof Request, string]> = [
  ["taskNo", "TaskNo"], ["pageNum", "PageNum"], ["pageSize", "PageSize"], ["taskStatus", "TaskStatus"],
  ["domainName", "DomainName"], ["instanceId", "InstanceId"], ["lang", "Lang"], ["userClientIp", "UserClientIp"],
];

const describeRequest = (request: Request): string =>
  FIELDS.filter(([key]) => request[key] !== undefined)
    .map(([key, wire]) => `${wire}=${typeof request[key] === "string" ? JSON.stringify(request[key]) : String(request[key])}`)
    .join(" ");

/** Another action's query as sent (business parameters only: the client adds the signed ones itself). */
const describeQuery = (query: Record<string, string>): string =>
  Object.entries(query).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ");

/** The outcome of a failed call, from the error's public fields only. */
const describeError = (error: unknown): string => {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; statusCode?: unknown; requestId?: unknown; attempts?: unknown };
  const parts: string[] = [];
  if (typeof e.statusCode === "number" && e.statusCode > 0) parts.push(`HTTP ${e.statusCode}`);
  if (typeof e.code === "string" && e.code) parts.push(e.code);
  if (parts.length === 0) parts.push(`failed: ${typeof e.name === "string" ? e.name : "Error"}`);
  if (typeof e.requestId === "string" && e.requestId) parts.push(`RequestId=${e.requestId}`);
  if (typeof e.attempts === "number" && e.attempts > 1) parts.push(`after ${e.attempts} attempts`);
  return parts.join(" ");
};

/** The line for a retry the client is about to make (ClientOptions.onRetry). */
export const retryLine = (retry: RetryNotice & { action: string }): string =>
  `domain-tasks: debug: ${retry.action} attempt ${retry.attempt} failed (${describeError(retry.error)}); retrying in ${retry.delayMs}ms\n`;

/** `api` with every call logged through `write` (one line each, newline included). */
export const withDebug = <A extends DomainTaskApi & Partial<DomainActionApi>>(api: A, write: (line: string) => void, clock: Pick<Clock, "now"> = systemClock): A => {
  let announced = false;
  const log = (text: string): void => write(`domain-tasks: debug: ${text}\n`);
  const announce = (): void => {
    if (announced) return;
    announced = true;
    // The client's public description (DomainTaskClient.toJSON): where requests go, never a key.
    const where = (api as { toJSON?: () => Record<string, unknown> }).toJSON?.();
    if (where?.endpoint) log(`endpoint ${String(where.endpoint)} (product ${String(where.product)}, signature ${String(where.signatureVersion)})`);
  };
  /** Runs one call, logging its head and how it ended. */
  const logged = async <T>(head: string, call: () => Promise<T>, ok: (result: T) => string, signal?: AbortSignal): Promise<T> => {
    announce();
    const started = clock.now();
    const line = `${new Date(started).toISOString()} ${head}`;
    const took = (): string => `${Math.max(0, Math.round(clock.now() - started))}ms`;
    try {
      const result = await call();
      log(`${line} -> ok ${ok(result)}, ${took()}`);
      return result;
    } catch (error) {
      log(`${line} -> ${signal?.aborted ? "aborted" : describeError(error)}, ${took()}`);
      throw error;
    }
  };
  const wrapped: DomainTaskApi & Partial<DomainActionApi> = {
    queryTaskDetailList: (request, options) =>
      logged(`QueryTaskDetailList ${describeRequest(request)}`, () => api.queryTaskDetailList(request, options),
        (page) => `RequestId=${page.requestId || "(none)"} page ${page.currentPageNum}/${page.totalPageNum}, ${page.details.length} of ${page.totalItemNum} details`,
        options?.signal),
  };
  if (api.callAction) {
    const callAction = api.callAction.bind(api);
    wrapped.callAction = (action, query, parse, options) =>
      logged(`${action} ${describeQuery(query)}`, () => callAction(action, query, parse, options), () => "", options?.signal);
  }
  return Object.assign(Object.create(api) as A, wrapped);
};

/**
 * The client the commands use: wrapped by withDebug when `--debug`/`--verbose` was given, writing to stderr;
 * otherwise `api` itself. The one line for a command: `const api = debugApi(client, args.values, io.stderr);`
 */
export const debugApi = <A extends DomainTaskApi & Partial<DomainActionApi>>(
  api: A,
  values: Readonly<Record<string, string | boolean>>,
  stderr: OutputStream,
): A => (values.debug === true ? withDebug(api, (line) => stderr.write(line)) : api);
