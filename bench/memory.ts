/**
 * Memory benchmark: 200,000 details streamed through `for await` in a child process run with
 * --expose-gc (the emulator stays in this process, so its store is not counted). Heap growth = peak
 * heapUsed during the iteration minus heapUsed after a full GC before it. Collecting every detail into
 * an array (listTaskDetails) is measured the same way, for scale.
 */
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { runNode, workerJson } from "./child";
import { formatCount, median } from "./measure";
import type { Table } from "./table";

export const MEMORY_DETAILS = 200_000;
const WORKER = path.join(__dirname, "memory-worker.js");

interface WorkerResult {
  details: number;
  requests: number;
  baselineMb: number;
  peakMb: number;
  livePeakMb: number;
  afterMb: number;
}

export async function memoryBenchmark(runs: number): Promise<Table[]> {
  const emulator = await startEmulator();
  const rows: string[][] = [];
  try {
    const taskNo = emulator.addTask({ batch: { count: MEMORY_DETAILS } });
    for (const mode of ["stream", "stream-gc", "collect"] as const) {
      const results: WorkerResult[] = [];
      for (let i = 0; i < (mode === "collect" ? 1 : runs); i++) {
        results.push(workerJson<WorkerResult>(await runNode(["--expose-gc", WORKER, emulator.url, taskNo, mode]), `memory worker (${mode})`));
      }
      const growth = median(results.map((r) => r.peakMb - r.baselineMb));
      const live = median(results.map((r) => r.livePeakMb - r.baselineMb));
      const { details, requests } = results[0];
      rows.push([
        mode === "stream" ? "for await (paginateTaskDetails)" : mode === "stream-gc" ? "  same, forced GC every 20,000" : "listTaskDetails (array of all, 1 run)",
        formatCount(details),
        String(requests),
        `${median(results.map((r) => r.baselineMb)).toFixed(1)} MB`,
        mode === "stream-gc" ? "-" : `${growth.toFixed(1)} MB`,
        mode === "stream" ? "-" : `${live.toFixed(1)} MB`,
        mode === "collect" ? "-" : (mode === "stream" ? growth : live) < 64 ? "yes" : "NO",
      ]);
    }
  } finally {
    await emulator.close();
  }
  return [{
    title: `Memory: ${formatCount(MEMORY_DETAILS)} details, heap growth over heapUsed after a GC before the iteration (median of ${runs} runs)`,
    columns: ["consumer", "details", "requests", "heap before", "peak heap growth", "live heap growth", "< 64 MB"],
    rows,
    notes: [
      "peak = highest heapUsed sampled every 500 details and every 5 ms, uncollected garbage included;",
      "live = highest heapUsed right after a forced full GC (every 20,000 details): what the consumer actually retains.",
      "Streaming keeps O(pageSize x concurrency) details plus one TaskDetailNo per detail (for de-duplication).",
    ],
  }];
}
