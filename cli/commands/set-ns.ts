/**
 * `domain-tasks set-ns <domain>... --ns a --ns b | --aliyun-dns [--wait]`: change domains' name servers with one
 * SaveBatchTaskForModifyingDomainDns task and print its TaskNo; with --wait, gate on it as `wait --for success`
 * does (the same gate, flags and exit codes). A step re-run after it was cancelled finds the change it already
 * submitted (an open task for exactly these domains) and uses that one instead of submitting a second.
 */
import { findTask } from "../../sdk/name-servers/find-task";
import { submitNameServerChange } from "../../sdk/name-servers/submit";
import { validateNameServerChange } from "../../sdk/name-servers/validate";
import type { NameServerChange } from "../../sdk/name-servers/models";
import type { ParsedArgs } from "../args";
import { createClient, parseGlobalOptions } from "../client";
import { debugApi } from "../debug";
import { durationFlag } from "../duration";
import { ExitCode } from "../exit-codes";
import { runGate } from "../gate";
import { colorEnabled, type Io } from "../io";
import { parseOutput } from "../query";
import { toSnapshot } from "../render/progress";
import { createProgressReporter, progressMode } from "../render/progress-reporter";
import { createStyle, envWithColorFlag } from "../render/style";
import { UsageError, quote } from "../usage-error";
import { writeOut } from "../write-out";
import { printGateResult } from "../gate-output";
import { DEFAULT_TIMEOUT_MS } from "./wait";

const COMMAND = "set-ns";
/** How far back to look for a change already submitted: QueryTaskList filters by whole days. */
const LOOKBACK_MS = 24 * 3600 * 1000;

const parseChange = (args: ParsedArgs): NameServerChange => {
  if (args.positionals.length === 0) throw new UsageError("no domain given: domain-tasks set-ns <domain>... --ns <host> --ns <host>.", COMMAND);
  const ns = args.values.ns;
  const aliyunDns = args.values["aliyun-dns"] === true;
  if (aliyunDns && typeof ns === "string") throw new UsageError("give --ns or --aliyun-dns, not both.", COMMAND);
  if (!aliyunDns && typeof ns !== "string") throw new UsageError("no name servers given: add --ns <host> for each (2-13), or --aliyun-dns.", COMMAND);
  const lang = args.values.lang;
  if (lang !== undefined && lang !== "en" && lang !== "zh") throw new UsageError(`--lang ${quote(String(lang))} is not a language the API speaks: use en or zh.`, COMMAND);
  const change: NameServerChange = aliyunDns
    ? { domainNames: args.positionals, aliyunDns: true }
    : { domainNames: args.positionals, nameServers: String(ns).split(",").map((h) => h.trim()).filter(Boolean) };
  if (lang) change.lang = lang;
  // The SDK's rules, checked before any credential is read; a ValidationError exits 2 naming the value.
  return validateNameServerChange(change);
};

const delayFlag = (values: ParsedArgs["values"], flag: string): number | undefined => {
  const value = values[flag];
  if (typeof value !== "string") return undefined;
  const ms = durationFlag(`--${flag}`, value, COMMAND);
  if (ms <= 0) throw new UsageError(`--${flag} ${quote(value)} must be longer than 0: use e.g. 500ms, 2s or 1m.`, COMMAND);
  return ms;
};

export const runSetNs = async (args: ParsedArgs, io: Io): Promise<number> => {
  const globals = parseGlobalOptions(args.values, COMMAND);
  const change = parseChange(args);
  const wait = args.values.wait === true;
  // A bare TaskNo line unless -o json / --json asks for JSON: `TASK=$(domain-tasks set-ns ...)` must just work.
  const explicitOutput = typeof args.values.output === "string";
  const output = parseOutput(args.values.output, io.stdout.isTTY === true, COMMAND);
  const timeoutMs = typeof args.values.timeout === "string" ? durationFlag("--timeout", args.values.timeout, COMMAND) : DEFAULT_TIMEOUT_MS;
  const minDelayMs = delayFlag(args.values, "min-delay");
  const maxDelayMs = delayFlag(args.values, "max-delay");
  const quiet = args.values.quiet === true;
  const client = await createClient(globals, io);

  const now = Date.now();
  const [open] = (await findTask(client, { domainNames: change.domainNames, sinceMs: now - LOOKBACK_MS }, { signal: io.signal, nowMs: now }))
    .filter((t) => t.taskStatus !== "COMPLETE");
  let taskNo: string;
  let requestId: string | undefined;
  if (open) {
    taskNo = open.taskNo;
    if (!quiet) io.stderr.write(`domain-tasks: task ${taskNo} (a change for exactly these domains) is still open: using it instead of submitting again.\n`);
  } else {
    ({ taskNo, requestId } = await submitNameServerChange(client, change, { signal: io.signal }));
    if (!quiet) io.stderr.write(`domain-tasks: submitted the change as task ${taskNo}.\n`);
  }

  if (!wait) {
    await writeOut(io.stdout, explicitOutput && output === "json" ? `${JSON.stringify({ taskNo, requestId: requestId ?? null, submitted: !open }, null, 2)}\n` : `${taskNo}\n`);
    return ExitCode.OK;
  }
  const env = envWithColorFlag(args.values, io.env);
  const errStyle = createStyle(colorEnabled(io.stderr, env));
  const progress = createProgressReporter(io.stderr, { mode: progressMode(io.stderr, quiet), style: errStyle });
  let result;
  try {
    result = await runGate(debugApi(client, args.values, io.stderr), { taskNo, ...(change.lang && { lang: change.lang }) }, {
      condition: "success", timeoutMs, failFast: args.values["fail-fast"] === true, minDelayMs, maxDelayMs, signal: io.signal,
      onProgress: (p) => progress.update(toSnapshot(p)),
    });
  } finally {
    progress.stop();
  }
  await printGateResult(io, taskNo, result, { output, quiet, env, errStyle });
  return result.exitCode;
};
