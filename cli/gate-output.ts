/**
 * What a gate prints when it is done (`wait`, `set-ns --wait`): the outcome on stdout in the format asked,
 * and the verdict, the one line a pipeline log needs, on stderr - a timeout or a contradiction even with -q.
 */
import { ExitCode } from "./exit-codes";
import type { GateResult } from "./gate";
import { colorEnabled, type Io } from "./io";
import type { OutputFormat } from "./query";
import { renderJson } from "./render/json";
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

export const printGateResult = async (io: Io, taskNo: string, result: GateResult, options: GateOutputOptions): Promise<void> => {
  const { outcome } = result;
  if (options.output === "json") await writeOut(io.stdout, renderJson(outcome));
  else if (options.output === "jsonl") await writeOut(io.stdout, renderJsonLines(outcome.details));
  else await writeOut(io.stdout, failuresTable(io, result, options.env));
  writeVerdict(io, taskNo, result.exitCode, result.verdict, options);
};
