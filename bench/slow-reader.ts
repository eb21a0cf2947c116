/**
 * The slow end of a pipe (`domain-tasks get -o jsonl | node dist/bench/slow-reader.js`): reads at most
 * CHUNK bytes from stdin every TICK_MS, far slower than the CLI writes, so the pipe fills and the writer must
 * wait for it (backpressure) or queue its output in memory. Prints one JSON line at the end: the bytes and
 * lines it read and how long it took.
 */
const CHUNK = 64 * 1024;
const TICK_MS = 10;

const started = process.hrtime.bigint();
let bytes = 0;
let lines = 0;
process.stdin.pause();
const tick = setInterval(() => {
  const chunk = process.stdin.read(CHUNK) as Buffer | null;
  if (chunk === null) return;
  bytes += chunk.length;
  for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
}, TICK_MS);
process.stdin.on("end", () => {
  clearInterval(tick);
  process.stdout.write(`${JSON.stringify({ bytes, lines, ms: Number(process.hrtime.bigint() - started) / 1e6, bytesPerSecond: (CHUNK * 1000) / TICK_MS })}\n`);
});
