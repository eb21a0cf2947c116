/**
 * Child process of the provider memory benchmark, run with --expose-gc. Argv: <emulator url> <warm-up taskNo>
 * <taskNo> <waitFor> <mode>; mode "peak" leaves the collector alone, "live" forces a full GC every 50 ms. Builds the DomainTask provider as Pulumi's dynamic-provider host does (createDomainTaskProvider,
 * then `configure` with the stack config), runs one `create` on the task, and prints one JSON line:
 * { baselineMb, peakMb, livePeakMb, rssBeforeMb, rssMb, stateBytes, total, failedKept, failedOmitted, succeeded, errorBytes }.
 *
 * baseline = heapUsed after a full GC once the provider is configured (modules loaded, @pulumi/pulumi among
 * them); peak = the highest heapUsed sampled every 5 ms during the create (uncollected garbage included);
 * livePeak ("live" mode) = the highest heapUsed right after a forced full GC every 50 ms (what the create really
 * retains); rssBefore = RSS at the baseline; rss = process.resourceUsage().maxRSS of this process. stateBytes = the JSON size of the outputs (the state).
 */
import { DEFAULT_CREDENTIAL } from "../emulator";
import { createDomainTaskProvider } from "../provider/provider";
import { CONFIG_NAMESPACE } from "../sdk/config";

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const [url, warmTaskNo, taskNo, waitFor, mode] = process.argv.slice(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  const provider = createDomainTaskProvider({ log: () => undefined });
  const config: Record<string, string> = {
    "alicloud:accessKey": DEFAULT_CREDENTIAL.accessKeyId,
    "alicloud:secretKey": DEFAULT_CREDENTIAL.accessKeySecret,
    [`${CONFIG_NAMESPACE}:endpoint`]: url,
  };
  await provider.configure({ config: { get: (key: string) => config[key] } } as unknown as Parameters<typeof provider.configure>[0]);
  // Warm up (module loading, the first connection, the JIT) on a small task, then measure from a clean heap.
  await provider.create({ taskNo: warmTaskNo, waitFor, minDelaySeconds: 0.1, maxDelaySeconds: 0.3 }).catch(() => undefined);
  gc();
  const { heapUsed: baseline, rss: rssBefore } = process.memoryUsage();
  let peak = baseline;
  let livePeak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const liveSampler = mode !== "live" ? undefined : setInterval(() => {
    gc();
    livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
  }, 50);
  let outs: Record<string, unknown> | undefined;
  let error = "";
  try {
    outs = (await provider.create({ taskNo, waitFor, minDelaySeconds: 0.1, maxDelaySeconds: 0.3 })).outs as unknown as Record<string, unknown>;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err); // waitFor "success" on a failed task: the error is the result
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  clearInterval(sampler);
  clearInterval(liveSampler);
  process.stdout.write(`${JSON.stringify({
    baselineMb: baseline / MB,
    peakMb: peak / MB,
    livePeakMb: livePeak / MB,
    rssBeforeMb: rssBefore / MB,
    rssMb: process.resourceUsage().maxRSS / 1024,
    stateBytes: outs ? Buffer.byteLength(JSON.stringify(outs)) : 0,
    total: outs?.total ?? null,
    failedKept: Array.isArray(outs?.failed) ? outs.failed.length : null,
    failedOmitted: outs?.failedOmitted ?? null,
    succeeded: outs?.succeeded ?? null,
    errorBytes: Buffer.byteLength(error),
  })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
