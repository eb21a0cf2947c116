/**
 * Turns the flags shared by `get` and `wait` into the SDK's TaskQuery, checking each one so that a
 * mistake is reported against the flag the user typed, before anything is sent.
 */
import type { TaskQuery } from "../sdk/api/schemas";
import { MAX_PAGE_SIZE, TASK_STATUSES } from "../sdk/api/vocabulary";
import { UsageError, quote } from "./usage-error";

/** The words --status accepts, besides the API's names and codes. */
const STATUS_ALIASES: Record<string, string> = {
  waiting: "WAITING_EXECUTE", executing: "EXECUTING", running: "EXECUTING",
  success: "EXECUTE_SUCCESS", succeeded: "EXECUTE_SUCCESS",
  failure: "EXECUTE_FAILURE", failed: "EXECUTE_FAILURE",
  "0": "WAITING_EXECUTE", "1": "EXECUTING", "2": "EXECUTE_SUCCESS", "3": "EXECUTE_FAILURE",
};
const STATUS_NAMES = TASK_STATUSES;
type StatusName = (typeof STATUS_NAMES)[number];

export const parseStatus = (text: string, command: string): StatusName => {
  const upper = text.trim().toUpperCase();
  const name = (STATUS_NAMES as readonly string[]).includes(upper) ? upper : STATUS_ALIASES[text.trim().toLowerCase()];
  if (!name) {
    throw new UsageError(
      `--status ${quote(text)} is not a task status: use waiting, executing, success or failure (or WAITING_EXECUTE .. EXECUTE_FAILURE, or 0-3).`,
      command,
    );
  }
  return name as StatusName;
};

/** The TaskNo argument: exactly one, not blank. */
export const parseTaskNo = (positionals: readonly string[], command: string): string => {
  if (positionals.length === 0) {
    throw new UsageError(`missing <taskNo>: give the TaskNo that the SaveSingleTaskFor*/SaveBatchTaskFor* call returned.`, command);
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `unexpected argument ${quote(positionals[1])}: ${command} takes one <taskNo> (got ${positionals.length} arguments).`,
      command,
    );
  }
  const taskNo = positionals[0].trim();
  if (taskNo === "") {
    throw new UsageError(`<taskNo> ${quote(positionals[0])} is empty: give the TaskNo that the SaveSingleTaskFor*/SaveBatchTaskFor* call returned.`, command);
  }
  return taskNo;
};

const nonEmpty = (flag: string, value: string | boolean | undefined, command: string): string | undefined => {
  if (typeof value !== "string") return undefined;
  if (value.trim() === "") throw new UsageError(`--${flag} ${quote(value)} is empty: give a value or leave the flag out.`, command);
  return value.trim();
};

/** --page-size: an integer from 1 to MAX_PAGE_SIZE (the API's maximum). */
export const parsePageSize = (value: string | boolean | undefined, command: string): number | undefined => {
  if (typeof value !== "string") return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new UsageError(`--page-size ${quote(value)} is not a page size: use a whole number from 1 to ${MAX_PAGE_SIZE}.`, command);
  }
  return n;
};

/** The query from `<taskNo>` and --status/--domain/--instance/--lang. */
export const parseQuery = (
  positionals: readonly string[],
  values: Record<string, string | boolean>,
  command: string,
): TaskQuery => {
  const query: TaskQuery = { taskNo: parseTaskNo(positionals, command) };
  const status = nonEmpty("status", values.status, command);
  if (status !== undefined) query.taskStatus = parseStatus(status, command);
  const domain = nonEmpty("domain", values.domain, command);
  if (domain !== undefined) query.domainName = domain;
  const instance = nonEmpty("instance", values.instance, command);
  if (instance !== undefined) query.instanceId = instance;
  const lang = nonEmpty("lang", values.lang, command);
  if (lang !== undefined) {
    if (lang !== "en" && lang !== "zh") throw new UsageError(`--lang ${quote(lang)} is not a language the API speaks: use en or zh.`, command);
    query.lang = lang;
  }
  return query;
};

export type OutputFormat = "table" | "json" | "jsonl";

/** -o: table, json or jsonl; by default table on a terminal and json in a pipe. */
export const parseOutput = (value: string | boolean | undefined, stdoutIsTTY: boolean, command: string): OutputFormat => {
  if (typeof value !== "string") return stdoutIsTTY ? "table" : "json";
  if (value === "table" || value === "json" || value === "jsonl") return value;
  throw new UsageError(`-o/--output ${quote(value)} is not an output format: use table, json or jsonl.`, command);
};
