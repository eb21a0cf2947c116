/**
 * `npm run bench`: runs every benchmark (or the ones named: `node dist/bench/run.js paging waiting`) and
 * prints a table for each. Benchmarks print numbers; they never pass or fail. `--runs N` (or env
 * BENCH_RUNS) sets the runs per measurement; `--markdown` also prints the tables as Markdown.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { cliMemoryBenchmark } from "./cli-memory";
import { cliStartupBenchmark } from "./cli-startup";
import { formatMs, runsFromArgs, timed } from "./measure";
import { memoryBenchmark } from "./memory";
import { pagingBenchmark } from "./paging";
import { pluginStartupBenchmark } from "./plugin-startup";
import { providerBenchmark } from "./provider";
import { providerMemoryBenchmark } from "./provider-memory";
import { readCostBenchmark } from "./read-cost";
import { formatMarkdownTable, formatTable, type Table } from "./table";
import { waitingBenchmark } from "./waiting";

/** Every benchmark, in the order they run, with its default number of runs. */
const BENCHMARKS: Record<string, { runs: number; run: (runs: number) => Promise<Table[]> }> = {
  paging: { runs: 3, run: pagingBenchmark },
  "read-cost": { runs: 5, run: readCostBenchmark },
  memory: { runs: 3, run: memoryBenchmark },
  waiting: { runs: 5, run: waitingBenchmark },
  cli: { runs: 7, run: cliStartupBenchmark },
  provider: { runs: 3, run: providerBenchmark },
  "cli-memory": { runs: 3, run: cliMemoryBenchmark },
  "provider-memory": { runs: 3, run: providerMemoryBenchmark },
  plugin: { runs: 7, run: pluginStartupBenchmark },
};

/** The machine, and how busy it was when the run started (times on a shared machine mean little without it). */
export const machine = (): string =>
  `Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} x ${cpus()[0]?.model.trim() ?? "CPU"}, ` +
  `${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`;

const USAGE = `usage: node dist/bench/run.js [${Object.keys(BENCHMARKS).join("|")} ...] [--runs N] [--markdown]`;
const FLAGS = ["--runs", "--markdown"];

async function main(argv: string[]): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) return void console.log(USAGE);
  // An unknown flag must not fall through to "run everything" (minutes of CPU).
  const badFlag = argv.find((arg) => arg.startsWith("-") && !FLAGS.includes(arg) && !/^\d+$/.test(arg));
  if (badFlag) throw new Error(`unknown flag ${badFlag}\n${USAGE}`);
  const runsIndex = argv.indexOf("--runs");
  const names = argv.filter((arg, i) => !arg.startsWith("--") && (runsIndex < 0 || i !== runsIndex + 1));
  const unknown = names.filter((n) => !(n in BENCHMARKS));
  if (unknown.length) throw new Error(`unknown benchmark(s) ${unknown.join(", ")}; choose from ${Object.keys(BENCHMARKS).join(", ")}`);
  const selected = names.length ? names : Object.keys(BENCHMARKS);
  const markdown = argv.includes("--markdown");
  console.log(`domain-tasks benchmarks - ${machine()}\n`);
  const all: Table[] = [];
  const { ms } = await timed(async () => {
    for (const name of selected) {
      const bench = BENCHMARKS[name];
      const { ms: benchMs, result: tables } = await timed(() => bench.run(runsFromArgs(argv, bench.runs)));
      for (const table of tables) console.log(`${formatTable(table)}\n  (${name}: ${formatMs(benchMs)})\n`);
      all.push(...tables);
    }
  });
  if (markdown) for (const table of all) console.log(`${formatMarkdownTable(table)}\n`);
  console.log(`Total: ${formatMs(ms)}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
