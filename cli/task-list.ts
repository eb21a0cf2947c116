/**
 * The TaskNos a multi-task `wait` gates on: the arguments, plus one per line of `--tasks-from FILE` (or `-`,
 * standard input). Blank lines and `#` comments are skipped; a TaskNo given twice is waited for once.
 */
import { readFileSync } from "node:fs";
import type { DomainActionApi } from "../sdk/tasks/models";
import { listTasks } from "../sdk/tasks/list-tasks";
import { durationFlag } from "./duration";
import { UsageError, quote } from "./usage-error";

const readAll = async (stream: NodeJS.ReadableStream): Promise<string> => {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
};

export const readTaskNos = async (
  positionals: readonly string[],
  from: string | boolean | undefined,
  stdin: NodeJS.ReadableStream,
  command: string,
): Promise<string[]> => {
  const listed: string[] = [];
  if (typeof from === "string") {
    let text: string;
    try {
      text = from === "-" ? await readAll(stdin) : readFileSync(from, "utf8");
    } catch (error) {
      throw new UsageError(`--tasks-from ${quote(from)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): give a file with one TaskNo per line, or - for standard input.`, command);
    }
    for (const line of text.split(/\r?\n/)) {
      const taskNo = line.replace(/#.*/, "").trim();
      if (taskNo !== "") listed.push(taskNo);
    }
    if (listed.length === 0) throw new UsageError(`--tasks-from ${quote(from)} holds no TaskNo: give one per line.`, command);
  }
  for (const arg of positionals) {
    if (arg.trim() === "") throw new UsageError(`<taskNo> ${quote(arg)} is empty: give the TaskNo that the SaveSingleTaskFor*/SaveBatchTaskFor* call returned.`, command);
    listed.push(arg.trim());
  }
  return [...new Set(listed)];
};

/**
 * `--since 1h [--type CHG_DNS]`: the TaskNos of every task created in that window (QueryTaskList's verified
 * listing), newest first. None found is an error (exit 2): a gate over no task must not pass. `timeoutMs` bounds
 * the listing (the command's one deadline); undefined: no bound (`--timeout 0`, one check).
 */
export const tasksSince = async (
  api: DomainActionApi,
  values: Record<string, string | boolean>,
  signal: AbortSignal,
  command: string,
  timeoutMs?: number,
): Promise<string[]> => {
  const since = values.since;
  if (typeof since !== "string") {
    if (values.type !== undefined) throw new UsageError("--type goes with --since: it selects which of the tasks created in that window to wait for.", command);
    return [];
  }
  const windowMs = durationFlag("--since", since, command);
  if (windowMs <= 0) throw new UsageError(`--since ${quote(since)} must be longer than 0: use e.g. 30m, 1h or 1d.`, command);
  // Any type the service names (CHG_DNS, ORDER_RENEW, ...): one it never names just finds no task.
  const type = typeof values.type === "string" ? values.type.trim().toUpperCase() : undefined;
  if (type === "") throw new UsageError(`--type ${quote(String(values.type))} is empty: give a task type such as CHG_DNS or ORDER_RENEW.`, command);
  const now = Date.now();
  const tasks = await listTasks(api, { sinceMs: now - windowMs, ...(type && { taskType: type }) }, { signal, nowMs: now, timeoutMs });
  if (tasks.length === 0) {
    throw new UsageError(`no task${type ? ` of type ${type}` : ""} was created in the last ${since}: nothing to wait for (check --since, --type and --product).`, command);
  }
  return tasks.map((t) => t.taskNo);
};
