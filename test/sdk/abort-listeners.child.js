/**
 * Child of abort-listeners.test.ts: runs one scenario against the built SDK and an in-process emulator, and
 * prints the process warnings it saw as one JSON line. A child process, because Node reports a suspected
 * listener leak on the real `process`, which jest's sandbox does not let a test listen to.
 */
/* global AbortController, setTimeout */
const { join } = require("node:path");
const dist = join(__dirname, "..", "..", "dist");
const { startEmulator, DEFAULT_CREDENTIAL } = require(join(dist, "emulator"));
const { DomainTaskClient } = require(join(dist, "sdk", "api", "client"));
const { VirtualClock } = require(join(dist, "sdk", "clock"));
const { listTaskDetails, readTaskOutcome } = require(join(dist, "sdk", "read"));
const { waitForTasks } = require(join(dist, "sdk", "waiter"));

const warnings = [];
process.on("warning", (w) => warnings.push(`${w.name}: ${w.message}`));

/** A client whose every response passes through `after` (a page emptied, say). */
const bent = (client, after) => ({ queryTaskDetailList: async (request, options) => after(request, await client.queryTaskDetailList(request, options)) });

const scenarios = {
  /** 40 pages at a high concurrency, with a signal. */
  async list(emulator, client, concurrency) {
    const taskNo = emulator.addTask({ batch: { count: 4000 } });
    const list = await listTaskDetails(client, { taskNo }, { pageSize: 100, concurrency: Number(concurrency), signal: new AbortController().signal });
    return list.details.length === 4000;
  },
  /** Three passes (page 7 empty twice) at concurrency 16, with a signal. */
  async reread(emulator, client) {
    const taskNo = emulator.addTask({ batch: { count: 3000 } });
    let emptied = 0;
    const api = bent(client, (request, page) => (request.pageNum === 7 && emptied++ < 2 ? { ...page, details: [] } : page));
    const outcome = await readTaskOutcome(api, { taskNo }, { pageSize: 100, concurrency: 16, signal: new AbortController().signal });
    return outcome.verified && outcome.total === 3000 && emptied === 3;
  },
  /** 12 large tasks waited on together on one signal: each counted poll sends 4 or 5 requests at once. */
  async waitMany(emulator, client, _arg, clock) {
    const taskNos = Array.from({ length: 12 }, () => emulator.addTask({ batch: { count: 1500, durationSeconds: 20 } }));
    const results = await waitForTasks(client, taskNos.map((taskNo) => ({ taskNo })), { clock, random: () => 0.5, signal: new AbortController().signal });
    return results.every((r) => r.outcome && r.outcome.succeeded);
  },
};

(async () => {
  const [name, arg] = process.argv.slice(2);
  const clock = new VirtualClock();
  const emulator = await startEmulator({ clock });
  const client = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, clock, random: () => 0.5 });
  try {
    const ok = await scenarios[name](emulator, client, arg, clock);
    await new Promise((resolve) => setTimeout(resolve, 20)); // warnings are emitted on a later tick
    process.stdout.write(`${JSON.stringify({ ok, warnings })}\n`);
  } finally {
    await emulator.close();
  }
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
