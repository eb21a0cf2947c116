/**
 * Measuring helpers shared by the benchmarks: a median over repeated runs and a wall-clock timer.
 * Numbers on a shared 2-core machine are noisy, so every benchmark reports the median of several runs
 * and a ratio against a baseline measured in the same process, never a single absolute figure.
 */

/** The middle value (the mean of the two middle values for an even count). */
export const median = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs `fn` and returns its result with the wall time it took, in milliseconds. */
export const timed = async <T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> => {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
};

/** Runs `fn` `runs` times, one after another, and returns every wall time and the last result. */
export const repeat = async <T>(runs: number, fn: () => Promise<T>): Promise<{ times: number[]; last: T }> => {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const { ms, result } = await timed(fn);
    times.push(ms);
    last = result;
  }
  return { times, last: last as T };
};

/** "1234 ms" / "1.23 s", for tables. */
export const formatMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** "3.41x". */
export const formatRatio = (ratio: number): string => `${ratio.toFixed(2)}x`;

/** "20,000". */
export const formatCount = (n: number): string => n.toLocaleString("en-US");

/** Runs given on the command line as `--runs N` (or env BENCH_RUNS), else `fallback`. */
export const runsFromArgs = (argv: readonly string[], fallback: number): number => {
  const i = argv.indexOf("--runs");
  const raw = i >= 0 ? argv[i + 1] : process.env.BENCH_RUNS;
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`--runs must be a positive integer; got ${JSON.stringify(raw)}`);
  return n;
};
