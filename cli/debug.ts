/**
 * `--debug` (alias `--verbose`): one line on stderr per QueryTaskDetailList call - the action, the filters and
 * page asked, how it ended (ok, or the HTTP status and Code), the RequestId to quote to Alibaba Cloud support,
 * and how long it took. A decorator around the DomainTaskApi the commands use, so the SDK needs no hook.
 *
 * Never a secret: it prints only the request's business parameters (TaskNo, filters, paging), never the
 * signed query, headers or an error's message (which could quote what the server echoed).
 * A call's retries happen inside the client: one line per call, with the attempts an error reports.
 */
import type { DomainTaskApi } from "../sdk/api/client";
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

/** `api` with every call logged through `write` (one line each, newline included). */
export const withDebug = (api: DomainTaskApi, write: (line: string) => void, clock: Pick<Clock, "now"> = systemClock): DomainTaskApi => {
  let announced = false;
  const log = (text: string): void => write(`domain-tasks: debug: ${text}\n`);
  return {
    async queryTaskDetailList(request, options) {
      if (!announced) {
        announced = true;
        // The client's public description (DomainTaskClient.toJSON): where requests go, never a key.
        const where = (api as { toJSON?: () => Record<string, unknown> }).toJSON?.();
        if (where?.endpoint) log(`endpoint ${String(where.endpoint)} (product ${String(where.product)}, signature ${String(where.signatureVersion)})`);
      }
      const started = clock.now();
      const head = `${new Date(started).toISOString()} QueryTaskDetailList ${describeRequest(request)}`;
      const took = (): string => `${Math.max(0, Math.round(clock.now() - started))}ms`;
      try {
        const page = await api.queryTaskDetailList(request, options);
        log(`${head} -> ok RequestId=${page.requestId || "(none)"} page ${page.currentPageNum}/${page.totalPageNum}, ` +
          `${page.details.length} of ${page.totalItemNum} details, ${took()}`);
        return page;
      } catch (error) {
        log(`${head} -> ${options?.signal?.aborted ? "aborted" : describeError(error)}, ${took()}`);
        throw error;
      }
    },
  };
};

/**
 * The client the commands use: wrapped by withDebug when `--debug`/`--verbose` was given, writing to stderr;
 * otherwise `api` itself. The one line for a command: `const api = debugApi(client, args.values, io.stderr);`
 */
export const debugApi = (
  api: DomainTaskApi,
  values: Readonly<Record<string, string | boolean>>,
  stderr: OutputStream,
): DomainTaskApi => (values.debug === true ? withDebug(api, (line) => stderr.write(line)) : api);
