/**
 * What verification costs in CPU and time (issue 18): the verified reads - `paginateTaskDetails` (every detail,
 * verified, counted as it streams: the baselines keep no detail either) and `readTaskOutcome` (plus the failure
 * count that confirms a success) - side by side with Alibaba's
 * own @alicloud/openapi-client making the same requests unverified (./openapi-calls.ts), in one run, against
 * the emulator in its own process with 50 ms latency per request. The methods take turns run by run, so the
 * machine's load falls on all of them alike.
 *
 * Targets: client CPU within 1.2x of the naive openapi-client loop's; wall time no slower than the plain
 * openapi-client calls at the same concurrency making the same requests - both at the median and the worst run.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { paginateTaskDetails, readTaskOutcome } from "../sdk/read";
import { benchClient } from "./emulator-client";
import { startEmulatorProcess } from "./emulator-process";
import { formatCount, formatMs, formatRatio, median } from "./measure";
import { openApiCalls } from "./openapi-calls";
import type { Table } from "./table";

export const READ_COST_LATENCY_MS = 50;
export const READ_COST_SIZES = [20_000, 200_000];
const CONCURRENCY = 4;

interface Sample {
  cpuMs: number;
  wallMs: number;
}

/** A full collection on demand (as --expose-gc gives it), so each method pays for its own garbage, not the last one's. */
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** One run: a full GC before, and one after counted in its CPU (the garbage it left is its cost). */
const sample = async (work: () => Promise<number>, expected: number): Promise<Sample> => {
  collect();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const details = await work();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  collect();
  const used = process.cpuUsage(cpu);
  if (details !== expected) throw new Error(`expected ${expected} details, got ${details}`);
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
};

export async function readCostBenchmark(runs: number, sizes = READ_COST_SIZES): Promise<Table[]> {
  const emulator = await startEmulatorProcess(READ_COST_LATENCY_MS);
  const client = benchClient(emulator, { retry: { maxAttempts: 1 } });
  const openapi = openApiCalls(emulator.url);
  const rows: string[][] = [];
  try {
    for (const n of sizes) {
      const taskNo = await emulator.addTask({ batch: { count: n } });
      const methods = {
        naive: () => openapi.naiveLoop(taskNo),
        plainList: () => openapi.concurrent(taskNo, CONCURRENCY, false),
        plainRead: () => openapi.concurrent(taskNo, CONCURRENCY, true),
        list: async () => {
          let details = 0;
          for await (const page of paginateTaskDetails(client, { taskNo }, { concurrency: CONCURRENCY }).byPage()) details += page.length;
          return details;
        },
        read: async () => (await readTaskOutcome(client, { taskNo }, { concurrency: CONCURRENCY, keepDetails: 0 })).total,
      };
      const samples = Object.fromEntries(Object.keys(methods).map((k) => [k, [] as Sample[]])) as Record<keyof typeof methods, Sample[]>;
      // One untimed round warms the JIT, the keep-alive connections and the emulator's pages.
      for (const work of Object.values(methods)) await work();
      for (let run = 0; run < runs; run++) {
        for (const [name, work] of Object.entries(methods) as [keyof typeof methods, () => Promise<number>][]) samples[name].push(await sample(work, n));
      }
      const stat = (name: keyof typeof methods, of: keyof Sample) => ({ median: median(samples[name].map((s) => s[of])), worst: Math.max(...samples[name].map((s) => s[of])) });
      const naiveCpu = stat("naive", "cpuMs");
      const row = (label: string, name: keyof typeof methods, wallBaseline?: keyof typeof methods) => {
        const cpu = stat(name, "cpuMs");
        const wall = stat(name, "wallMs");
        const base = wallBaseline && stat(wallBaseline, "wallMs");
        rows.push([formatCount(n), label, formatMs(cpu.median), formatMs(cpu.worst),
          name === "naive" ? "1.00x" : `${formatRatio(cpu.median / naiveCpu.median)} (${formatRatio(cpu.worst / naiveCpu.worst)})`,
          formatMs(wall.median), formatMs(wall.worst),
          base ? `${formatRatio(wall.median / base.median)} (${formatRatio(wall.worst / base.worst)})` : "-"]);
      };
      row("openapi-client naive loop (baseline CPU)", "naive");
      row(`openapi-client calls, concurrency ${CONCURRENCY} (baseline time)`, "plainList");
      row(`  the same, plus the failure count`, "plainRead");
      row(`paginateTaskDetails, concurrency ${CONCURRENCY} (verified)`, "list", "plainList");
      row(`readTaskOutcome, concurrency ${CONCURRENCY} (verified, confirmed)`, "read", "plainRead");
    }
  } finally {
    await emulator.close();
  }
  return [{
    title: `Verification's cost: verified reads beside plain openapi-client calls, ${READ_COST_LATENCY_MS} ms latency (median and worst of ${runs} runs)`,
    columns: ["details", "method", "client CPU", "worst", "CPU vs naive (worst)", "wall time", "worst", "time vs plain (worst)"],
    rows,
    notes: [
      "client CPU = CPU time of this process (requests, parsing, verification, and a full GC after each run: the garbage it left); the emulator runs in its own process.",
      "CPU vs naive: median over median (worst over worst) against @alicloud/openapi-client's naive sequential loop. Target <= 1.2x.",
      `time vs plain: against openapi-client calls making the same requests at concurrency ${CONCURRENCY}, unverified. Target <= 1.0x.`,
      "The methods take turns run by run; each run must return every detail.",
    ],
  }];
}
