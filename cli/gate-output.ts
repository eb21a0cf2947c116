/**
 * What a gate prints when it is done (`wait`, `set-ns --wait`): the outcome on stdout in the format asked,
 * and the verdict, the one line a pipeline log needs, on stderr - a timeout or a contradiction even with -q.
 *
 * The outcome streams: a gate hands `onDetails` to the waiter, which calls it with each detail once as the read
 * that ends the wait reads it, so `-o json` and `-o jsonl` write the details as they come (memory stays
 * O(pages in flight) at 200,000 details, as `get`'s does) and `-o table` keeps only the failed ones for its
 * table of failures. `finish` then writes what is left: the rest of the outcome and the verdict.
 */
import type { TaskDetail } from "../sdk/api/schemas";
import { ExitCode } from "./exit-codes";
import type { GateResult } from "./gate";
import { colorEnabled, type Io } from "./io";
import type { OutputFormat } from "./query";
import { JSON_FAILED_KEPT, jsonDocument } from "./render/json-stream";
import { renderJsonLines } from "./render/jsonl";
import { createStyle, type Style } from "./render/style";
import { renderTable, tableWidth } from "./render/table";
import { writeOut } from "./write-out";

export interface GateOutputOptions {
  output: OutputFormat;
  quiet: boolean;
  /** The environment colour is decided by (the --color flag applied). */
  env: Record<string, string | undefined>;
  /** The style of stderr. */
  errStyle: Style;
}

/** Failed details the table of failures lists (the rest are counted under it). */
export const TABLE_FAILURES_KEPT = JSON_FAILED_KEPT;

/** The verdict line of one task, unless -q hides it (never a timeout's or a contradiction's). */
export const writeVerdict = (io: Io, taskNo: string, exitCode: number, verdict: string, options: Pick<GateOutputOptions, "quiet" | "errStyle">): void => {
  if (options.quiet && exitCode !== ExitCode.TIMEOUT && exitCode !== ExitCode.API_ERROR) return;
  const { errStyle } = options;
  const color = exitCode === ExitCode.OK ? errStyle.green : exitCode === ExitCode.TIMEOUT ? errStyle.yellow : errStyle.red;
  io.stderr.write(`${color(`${taskNo}: ${verdict}`)} ${errStyle.dim(`(exit ${exitCode})`)}\n`);
};

/** The table of one outcome's failures, as every gate shows it. */
export const failuresTable = (io: Io, result: GateResult, env: GateOutputOptions["env"]): string =>
  renderTable(result.outcome, { rows: "failed", width: tableWidth(io.stdout), style: createStyle(colorEnabled(io.stdout, env)) });

/** One gate's output, streamed: `onDetails` while the wait reads, `finish` once it is judged. */
export interface GateOutput {
  onDetails(details: readonly TaskDetail[]): Promise<void>;
  /** Failures the outcome lists (the first ones; the rest are counted). */
  keepFailed: number;
  /** Writes the rest of the outcome (whatever it still holds of its details first) and the verdict line. */
  finish(taskNo: string, result: GateResult): Promise<void>;
  /** Closes what was streamed after an error, so `-o json` still parses ("" when nothing was). */
  abort(error: unknown): Promise<void>;
}

export const gateOutput = (io: Io, options: GateOutputOptions): GateOutput => {
  const verdict = (taskNo: string, result: GateResult) => writeVerdict(io, taskNo, result.exitCode, result.verdict, options);
  if (options.output === "json") {
    const doc = jsonDocument();
    const onDetails = (details: readonly TaskDetail[]) => writeOut(io.stdout, doc.details(details));
    return {
      onDetails,
      keepFailed: JSON_FAILED_KEPT,
      finish: async (taskNo, result) => {
        await onDetails(result.outcome.details);
        await writeOut(io.stdout, doc.end(result.outcome));
        verdict(taskNo, result);
      },
      abort: (error) => writeOut(io.stdout, doc.abort(error instanceof Error ? error.message : String(error))),
    };
  }
  if (options.output === "jsonl") {
    const onDetails = (details: readonly TaskDetail[]) => writeOut(io.stdout, renderJsonLines(details));
    return {
      onDetails,
      keepFailed: JSON_FAILED_KEPT,
      finish: async (taskNo, result) => {
        await onDetails(result.outcome.details);
        verdict(taskNo, result);
      },
      abort: async () => undefined,
    };
  }
  const failures: TaskDetail[] = [];
  let dropped = 0;
  const onDetails = async (details: readonly TaskDetail[]) => {
    for (const d of details) {
      if (d.taskStatus !== "EXECUTE_FAILURE") continue;
      if (failures.length < TABLE_FAILURES_KEPT) failures.push(d);
      else dropped += 1;
    }
  };
  return {
    onDetails,
    keepFailed: 0,
    finish: async (taskNo, result) => {
      await onDetails(result.outcome.details);
      const table = failuresTable(io, { ...result, outcome: { ...result.outcome, details: failures } }, options.env);
      const more = dropped > 0 ? `... and ${dropped} more failed detail(s): domain-tasks get ${taskNo} -o jsonl lists them all\n` : "";
      await writeOut(io.stdout, `${table}${more}`);
      verdict(taskNo, result);
    },
    abort: async () => undefined,
  };
};

/** Prints a gate's result that was not streamed (its outcome holds its details). */
export const printGateResult = async (io: Io, taskNo: string, result: GateResult, options: GateOutputOptions): Promise<void> =>
  gateOutput(io, options).finish(taskNo, result);
