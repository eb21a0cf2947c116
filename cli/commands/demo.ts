/**
 * `domain-tasks demo` (what `npm start` runs): starts the Domain API emulator in this process with the
 * bundled scenario, then gates on its two tasks exactly as `domain-tasks wait --for success` would in a
 * pipeline, showing the progress, the failures with their reasons and the exit code of each gate.
 *
 * Each task is seeded into the emulator when its gate starts, as a pipeline submits a task and then gates on
 * it, so both gates show their whole progress; times in the scenario count from that moment.
 *
 * The demo checks itself: it exits 0 only if the renewal gate gave 0 and the DNS gate gave 1 with the
 * scenario's failures, so `npm start` doubles as a smoke test of the whole stack.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { DomainTaskClient } from "../../sdk/api/client";
import { DEFAULT_CREDENTIAL, startEmulator } from "../../emulator";
import { loadScenario } from "../../emulator/scenario-file";
import type { ParsedArgs } from "../args";
import { ExitCode } from "../exit-codes";
import { runGate, type GateResult } from "../gate";
import { colorEnabled, type Io } from "../io";
import { renderDemoGate, renderDemoIntro, renderDemoSummary, type DemoGate } from "../render/demo";
import { toSnapshot } from "../render/progress";
import { createProgressReporter, progressMode } from "../render/progress-reporter";
import { createStyle } from "../render/style";

/** The two tasks of emulator/scenarios/demo.json and what each gate must give. */
export const DEMO_GATES: readonly DemoGate[] = [
  {
    title: "the renewal must succeed before the deploy",
    name: "renewal",
    taskNo: "0b7d4e19-3a52-4c88-b6f0-71e2c5d9a846",
    taskType: "ORDER_RENEW",
    expectedExitCode: 0,
  },
  {
    title: "the DNS change must succeed on every domain",
    name: "dns-change",
    taskNo: "5f8c1a2e-6d3b-4f0a-9c71-2b4e8d90a3c1",
    taskType: "CHG_DNS",
    expectedExitCode: 1,
  },
];

/** Short polls so the tour takes seconds; a real pipeline keeps the defaults (WAIT_DEFAULTS). */
const DEMO_POLL = { minDelaySeconds: 0.25, maxDelaySeconds: 1, timeoutSeconds: 60 };

/** emulator/scenarios/demo.json, from the source tree (ts-node) or next to dist/ (installed package). */
export const demoScenarioPath = (): string => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, "emulator", "scenarios", "demo.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`emulator/scenarios/demo.json not found above ${__dirname}: reinstall the package.`);
  }
};

export const runDemo = async (args: ParsedArgs, io: Io): Promise<number> => {
  const quiet = args.values.quiet === true;
  const style = createStyle(colorEnabled(io.stdout, io.env));
  const scenario = demoScenarioPath();
  const tasks = loadScenario(scenario).tasks;
  const emulator = await startEmulator();
  try {
    const client = new DomainTaskClient({ endpoint: emulator.url, credentials: DEFAULT_CREDENTIAL });
    io.stdout.write(renderDemoIntro({ url: emulator.url, scenario, gates: DEMO_GATES }, style));
    const results: GateResult[] = [];
    for (const [index, gate] of DEMO_GATES.entries()) {
      const spec = tasks.find((t) => t.taskNo === gate.taskNo);
      if (!spec) throw new Error(`${scenario} has no task ${gate.taskNo}: reinstall the package.`);
      emulator.addTask(spec);
      io.stdout.write(renderDemoGate.header(gate, index, DEMO_GATES.length, emulator.url, style));
      const progress = createProgressReporter(io.stdout, { mode: progressMode(io.stdout, quiet), style, prefix: "  " });
      let result: GateResult;
      try {
        result = await runGate(client, { taskNo: gate.taskNo }, { condition: "success", signal: io.signal, onProgress: (p) => progress.update(toSnapshot(p)), ...DEMO_POLL });
      } finally {
        progress.stop();
      }
      results.push(result);
      io.stdout.write(renderDemoGate.result(gate, result, style));
    }
    const asDesigned = DEMO_GATES.every((gate, i) => results[i].exitCode === gate.expectedExitCode);
    io.stdout.write(renderDemoSummary(DEMO_GATES, results, asDesigned, style));
    return asDesigned ? ExitCode.OK : ExitCode.CONDITION_FALSE;
  } finally {
    await emulator.close();
  }
};
