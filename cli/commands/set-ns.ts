/**
 * `domain-tasks set-ns <domain>... --ns a --ns b | --aliyun-dns [--wait]`: change domains' name servers with one
 * SaveBatchTaskForModifyingDomainDns task and print its TaskNo; with --wait, gate on it as `wait --for success`
 * does, and pass only once every domain reads back the name servers asked (the same flags and exit codes).
 *
 * The SDK's one submit-or-resume path does the work (sdk/tasks/submit-or-resume): a step re-run after it was
 * cancelled finds the change it already submitted instead of submitting a second; a change of these domains still
 * open is waited for first (the API does not show its name servers); a change already in effect submits nothing.
 * Every phase is inside --timeout. Everything is checked before anything is sent.
 */
import type { ChangeResult } from "../../sdk/tasks/models";
import { submitOrResume } from "../../sdk/tasks/submit-or-resume";
import { NAME_SERVER_CHANGE } from "../../sdk/name-servers/operation";
import type { DomainNameServersInfo, NameServerChange } from "../../sdk/name-servers/models";
import type { ParsedArgs } from "../args";
import { createClient, parseGlobalOptions } from "../client";
import { debugApi } from "../debug";
import { ExitCode } from "../exit-codes";
import { judge, judgeError, type GateResult } from "../gate";
import { colorEnabled, type Io } from "../io";
import { parseOutput } from "../query";
import { toSnapshot } from "../render/progress";
import { createProgressReporter, progressMode } from "../render/progress-reporter";
import { createStyle, envWithColorFlag } from "../render/style";
import { UsageError, quote } from "../usage-error";
import { parseWaitFlags } from "../wait-flags";
import { writeOut } from "../write-out";
import { printGateResult, writeVerdict } from "../gate-output";
import { validateNameServerChange } from "../../sdk/name-servers/validate";

const COMMAND = "set-ns";

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

/** Flags that only mean something with --wait: refused without it, so a typo'd pipeline step is not silently different. */
const WAIT_ONLY = ["fail-fast", "min-delay", "max-delay"] as const;

const checkFlagsWithoutWait = (values: ParsedArgs["values"], output: string | boolean | undefined): void => {
  for (const flag of WAIT_ONLY) {
    if (values[flag] !== undefined) {
      throw new UsageError(`--${flag} goes with --wait: without it set-ns submits the change and prints its TaskNo, waiting for nothing but an earlier change of these domains.`, COMMAND);
    }
  }
  if (output !== undefined && output !== "json") {
    throw new UsageError(`-o ${quote(String(output))} goes with --wait: without it set-ns prints the TaskNo, or with -o json {taskNo, requestId, submitted, how}.`, COMMAND);
  }
};

/** What `set-ns` without --wait prints: the TaskNo (nothing when the change was already in effect and no task of it was found). */
const submittedOutput = (result: ChangeResult<DomainNameServersInfo>, json: boolean): string =>
  json
    ? `${JSON.stringify({ taskNo: result.taskNo, requestId: result.requestId, submitted: result.how === "submitted", how: result.how }, null, 2)}\n`
    : result.taskNo === null ? "" : `${result.taskNo}\n`;

/** The gate's verdict on what `submitOrResume` came to, as `wait` gives it, with the read-back's word on top. */
const gateResultOf = (result: ChangeResult<DomainNameServersInfo>, timeoutSeconds: number, failFast: boolean): GateResult | undefined => {
  if (result.outcome === null) return undefined;
  const judged = judge(result.outcome, { condition: "success", timeoutSeconds, failFast });
  if (result.verdict === "notApplied") return { ...judged, exitCode: ExitCode.CONDITION_FALSE, verdict: `condition false: ${result.summary}.` };
  if (result.verdict === "applied" && judged.exitCode === ExitCode.OK) return { ...judged, verdict: `condition met: ${result.summary}.` };
  return judged;
};

export const runSetNs = async (args: ParsedArgs, io: Io): Promise<number> => {
  const globals = parseGlobalOptions(args.values, COMMAND);
  const change = parseChange(args);
  const wait = args.values.wait === true;
  if (!wait) checkFlagsWithoutWait(args.values, args.values.output);
  // A bare TaskNo line unless -o json / --json asks for JSON: `TASK=$(domain-tasks set-ns ...)` must just work.
  const explicitOutput = typeof args.values.output === "string";
  const output = parseOutput(args.values.output, io.stdout.isTTY === true, COMMAND);
  const flags = parseWaitFlags(args.values, COMMAND);
  if (flags.timeoutSeconds === 0) {
    throw new UsageError("--timeout 0 does not fit set-ns: it bounds the search for an earlier change, the submit and the wait; give e.g. 5m.", COMMAND);
  }
  const quiet = args.values.quiet === true;
  const client = await createClient(globals, io, args.values);
  const api = debugApi(client, args.values, io.stderr);
  const env = envWithColorFlag(args.values, io.env);
  const errStyle = createStyle(colorEnabled(io.stderr, env));
  const progress = createProgressReporter(io.stderr, { mode: progressMode(io.stderr, quiet), style: errStyle });
  const verdict = { condition: "success" as const, timeoutSeconds: flags.timeoutSeconds, failFast: flags.failFast };

  let result: ChangeResult<DomainNameServersInfo>;
  let taskNo = "(none)";
  try {
    result = await submitOrResume(api, NAME_SERVER_CHANGE, change, {
      wait,
      ...flags,
      lang: change.lang,
      signal: io.signal,
      onProgress: (p) => progress.update(toSnapshot(p)),
      onEvent: (e) => {
        if (e.taskNo) taskNo = e.taskNo;
        if (!quiet) io.stderr.write(`domain-tasks: ${e.message}.\n`);
      },
    });
  } catch (error) {
    const judged = judgeError(error, taskNo, verdict, (e) => e.message.replace(/\.?$/, "."));
    if (!judged) throw error;
    progress.stop();
    await printGateResult(io, taskNo, judged, { output, quiet, env, errStyle });
    return judged.exitCode;
  } finally {
    progress.stop();
  }
  if (!wait) {
    if (!quiet && result.how === "applied") io.stderr.write(`domain-tasks: ${result.summary}.\n`);
    await writeOut(io.stdout, submittedOutput(result, explicitOutput && output === "json"));
    return ExitCode.OK;
  }
  const gate = gateResultOf(result, flags.timeoutSeconds, flags.failFast);
  if (!gate) {
    // Already in effect, and no task of it in the lookback window: nothing to show but the domains read back.
    if (output === "json") await writeOut(io.stdout, `${JSON.stringify({ taskNo: null, applied: true, nameServers: Object.fromEntries(Object.entries(result.states).map(([d, s]) => [d, s.nameServers])) }, null, 2)}\n`);
    writeVerdict(io, "(no task)", ExitCode.OK, `condition met: ${result.summary}.`, { quiet, errStyle });
    return ExitCode.OK;
  }
  await printGateResult(io, result.taskNo ?? "(no task)", gate, { output, quiet, env, errStyle });
  return gate.exitCode;
};
