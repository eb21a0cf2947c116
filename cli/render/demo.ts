/**
 * The text of `domain-tasks demo`: an introduction, one block per gate, a summary. Pure functions of what
 * happened, so the layout can be read (and tested) apart from the emulator and the waiting.
 */
import { relative } from "node:path";
import type { GateResult } from "../gate";
import { plural } from "./counts";
import { renderRows, failureReason } from "./table";
import type { Style } from "./style";

export interface DemoGate {
  /** Short name for the summary table. */
  name: string;
  /** What the gate protects, in words. */
  title: string;
  taskNo: string;
  taskType: string;
  /** The exit code the scenario is designed to give. */
  expectedExitCode: number;
}

/** Failures listed in full; beyond that, a pointer to `get`. */
const MAX_FAILURES_SHOWN = 10;

const displayPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
};

const indent = (text: string, by = "  "): string => text.split("\n").map((line) => (line ? by + line : line)).join("\n");

export const renderDemoIntro = (
  info: { url: string; scenario: string; gates: readonly DemoGate[] },
  style: Style,
): string => [
  "",
  `${style.bold("domain-tasks demo")} ${style.dim("·")} gating a pipeline on Alibaba Cloud Domain API tasks, offline`,
  "",
  `  A Domain API emulator is listening on ${style.cyan(info.url)}. A pipeline submits two tasks`,
  `  (from ${displayPath(info.scenario)}) and gates its deploy on each with ${style.bold("domain-tasks wait <taskNo>")}:`,
  ...info.gates.map((g) => `    ${g.taskType.padEnd(12)} ${g.taskNo}  ${style.dim(g.title)}`),
  "",
].join("\n") + "\n";

const header = (gate: DemoGate, index: number, count: number, url: string, style: Style): string => [
  `${style.bold(`Gate ${index + 1} of ${count}`)}: ${gate.title} ${style.dim(`(${gate.taskType} submitted just now)`)}`,
  style.dim(`  $ domain-tasks wait ${gate.taskNo} --for success --endpoint ${url}`),
].join("\n") + "\n";

const failureRows = (result: GateResult, style: Style): string[] => {
  const failed = result.outcome.failed;
  if (failed.length === 0) return [];
  const rows = failed.slice(0, MAX_FAILURES_SHOWN).map((f) => [f.domainName, f.errorMsg, style.red(failureReason(f) || "(no reason given)")]);
  const lines = renderRows(["DOMAIN", "ERROR", "REASON"], rows, style).split("\n");
  if (failed.length > MAX_FAILURES_SHOWN) {
    lines.push(style.dim(`... and ${failed.length - MAX_FAILURES_SHOWN} more: domain-tasks get ${result.outcome.taskNo} --status failure`));
  }
  return lines;
};

const result = (gate: DemoGate, gateResult: GateResult, style: Style): string => {
  const { exitCode, verdict, outcome } = gateResult;
  const mark = exitCode === 0 ? style.green("✓") : exitCode === 1 ? style.red("✗") : style.yellow("!");
  const lines = [`${mark} ${verdict} ${style.bold(`exit ${exitCode}`)}`];
  if (outcome.taskResult) lines.push(`  TaskResult: ${outcome.taskResult}`);
  const failures = failureRows(gateResult, style);
  if (failures.length > 0) lines.push("", ...failures.map((l) => `  ${l}`));
  if (exitCode === 1 && outcome.complete) {
    lines.push("", style.dim(`  With --for completion this gate would exit 0: all ${plural(outcome.total, "detail")} finished.`));
  }
  if (exitCode !== gate.expectedExitCode) {
    lines.push(style.yellow(`  (the scenario is designed to give exit ${gate.expectedExitCode} here)`));
  }
  return `${indent(lines.join("\n"))}\n\n`;
};

export const renderDemoGate = { header, result };

const consequence = (result: GateResult): string => {
  const { exitCode, outcome } = result;
  if (exitCode === 0) return "pass: the job it guards runs";
  if (exitCode === 1) return `stop: ${outcome.counts.EXECUTE_FAILURE} of ${plural(outcome.total, "domain")} failed`;
  if (exitCode === 4) return "stop: timed out with details still open";
  return "stop";
};

export const renderDemoSummary = (
  gates: readonly DemoGate[],
  results: readonly GateResult[],
  asDesigned: boolean,
  style: Style,
): string => {
  const rows = gates.map((g, i) => [g.name, g.taskNo, g.taskType, String(results[i].exitCode), consequence(results[i])]);
  const lines = [
    style.bold("Summary"),
    indent(renderRows(["GATE", "TASK", "TYPE", "EXIT", "IN A PIPELINE"], rows, style)),
    "",
    "  A pipeline step runs the same gate against the real API:",
    `    ${style.cyan("domain-tasks wait <taskNo> --timeout 30m && ./deploy.sh")}`,
    `  Exit codes: 0 met, 1 a detail failed, 2 bad input, 3 API or credential error (or answers that did not verify), 4 timed out, 130/143 interrupted.`,
    `  More: domain-tasks --help, domain-tasks get --help, domain-tasks emulator --help.`,
    "",
    asDesigned
      ? style.green("The demo ran as designed (exit 0).")
      : style.yellow("The demo did not run as designed: a gate gave an unexpected exit code (exit 1)."),
  ];
  return `${lines.join("\n")}\n`;
};
