/**
 * `domain-tasks wait <taskNo>...`: a pipeline gate. Polls until every detail has finished (or the timeout),
 * shows progress on stderr, prints the outcome on stdout and exits 0, 1, 3 or 4 (see exit-codes.ts). Several
 * TaskNos (arguments, or --tasks-from FILE|-) are gated together (./wait-many.ts).
 */
import type { ParsedArgs } from "../args";
import { TRANSPORT_CODES } from "../../sdk/api/error-mapping";
import { DomainApiError } from "../../sdk/errors";
import { createClient, parseGlobalOptions } from "../client";
import { formatDuration } from "../duration";
import { combinedExitCode, ExitCode } from "../exit-codes";
import { debugApi } from "../debug";
import { runGate, type Condition } from "../gate";
import { colorEnabled, type Io } from "../io";
import { parseOutput, parsePageSize, parseQuery } from "../query";
import { toSnapshot } from "../render/progress";
import { createProgressReporter, progressMode } from "../render/progress-reporter";
import { createStyle, envWithColorFlag } from "../render/style";
import { readTaskNos, tasksSince } from "../task-list";
import { UsageError, quote } from "../usage-error";
import { parseWaitFlags } from "../wait-flags";
import { gateMany, type TaskVerdict } from "./wait-many";
import { writeOut } from "../write-out";
import { failuresTable, gateOutput, writeVerdict } from "../gate-output";

const parseCondition = (value: string | boolean | undefined): Condition => {
  if (value === undefined) return "success";
  if (value === "success" || value === "completion") return value;
  throw new UsageError(`--for ${quote(String(value))} is not a condition: use success or completion.`, "wait");
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
  const { timeoutSeconds, failFast, ...delays } = parseWaitFlags(args.values, "wait");
  const quiet = args.values.quiet === true;
  if (failFast && condition === "completion") {
    throw new UsageError("--fail-fast goes with --for success: with --for completion a failed detail is an expected outcome.", "wait");
  }
  const client = debugApi(await createClient(globals, io, args.values), args.values, io.stderr);
  // One deadline for the whole command: the --since listing, then the wait in the time left.
  const startedAt = Date.now();
  let since: string[];
  try {
    since = await tasksSince(client, args.values, io.signal, "wait", timeoutSeconds === 0 ? undefined : timeoutSeconds * 1000);
  } catch (error) {
    if (!DomainApiError.isInstance(error) || error.code !== TRANSPORT_CODES.deadlineExceeded) throw error;
    io.stderr.write(`domain-tasks: timed out after ${formatDuration(timeoutSeconds * 1000)} while listing the tasks created in the last ${String(args.values.since)} (QueryTaskList): nothing was waited for.\n`);
    return ExitCode.TIMEOUT;
  }
  const left = timeoutSeconds === 0 ? 0 : Math.max(0.001, timeoutSeconds - (Date.now() - startedAt) / 1000);
  const taskNos = [...new Set([...listed, ...since])];
  const query = { ...filters, taskNo: many ? taskNos[0] : filters.taskNo };
  const env = envWithColorFlag(args.values, io.env);

  const errStyle = createStyle(colorEnabled(io.stderr, env));
  const progress = createProgressReporter(io.stderr, { mode: progressMode(io.stderr, quiet), style: errStyle });
  if (many) {
    let verdicts: TaskVerdict[];
    try {
      const queries = taskNos.map((taskNo) => ({ ...query, taskNo }));
      verdicts = await gateMany(client, queries, { condition, timeoutSeconds: left, failFast, pageSize, signal: io.signal, ...delays }, progress.update);
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
      condition, timeoutSeconds: left, failFast, pageSize, signal: io.signal, onProgress: (p) => progress.update(toSnapshot(p)), ...delays,
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
