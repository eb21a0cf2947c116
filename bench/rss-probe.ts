/**
 * Preloaded into the CLI (`node --require dist/bench/rss-probe.js bin/domain-tasks.js ...`) by the CLI memory
 * benchmark: at exit it writes the process's peak resident set size to the file named by env BENCH_RSS_OUT, as
 * `process.resourceUsage().maxRSS` reports it (getrusage ru_maxrss, in kilobytes): the same figure
 * `/usr/bin/time -v` prints as "Maximum resident set size", read from inside the process so no extra tool is needed.
 */
import { writeFileSync } from "node:fs";

const out = process.env.BENCH_RSS_OUT;
if (out) process.on("exit", () => writeFileSync(out, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })));
