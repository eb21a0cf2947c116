/**
 * Plugin start-up benchmark: the built `bin/pulumi-resource-alicloud-domain-tasks` from spawn to the port on its
 * stdout (what the engine waits for) and to its first answer (GetPluginInfo, the engine's first call), median and
 * worst of several runs after a warm-up, beside `node -e 0`. The module probe counts what it loaded, and whether any
 * of @pulumi/pulumi beyond its protobufs was among it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runNode } from "./child";
import { benchCliEnv } from "./cli-env";
import { formatMs, median } from "./measure";
import type { Table } from "./table";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "pulumi-resource-alicloud-domain-tasks");
const PROBE = path.join(__dirname, "module-probe.js");

interface StartUp {
  portMs: number;
  answerMs: number;
  modules: string[];
}

/** One start: spawn, the port, one GetPluginInfo, stop; the modules the process loaded. */
async function startOnce(env: NodeJS.ProcessEnv, probeOut: string): Promise<StartUp> {
  // Loaded here, not at the top: the benchmark runner must not pay for gRPC unless this benchmark runs.
  const grpc = await import("@grpc/grpc-js");
  const { ResourceProviderClient } = await import("@pulumi/pulumi/proto/provider_grpc_pb");
  const { Empty } = await import("google-protobuf/google/protobuf/empty_pb");
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  const child = spawn(process.execPath, ["--require", PROBE, BIN], { env: { ...env, BENCH_MODULE_PROBE_OUT: probeOut }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().split("\n")[0].trim()));
    child.once("exit", (code) => reject(new Error(`the plugin exited with ${code} before printing its port`)));
  });
  const portMs = elapsed();
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  await new Promise<void>((resolve, reject) => client.getPluginInfo(new Empty(), (err) => (err ? reject(err) : resolve())));
  const answerMs = elapsed();
  client.close();
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
  return { portMs, answerMs, modules: readFileSync(probeOut, "utf8").split("\n").filter(Boolean) };
}

export async function pluginStartupBenchmark(runs: number): Promise<Table[]> {
  const home = mkdtempSync(path.join(tmpdir(), "bench-plugin-home-"));
  const env = benchCliEnv(home);
  const baseline: number[] = [];
  const starts: StartUp[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const node = await runNode(["-e", "0"], { env });
    const start = await startOnce(env, path.join(home, `modules-${i}.txt`));
    if (i === 0) continue; // the first run warms the file-system cache
    baseline.push(node.ms);
    starts.push(start);
  }
  const pulumi = `${path.sep}@pulumi${path.sep}pulumi${path.sep}`;
  const beyondProtos = starts[starts.length - 1].modules.filter((m) => m.includes(pulumi) && !m.includes(`${pulumi}proto${path.sep}`));
  const row = (name: string, times: number[]) => [name, formatMs(median(times)), formatMs(Math.max(...times))];
  return [{
    title: `Plugin start-up: built plugin, median of ${runs} runs (after one warm-up run)`,
    columns: ["measure", "median", "worst"],
    rows: [
      row("node -e 0 (baseline)", baseline),
      row("spawn -> port printed", starts.map((s) => s.portMs)),
      row("spawn -> first answer (GetPluginInfo)", starts.map((s) => s.answerMs)),
    ],
    notes: [
      `Modules loaded: ${starts[starts.length - 1].modules.length}; @pulumi/pulumi beyond its protobufs: ${beyondProtos.length === 0 ? "none" : beyondProtos.length}.`,
    ],
  }];
}
