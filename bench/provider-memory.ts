/**
 * Provider memory benchmark (issue 10, and issue 18 "Must hold"): the heap a DomainTask `create` grows by on a
 * 200,000-detail task, target under 64 MB, and the size of the state it writes. Each run is a fresh child
 * (provider-memory-worker.ts, --expose-gc) that builds the provider as the dynamic-provider host does and calls
 * `create` in-process, so the heap measured is the provider's own (the gRPC host around it adds a constant);
 * the emulator runs in its own process (emulator-process.ts), so its store is not counted.
 */
import * as path from "node:path";
import { runNode, workerJson } from "./child";
import { startEmulatorProcess } from "./emulator-process";
import { formatCount, median } from "./measure";
import type { Table } from "./table";

export const PROVIDER_MEMORY_DETAILS = 200_000;
const TARGET_MB = 64;
const WORKER = path.join(__dirname, "provider-memory-worker.js");

interface WorkerResult {
  baselineMb: number;
  peakMb: number;
  livePeakMb: number;
  rssBeforeMb: number;
  rssMb: number;
  stateBytes: number;
  total: number | null;
  failedKept: number | null;
  failedOmitted: number | null;
  succeeded: boolean | null;
  errorBytes: number;
}

const size = (bytes: number): string => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`);

export async function providerMemoryBenchmark(runs: number): Promise<Table[]> {
  const emulator = await startEmulatorProcess();
  const rows: string[][] = [];
  try {
    const n = PROVIDER_MEMORY_DETAILS;
    const cases = [
      { name: 'waitFor "success", every detail succeeded', waitFor: "success", spec: { batch: { count: n } } },
      { name: 'waitFor "completion", every detail failed', waitFor: "completion", spec: { batch: { count: n, failEvery: 1 } } },
      { name: 'waitFor "success", every detail failed (create fails)', waitFor: "success", spec: { batch: { count: n, failEvery: 1 } } },
    ];
    for (const c of cases) {
      const taskNo = await emulator.addTask(c.spec);
      const warm = await emulator.addTask({ batch: { ...c.spec.batch, count: 2000 } });
      const run = async (mode: "peak" | "live") => workerJson<WorkerResult>(
        await runNode(["--expose-gc", WORKER, emulator.url, warm, taskNo, c.waitFor, mode], { timeoutMs: 300_000 }), `provider memory worker (${c.name})`);
      const results: WorkerResult[] = [];
      for (let i = 0; i < runs; i++) results.push(await run("peak"));
      const live = await run("live"); // forced collections change the peak: a run of its own
      const growth = results.map((r) => r.peakMb - r.baselineMb);
      const worst = Math.max(...growth);
      const last = results[0];
      rows.push([
        c.name,
        `${median(growth).toFixed(1)} MB`,
        `${worst.toFixed(1)} MB`,
        `${(live.livePeakMb - live.baselineMb).toFixed(1)} MB`,
        `${median(results.map((r) => r.rssBeforeMb)).toFixed(1)} MB`,
        `${median(results.map((r) => r.rssMb)).toFixed(1)} MB`,
        worst < TARGET_MB ? "yes" : "NO",
        last.stateBytes > 0 ? `${size(last.stateBytes)} (failed ${last.failedKept} + ${last.failedOmitted} omitted)` : `error of ${size(last.errorBytes)}`,
      ]);
    }
  } finally {
    await emulator.close();
  }
  return [{
    title: `Provider memory: one DomainTask create on ${formatCount(PROVIDER_MEMORY_DETAILS)} details (median and worst of ${runs} runs)`,
    columns: ["create", "heap growth", "worst", "live growth", "RSS before", "peak RSS", `< ${TARGET_MB} MB`, "state written"],
    rows,
    notes: [
      "heap growth = peak heapUsed during create (sampled every 5 ms) minus heapUsed after a full GC before it; garbage not yet collected included.",
      "live growth = one more run, sampled right after a forced full GC every 50 ms: what the create retains (the outcome's kept details and failures; the read's record is typed arrays, outside heapUsed).",
      "RSS before = the worker's RSS with Node, @pulumi/pulumi and the provider loaded (no gRPC host); peak RSS = process.resourceUsage().maxRSS.",
      "The state keeps maxDetails (default 100) details and the first 1000 failures (FAILED_KEPT), the rest counted in failedOmitted.",
    ],
  }];
}
