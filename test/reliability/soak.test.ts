/**
 * The soak: 100 gates (waitForTask) at once in one process, sharing one client with a client-side rate
 * limit, against the emulator with throttling on. Every gate must end with the right outcome, the
 * emulator's own arrival timestamps must show the limit held, and the requests answered must be exactly
 * the ones the gates counted. Real time (a rate limit is about the wire), bounded to a few seconds.
 */
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type RequestRecord } from "../../emulator";
import { DomainTaskClient } from "../../sdk/api/client";
import { waitForTask } from "../../sdk/waiter";
import { within } from "./cases";

const GATES = 100;
const RATE_LIMIT = 60; // requests per second, for the one shared client
const FINISH_AFTER_S = 1.5;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ faults: { rules: [{ fault: "throttling", every: 6 }] } });
});
afterAll(() => emulator.close());

/** Seconds between the first and the last arrival. */
const arrivalSpanSeconds = (records: RequestRecord[]): number => {
  const times = records.map((r) => r.at!);
  return (Math.max(...times) - Math.min(...times)) / 1000;
};

it(`${GATES} concurrent gates under throttling hold the client's rate limit and all finish correctly`, async () => {
  const client = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, rateLimit: RATE_LIMIT });
  const tasks = Array.from({ length: GATES }, (_, i) => {
    const fails = i % 10 === 0;
    const taskNo = emulator.addTask({
      details: [{ domainName: `gate-${i}.example.com`, finishAfterSeconds: FINISH_AFTER_S, outcome: fails ? "failure" : "success", taskResult: `r-${i}` }],
    });
    return { taskNo, fails, domain: `gate-${i}.example.com` };
  });
  // Warm up (credentials, first connection, JIT): a slow first request would let the next ones catch it up
  // and arrive bunched, which says nothing about the limiter.
  await client.queryTaskDetailList({ taskNo: tasks[0].taskNo, pageNum: 1, pageSize: 1 });
  emulator.resetStats();
  let counted = 0;
  const outcomes = await within(30_000, "the soak", Promise.all(tasks.map(({ taskNo }) =>
    waitForTask(client, { taskNo }, { minDelaySeconds: 0.2, maxDelaySeconds: 0.5, maxWaitSeconds: 60, onProgress: (p) => (counted += p.requests) }))));

  outcomes.forEach((outcome, i) => {
    expect(outcome).toMatchObject({
      taskNo: tasks[i].taskNo,
      complete: true,
      total: 1,
      succeeded: !tasks[i].fails,
      status: tasks[i].fails ? "EXECUTE_FAILURE" : "EXECUTE_SUCCESS",
      details: [{ domainName: tasks[i].domain }],
    });
  });
  const records = emulator.stats().requests.filter((r) => r.action === "QueryTaskDetailList");
  const ok = records.filter((r) => r.httpStatus === 200);
  const throttled = records.filter((r) => r.fault === "throttling");
  expect(ok.length).toBe(counted); // every answered request was one a gate asked for; retries only add the throttled ones
  expect(records.length).toBe(ok.length + throttled.length);
  expect(throttled.length).toBe(Math.floor((records.length + 1) / 6)); // every 6th, the warm-up request being the 1st
  // The sustained rate, over the whole run: the limiter grants at most RATE_LIMIT per second (+1 burst). The
  // client and the emulator share one event loop, so a stall on a loaded machine delays requests and lets them
  // arrive bunched; short windows would measure the stall, not the limiter. Over the whole span a stall can only
  // shorten it by its own length, so one second of slack covers it. Without the limiter the ~400 requests would
  // arrive within about a second, many times over this bound.
  expect(records.length).toBeLessThanOrEqual(Math.ceil(RATE_LIMIT * (arrivalSpanSeconds(records) + 1)) + 1);
  // And the limiter was the bottleneck, not idle: the gates wanted more than the limit allows.
  expect(records.length).toBeGreaterThan(RATE_LIMIT);
});
