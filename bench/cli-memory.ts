/**
 * CLI memory benchmark (issue 10 and issue 18, "Must hold"): peak RSS of the built command on a 200,000-detail
 * task, for `get` and `wait` (of the finished task) in each output form read as fast as they come, and
 * `-o jsonl` piped into a slow reader (slow-reader.ts: 6.4 MB/s) through a shell pipe, where only backpressure
 * keeps the output from queueing in memory. Target: under 150 MB each.
 *
 * Peak RSS is `process.resourceUsage().maxRSS` of the CLI process itself, written at exit by a preloaded
 * probe (rss-probe.ts; the figure `/usr/bin/time -v` calls "Maximum resident set size"). The emulator runs in
 * its own process (emulator-process.ts), so neither its store nor this process is counted. Env BENCH_CLI
 * measures another build's bin/domain-tasks.js (for a before/after figure).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { startEmulatorProcess } from "./emulator-process";
import { formatCount, formatMs, median } from "./measure";
import { benchCliEnv } from "./cli-env";
import type { Table } from "./table";

export const CLI_MEMORY_DETAILS = 200_000;
const TARGET_MB = 150;
const ROOT = path.resolve(__dirname, "..", "..");
const BIN = process.env.BENCH_CLI ?? path.join(ROOT, "bin", "domain-tasks.js");
const PROBE = path.join(__dirname, "rss-probe.js");
const SLOW_READER = path.join(__dirname, "slow-reader.js");

interface Run {
  rssMb: number;
  ms: number;
  bytes: number;
  lines: number;
}

/** Runs a shell pipeline (the CLI first) and reads the CLI's peak RSS from the probe's file. */
const runPipeline = (script: string, env: NodeJS.ProcessEnv, rssOut: string): Promise<Run> =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn("sh", ["-c", script], { env, stdio: ["ignore", "pipe", "pipe"] });
    let bytes = 0;
    let lines = 0;
    let tail = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      tail = (tail + chunk.toString("utf8")).slice(-400);
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${script} exited ${code}: ${stderr.trim()}`));
      const { maxRssKb } = JSON.parse(readFileSync(rssOut, "utf8")) as { maxRssKb: number };
      const reader = /\{"bytes".*\}\s*$/.exec(tail); // the slow reader's own count, when it is the pipe's end
      const counted = reader ? (JSON.parse(reader[0]) as { bytes: number; lines: number }) : { bytes, lines };
      resolve({ rssMb: maxRssKb / 1024, ms, ...counted });
    });
  });

export async function cliMemoryBenchmark(runs: number): Promise<Table[]> {
  const emulator = await startEmulatorProcess();
  const home = mkdtempSync(path.join(tmpdir(), "bench-cli-memory-"));
  const rows: string[][] = [];
  try {
    const taskNo = await emulator.addTask({ batch: { count: CLI_MEMORY_DETAILS } });
    const failedTaskNo = await emulator.addTask({ batch: { count: CLI_MEMORY_DETAILS, failEvery: 1, errorMsg: "DomainStatusProhibited", failReason: "Locked." } });
    const env = {
      ...benchCliEnv(home),
      NODE: process.execPath,
      PROBE,
      BIN,
      READER: SLOW_READER,
      TASK: taskNo,
      FAILED_TASK: failedTaskNo,
      URL: emulator.url,
    };
    const cli = (output: string, task = "$TASK", command = "get") =>
      `"$NODE" --require "$PROBE" "$BIN" ${command} "${task}" --endpoint "$URL" -o ${output}${command === "wait" ? " --timeout 5m --for completion" : ""}`;
    const waiting = (output: string, task?: string) => cli(output, task, "wait");
    const cases = [
      { name: "get -o json", script: cli("json"), minLines: CLI_MEMORY_DETAILS },
      { name: "get -o table", script: cli("table"), minLines: CLI_MEMORY_DETAILS + 3 },
      { name: "get -o jsonl", script: cli("jsonl"), minLines: CLI_MEMORY_DETAILS },
      { name: "get -o jsonl | slow reader (6.4 MB/s)", script: `${cli("jsonl")} | "$NODE" "$READER"`, minLines: CLI_MEMORY_DETAILS },
      // Every detail failed: the most an outcome can keep beside the stream (-o json lists failures in `failed` too).
      { name: "get -o json, every detail failed", script: cli("json", "$FAILED_TASK"), minLines: CLI_MEMORY_DETAILS },
      // wait of the finished task: its first poll is the whole read, streamed as get streams it.
      { name: "wait -o json", script: waiting("json"), minLines: CLI_MEMORY_DETAILS },
      { name: "wait -o table", script: waiting("table"), minLines: 1 },
      { name: "wait -o jsonl", script: waiting("jsonl"), minLines: CLI_MEMORY_DETAILS },
      { name: "wait -o jsonl | slow reader (6.4 MB/s)", script: `${waiting("jsonl")} | "$NODE" "$READER"`, minLines: CLI_MEMORY_DETAILS },
      { name: "wait -o json, every detail failed", script: waiting("json", "$FAILED_TASK"), minLines: CLI_MEMORY_DETAILS },
      { name: "wait -o table, every detail failed", script: waiting("table", "$FAILED_TASK"), minLines: 1000 },
    ];
    for (const c of cases) {
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) {
        const rssOut = path.join(home, `rss-${rows.length}-${i}.json`);
        const run = await runPipeline(c.script, { ...env, BENCH_RSS_OUT: rssOut }, rssOut);
        // A run that lost output is no measurement: every detail must have come out.
        if (run.lines < c.minLines) throw new Error(`${c.name}: ${run.lines} lines written, expected at least ${c.minLines}`);
        results.push(run);
      }
      const rss = results.map((r) => r.rssMb);
      const worst = Math.max(...rss);
      rows.push([c.name, `${median(rss).toFixed(1)} MB`, `${worst.toFixed(1)} MB`, worst < TARGET_MB ? "yes" : "NO",
        `${(results[0].bytes / 2 ** 20).toFixed(1)} MB`, formatMs(median(results.map((r) => r.ms)))]);
    }
  } finally {
    await emulator.close();
  }
  return [{
    title: `CLI memory: peak RSS of domain-tasks get and wait on ${formatCount(CLI_MEMORY_DETAILS)} details (median and worst of ${runs} runs)`,
    columns: ["command", "peak RSS", "worst", `< ${TARGET_MB} MB`, "output", "wall time"],
    rows,
    notes: [
      "peak RSS = process.resourceUsage().maxRSS of the CLI process at exit (a --require probe), as /usr/bin/time -v reports it.",
      "The emulator runs in its own process (not counted); the first three read the CLI's stdout as fast as it comes.",
      "The slow reader takes 64 KiB every 10 ms; without backpressure the output would queue in the CLI's memory.",
      `Measured build: ${path.relative(process.cwd(), BIN) || BIN}`,
    ],
  }];
}
