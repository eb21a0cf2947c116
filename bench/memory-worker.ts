/**
 * Child process of the memory benchmark (run with --expose-gc so the heap can be measured after a full
 * collection). Argv: <emulator url> <taskNo> <mode>; mode "stream" iterates `for await` over
 * paginateTaskDetails, "stream-gc" does the same with a forced GC every 20,000 details (so the samples show
 * what is retained, not garbage V8 has not collected yet), "collect" keeps every detail (listTaskDetails).
 * Prints one JSON line: { details, requests, baselineMb, peakMb, livePeakMb, afterMb }. peakMb is the peak
 * heapUsed sampled during the iteration (garbage not yet collected included); livePeakMb is the peak
 * heapUsed right after a forced full GC every 20,000 details, i.e. what the consumer really retains.
 */
import { listTaskDetails, paginateTaskDetails } from "../sdk/read";
import { benchClient } from "./emulator-client";

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const [url, taskNo, mode] = process.argv.slice(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  const client = benchClient({ url });
  // Warm up: load modules, open the connection, build the openapi-client, then measure from a clean heap.
  await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 1 });
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const sampler = setInterval(sample, 5);
  let details = 0;
  let requests = 0;
  let livePeak = baseline;
  const sampleLive = () => {
    gc();
    livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
  };
  let kept: unknown = undefined;
  if (mode === "collect") {
    const list = await listTaskDetails(client, { taskNo });
    sample();
    sampleLive();
    details = list.details.length;
    requests = list.requests;
    kept = list;
  } else {
    const pager = paginateTaskDetails(client, { taskNo });
    for await (const detail of pager) {
      if (detail.taskDetailNo && ++details % 500 === 0) sample();
      if (mode === "stream-gc" && details % 20_000 === 0) sampleLive();
    }
    requests = pager.stats.requests;
  }
  sample();
  clearInterval(sampler);
  gc();
  const after = process.memoryUsage().heapUsed;
  process.stdout.write(`${JSON.stringify({ details, requests, baselineMb: baseline / MB, peakMb: peak / MB, livePeakMb: livePeak / MB, afterMb: after / MB, kept: kept !== undefined })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
