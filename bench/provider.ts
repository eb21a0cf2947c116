/**
 * Provider benchmark: the serialized `__provider` size, and 50 DomainTask creates through Pulumi's real
 * dynamic-provider host over gRPC against the emulator (see provider-worker.ts; each run in a fresh child
 * process, median of the runs).
 */
import * as path from "node:path";
import { runNode, workerJson } from "./child";
import { formatMs, median } from "./measure";
import type { Table } from "./table";

const WORKER = path.join(__dirname, "provider-worker.js");
const RESOURCES = 50;

interface WorkerResult {
  providerBytes: number;
  startupMs: number;
  firstMs: number;
  firstRequests: number;
  sequentialMs: number;
  sequentialRequests: number;
  parallelMs: number;
  parallelRequests: number;
}

export async function providerBenchmark(runs: number): Promise<Table[]> {
  const results: WorkerResult[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(workerJson<WorkerResult>(await runNode([WORKER], { cwd: path.resolve(__dirname, "..", ".."), timeoutMs: 180_000 }), "provider worker"));
  }
  const m = (pick: (r: WorkerResult) => number) => median(results.map(pick));
  const worst = (pick: (r: WorkerResult) => number) => formatMs(Math.max(...results.map(pick)));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  return [{
    title: `Provider: DomainTask through Pulumi's dynamic-provider host over gRPC (median of ${runs} runs)`,
    columns: ["measure", "value", "worst", "requests"],
    rows: [
      ["serialized __provider size", `${kb(m((r) => r.providerBytes))} (${m((r) => r.providerBytes)} B)`, "-", "-"],
      ["host start + configure + serialize", formatMs(m((r) => r.startupMs)), worst((r) => r.startupMs), "-"],
      ["first create (cold)", formatMs(m((r) => r.firstMs)), worst((r) => r.firstMs), String(results[0].firstRequests)],
      [`${RESOURCES} creates, one at a time`, `${formatMs(m((r) => r.sequentialMs))} (${formatMs(m((r) => r.sequentialMs) / RESOURCES)} each)`,
        worst((r) => r.sequentialMs), String(results[0].sequentialRequests)],
      [`${RESOURCES} creates, 10 at a time`, formatMs(m((r) => r.parallelMs)), worst((r) => r.parallelMs), String(results[0].parallelRequests)],
    ],
    notes: [
      "Each task is already complete, so the time is the provider's own cost per resource: its requests (counted by the emulator) and the outcome.",
    ],
  }];
}
