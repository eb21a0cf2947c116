/**
 * `domain-tasks wait <taskNo>...`: a pipeline gate. Polls until every detail has finished (or the timeout),
 * shows progress on stderr, prints the outcome on stdout and exits 0, 1, 3 or 4 (see exit-codes.ts). Several
 * TaskNos (arguments, or --tasks-from FILE|-) are gated together (./wait-many.ts).
 */
import { WAIT_DEFAULTS } from "../../sdk/waiter/defaults";
import type { ParsedArgs } from "../args";
import { createClient, parseGlobalOptions } from "../client";
import { debugApi } from "../debug";
import { durationFlag } from "../duration";
import { runGate, type Condition } from "../gate";
import { colorEnabled, type Io } from "../io";
import { parseOutput, parsePageSize, parseQuery } from "../query";
import { toSnapshot } from "../render/progress";
import { createProgressReporter, progressMode } from "../render/progress-reporter";
import { createStyle, envWithColorFlag } from "../render/style";
import { readTaskNos, tasksSince } from "../task-list";
import { UsageError, quote } from "../usage-error";
import { combinedExitCode, gateMany, type TaskVerdict } from "./wait-many";
import { writeOut } from "../write-out";
import { failuresTable, gateOutput, writeVerdict } from "../gate-output";

/** Waits at most this long unless --timeout says otherwise (the SDK's default wait). */
export const DEFAULT_TIMEOUT_MS = WAIT_DEFAULTS.maxWaitSeconds * 1000;

const parseCondition = (value: string | boolean | undefined): Condition => {
  if (value === undefined) return "success";
  if (value === "success" || value === "completion") return value;
  throw new UsageError(`--for ${quote(String(value))} is not a condition: use success or completion.`, "wait");
};

const parseDelays = (values: Record<string, string | boolean>): { minDelayMs?: number; maxDelayMs?: number } => {
  const read = (flag: string): number | undefined => {
    const value = values[flag];
    if (typeof value !== "string") return undefined;
    const ms = durationFlag(`--${flag}`, value, "wait");
    if (ms <= 0) throw new UsageError(`--${flag} ${quote(value)} must be longer than 0: use e.g. 500ms, 2s or 1m.`, "wait");
    return ms;
  };
  const minDelayMs = read("min-delay");
  const maxDelayMs = read("max-delay");
  if (minDelayMs !== undefined && maxDelayMs !== undefined && minDelayMs > maxDelayMs) {
    throw new UsageError(
      `--min-delay ${quote(String(values["min-delay"]))} is longer than --max-delay ${quote(String(values["max-delay"]))}: make the minimum the smaller one.`,
      "wait",
    );
  }
  return { minDelayMs, maxDelayMs };
};

export const runWait = async (args: ParsedArgs, io: Io): Promise<number> => {
  const globals = parseGlobalOptions(args.values, "wait");
  const many = args.positionals.length > 1 || args.values["tasks-from"] !== undefined || args.values.since !== undefined;
  const listed = many ? await readTaskNos(args.positionals, args.values["tasks-from"], io.stdin, "wait") : [];
  // The filters, checked before anything is sent (the TaskNos may come from the service itself, with --since).
  const filters = parseQuery(many ? ["(each task)"] : args.positionals, args.values, "wait");
  const pageSize = parsePageSize(args.values["page-size"], "wait");
  const output = parseOutput(args.values.output, io.stdout.isTTY === true, "wait");
  const condition = parseCondition(args.values.for);
  const timeoutMs = typeof args.values.timeout === "string" ? durationFlag("--timeout", args.values.timeout, "wait") : DEFAULT_TIMEOUT_MS;
  const delays = parseDelays(args.values);
  const quiet = args.values.quiet === true;
  const failFast = args.values["fail-fast"] === true;
  if (failFast && condition === "completion") {
    throw new UsageError("--fail-fast goes with --for success: with --for completion a failed detail is an expected outcome.", "wait");
  }
  const plainClient = await createClient(globals, io);
  const taskNos = [...new Set([...listed, ...(await tasksSince(plainClient, args.values, io.signal, "wait"))])];
  const query = { ...filters, taskNo: many ? taskNos[0] : filters.taskNo };
  const client = debugApi(plainClient, args.values, io.stderr);
  const env = envWithColorFlag(args.values, io.env);

  const errStyle = createStyle(colorEnabled(io.stderr, env));
  const progress = createProgressReporter(io.stderr, { mode: progressMode(io.stderr, quiet), style: errStyle });
  if (many) {
    let verdicts: TaskVerdict[];
    try {
      const queries = taskNos.map((taskNo) => ({ ...query, taskNo }));
      verdicts = await gateMany(client, queries, { condition, timeoutMs, failFast, pageSize, signal: io.signal, ...delays }, progress.update);
    } finally {
      progress.stop();
    }
    const exitCode = combinedExitCode(verdicts.map((v) => v.exitCode));
    if (output === "table") {
      for (const v of verdicts) if (v.result) await writeOut(io.stdout, failuresTable(io, v.result, env));
    } else {
      const entries = verdicts.map((v) => ({ taskNo: v.taskNo, exitCode: v.exitCode, verdict: v.verdict, outcome: v.result?.outcome ?? null }));
      await writeOut(io.stdout, output === "json"
        ? `${JSON.stringify({ exitCode, tasks: entries }, null, 2)}\n`
        : entries.map((e) => `${JSON.stringify(e)}\n`).join(""));
    }
    for (const v of verdicts) writeVerdict(io, v.taskNo, v.exitCode, v.verdict, { quiet, errStyle });
    if (!quiet) io.stderr.write(`${verdicts.length} tasks: exit ${exitCode}\n`);
    return exitCode;
  }
  // The outcome streams to stdout as the read that ends the wait reads it (./gate-output.ts), as `get`'s does.
  const out = gateOutput(io, { output, quiet, env, errStyle });
  let result;
  try {
    result = await runGate(client, query, {
      condition, timeoutMs, failFast, pageSize, signal: io.signal, onProgress: (p) => progress.update(toSnapshot(p)), ...delays,
      onDetails: out.onDetails, keepFailed: out.keepFailed,
    });
  } catch (error) {
    await out.abort(error).catch(() => undefined); // the error being reported matters more than a failed write of it
    throw error;
  } finally {
    progress.stop();
  }
  await out.finish(query.taskNo, result);
  return result.exitCode;
};
