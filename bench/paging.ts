/**
 * Paging benchmark: every detail of a task of N details on the emulator with 50 ms latency per request,
 * fetched by the naive sequential loop (the baseline) and by `listTaskDetails` at several concurrencies.
 *
 * Reported per N and method: requests (exact, from emulator.stats(); the floor is ceil(N / 1000)), the
 * median wall time, the speed-up against the naive loop run in the same process, and the ratio against the
 * ideal for that concurrency: latency x (1 + ceil((pages - 1) / concurrency)) - the first page must come
 * back before the pager knows how many there are. The emulator runs in its own process (see
 * emulator-process.ts), so the client's parsing and the server's page building overlap as they would.
 */
import { listTaskDetails } from "../sdk/read";
import { benchClient } from "./emulator-client";
import { startEmulatorProcess } from "./emulator-process";
import { formatCount, formatMs, formatRatio, median, repeat } from "./measure";
import { naiveSequentialLoop } from "./naive-loop";
import type { Table } from "./table";

export const LATENCY_MS = 50;
export const SIZES = [1_000, 20_000, 200_000];
export const CONCURRENCIES = [1, 4, 8];

export const idealMs = (pages: number, concurrency: number): number =>
  LATENCY_MS * (1 + Math.ceil((pages - 1) / concurrency));

export async function pagingBenchmark(runs: number, sizes = SIZES): Promise<Table[]> {
  const emulator = await startEmulatorProcess(LATENCY_MS);
  const client = benchClient(emulator, { retry: { maxAttempts: 1 } });
  const rows: string[][] = [];
  try {
    // Warm both code paths (JIT, keep-alive connections) once, so the first row does not pay for it.
    const warm = await emulator.addTask({ batch: { count: 3000 } });
    await naiveSequentialLoop(client, warm);
    await listTaskDetails(client, { taskNo: warm });
    for (const n of sizes) {
      const taskNo = await emulator.addTask({ batch: { count: n } });
      const floor = Math.ceil(n / 1000);
      // One untimed pass warms the JIT, the emulator's page cache and the keep-alive connections.
      await listTaskDetails(client, { taskNo }, { concurrency: 8 });

      const measure = async (fetch: () => Promise<number>) => {
        let requests = 0;
        const cpu: number[] = [];
        const { times } = await repeat(runs, async () => {
          await emulator.resetStats();
          const before = process.cpuUsage();
          const details = await fetch();
          const used = process.cpuUsage(before);
          cpu.push((used.user + used.system) / 1000);
          if (details !== n) throw new Error(`expected ${n} details, got ${details}`);
          requests = (await emulator.stats()).byAction.QueryTaskDetailList ?? 0;
        });
        return { ms: median(times), worstMs: Math.max(...times), requests, cpuMs: median(cpu) };
      };

      const naive = await measure(async () => (await naiveSequentialLoop(client, taskNo)).details);
      rows.push([formatCount(n), "naive loop (bare client)", String(naive.requests), String(floor), formatMs(naive.ms), formatMs(naive.worstMs), formatMs(naive.cpuMs), "1.00x",
        formatRatio(naive.ms / idealMs(floor, 1))]);
      // Sequential paging at 200,000 only repeats the naive loop's 20 s: skipped to keep the run short.
      for (const concurrency of CONCURRENCIES.filter((c) => c > 1 || n < 200_000)) {
        const pager = await measure(async () => (await listTaskDetails(client, { taskNo }, { concurrency })).details.length);
        rows.push([formatCount(n), `listTaskDetails, concurrency ${concurrency}`, String(pager.requests), String(floor), formatMs(pager.ms),
          formatMs(pager.worstMs), formatMs(pager.cpuMs), formatRatio(naive.ms / pager.ms), formatRatio(pager.ms / idealMs(floor, concurrency))]);
      }
    }
  } finally {
    await emulator.close();
  }
  return [{
    title: `Paging: every detail of one task, ${LATENCY_MS} ms emulator latency per request (median of ${runs} runs)`,
    columns: ["details", "method", "requests", "floor", "wall time", "worst", "client CPU", "speed-up vs naive", "vs ideal"],
    rows,
    notes: [
      "floor = ceil(N / 1000): the fewest requests any client can make at the API's maximum page size.",
      `ideal = ${LATENCY_MS} ms x (1 + ceil((pages - 1) / concurrency)); "vs ideal" 1.00x is perfect.`,
      "Targets: requests = floor; >= 3x faster than the naive loop at 20,000 details; within 1.3x of ideal. Default concurrency 4.",
      "wall time = median of the runs, worst = the slowest; speed-up and vs ideal use the medians.",
      "client CPU = CPU time of this process (parsing and validating 1000-detail pages); the ideal does not count it.",
      "The emulator runs in its own process; on a 2-core machine the two compete for CPU with whatever else runs.",
    ],
  }];
}
