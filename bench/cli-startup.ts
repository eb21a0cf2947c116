/**
 * CLI start-up benchmark: the built command (`node bin/domain-tasks.js`) for `--version` and for `get`
 * against the emulator, median wall time of several runs each, as a ratio to `node -e 0` (the cost of
 * starting Node at all) measured in the same run. A preloaded probe lists the modules each run loaded, to
 * confirm @pulumi/pulumi (seconds of start-up on its own) is never among them.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { runNode } from "./child";
import { benchCliEnv } from "./cli-env";
import { formatMs, formatRatio, median } from "./measure";
import type { Table } from "./table";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "domain-tasks.js");
const PROBE = path.join(__dirname, "module-probe.js");

interface Probe {
  modules: number;
  pulumi: number;
}

export async function cliStartupBenchmark(runs: number): Promise<Table[]> {
  const emulator = await startEmulator();
  const home = mkdtempSync(path.join(tmpdir(), "bench-cli-home-"));
  const env = benchCliEnv(home);
  const rows: string[][] = [];
  try {
    const taskNo = emulator.addTask({ batch: { count: 10 } });
    const cases: { name: string; args: string[]; probe: boolean }[] = [
      { name: "node -e 0 (baseline)", args: ["-e", "0"], probe: false },
      { name: "domain-tasks --version", args: [BIN, "--version"], probe: true },
      { name: "domain-tasks get (10 details, emulator)", args: [BIN, "get", taskNo, "--endpoint", emulator.url, "-o", "json"], probe: true },
    ];
    let baselineMs = NaN;
    for (const c of cases) {
      const times: number[] = [];
      let probe: Probe | undefined;
      for (let i = 0; i < runs + 1; i++) {
        const out = path.join(home, `modules-${i}.txt`);
        const args = c.probe ? ["--require", PROBE, ...c.args] : c.args;
        const result = await runNode(args, { cwd: ROOT, env: { ...env, BENCH_MODULE_PROBE_OUT: out } });
        if (result.code !== 0) throw new Error(`${c.name} exited ${result.code}: ${result.stderr.trim()}`);
        if (i === 0) continue; // the first run warms the file-system cache
        times.push(result.ms);
        if (c.probe) {
          const modules = readFileSync(out, "utf8").split("\n").filter(Boolean);
          probe = { modules: modules.length, pulumi: modules.filter((m) => m.includes(`${path.sep}@pulumi${path.sep}pulumi${path.sep}`)).length };
        }
      }
      const ms = median(times);
      if (Number.isNaN(baselineMs)) baselineMs = ms;
      rows.push([c.name, formatMs(ms), formatMs(Math.max(...times)), formatRatio(ms / baselineMs), probe ? String(probe.modules) : "-", probe ? (probe.pulumi === 0 ? "no" : `YES (${probe.pulumi} files)`) : "-"]);
    }
  } finally {
    await emulator.close();
  }
  return [{
    title: `CLI start-up: built command, median of ${runs} runs (after one warm-up run)`,
    columns: ["command", "wall time", "worst", "vs node -e 0", "modules loaded", "@pulumi/pulumi loaded"],
    rows,
    notes: ["Modules are counted by a --require probe (require.cache at exit)."],
  }];
}
