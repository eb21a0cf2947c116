/**
 * Preloaded into the CLI (`node --require dist/bench/module-probe.js ...`) by the start-up benchmark: at
 * exit it writes the paths of every CommonJS module the process loaded to the file named by env
 * BENCH_MODULE_PROBE_OUT, so the benchmark can prove @pulumi/pulumi was never loaded.
 */
import { writeFileSync } from "node:fs";

const out = process.env.BENCH_MODULE_PROBE_OUT;
if (out) process.on("exit", () => writeFileSync(out, Object.keys(require.cache).join("\n")));
