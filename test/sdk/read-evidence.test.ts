/**
 * What every read of a wait or a refresh showed stays evidence (sdk/read/evidence.ts): a failure stays a failure
 * unless the service shows the detail retried, a detail a read served must be served again, and an outcome that
 * does not verify still says what was seen. Against the emulator over real HTTP, answers bent by WatchedApi.
 */
import type { Emulator } from "../../emulator";
import type { DomainTaskClient } from "../../sdk/api/client";
import type { TaskDetail } from "../../sdk/api/schemas";
import { VirtualClock } from "../../sdk/clock";
import { InconsistentAnswerError } from "../../sdk/errors";
import { toFailedDetail } from "../../sdk/outcome";
import { Evidence, SEEN } from "../../sdk/read/evidence";
import { readTaskOutcome } from "../../sdk/read";
import { waitForTask } from "../../sdk/waiter";
import { clientFor, start } from "../support/emulator-client";
import { detail } from "../support/details";
import { WatchedApi } from "../support/watched-api";

const half = () => 0.5;
const failing = (d: TaskDetail): TaskDetail => ({ ...d, taskStatus: "EXECUTE_FAILURE", taskStatusCode: 3, failReason: "registry busy", errorMsg: "failed" });
const executing = (d: TaskDetail): TaskDetail => ({ ...d, taskStatus: "EXECUTING", taskStatusCode: 1 });

describe("the waiter keeps every failure any poll showed", () => {
  let clock: VirtualClock;
  let emulator: Emulator;
  let client: DomainTaskClient;
  beforeEach(async () => {
    clock = new VirtualClock();
    emulator = await start({ clock });
    client = clientFor(emulator, { clock }).client;
  });
  afterEach(() => emulator.close());

  /** Two details; the other one finishes at 30 s. `a` says how a.example.com reads at each moment (seconds). */
  const twoDetails = (a: (seconds: number, d: TaskDetail) => TaskDetail | undefined) => {
    const started = clock.now();
    const taskNo = emulator.addTask({ details: [{ domainName: "a.example.com" }, { domainName: "b.example.com", finishAfterSeconds: 30 }] });
    const api = new WatchedApi(client, (request, page) => {
      const s = (clock.now() - started) / 1000;
      const details = page.details.flatMap((d) => (d.domainName === "a.example.com" ? [a(s, d)].filter((x): x is TaskDetail => !!x) : [d]));
      return request.pageSize === 1 ? page : { ...page, details, totalItemNum: page.totalItemNum - (page.details.length - details.length) };
    });
    return { taskNo, api };
  };

  it("passes a failure the service shows retried (EXECUTING) before it succeeds", async () => {
    const { taskNo, api } = twoDetails((s, d) => (s < 5 ? failing(d) : s < 15 ? executing(d) : d));
    const outcome = await waitForTask(api, { taskNo }, { clock, random: half });
    expect(outcome).toMatchObject({ succeeded: true, verified: true, counts: { EXECUTE_SUCCESS: 2, EXECUTE_FAILURE: 0 } });
  });

  it("keeps it failed when it reads EXECUTE_SUCCESS with no retry seen in between", async () => {
    const { taskNo, api } = twoDetails((s, d) => (s < 5 ? failing(d) : d));
    const outcome = await waitForTask(api, { taskNo }, { clock, random: half });
    expect(outcome).toMatchObject({ succeeded: false, status: "EXECUTE_FAILURE", counts: { EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 1 } });
    expect(outcome.failed).toEqual([expect.objectContaining({ domainName: "a.example.com", failReason: "registry busy" })]);
    expect(outcome.anomalies.join("\n")).toMatch(/a\.example\.com was EXECUTE_FAILURE and now reads EXECUTE_SUCCESS with no retry seen in between; kept as failed/);
  });

  it("keeps it failed when a later poll no longer lists it", async () => {
    const { taskNo, api } = twoDetails((s, d) => (s < 5 ? failing(d) : undefined));
    const outcome = await waitForTask(api, { taskNo }, { clock, random: half });
    expect(outcome).toMatchObject({ succeeded: false, status: "EXECUTE_FAILURE", total: 2, counts: { EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 1 } });
    expect(outcome.anomalies.join("\n")).toMatch(/a\.example\.com was EXECUTE_FAILURE in an earlier read and is not listed now; kept as failed/);
  });

  it("never passes when a detail one poll served is gone from the next, and the error says what was seen", async () => {
    const { taskNo, api } = twoDetails((s, d) => (s < 5 ? executing(d) : undefined));
    const error = await waitForTask(api, { taskNo }, { clock, random: half }).catch((e: unknown) => e);
    expect(InconsistentAnswerError.isInstance(error)).toBe(true);
    const seen = (error as InconsistentAnswerError).lastOutcome!;
    expect(seen).toMatchObject({ verified: false, succeeded: false, total: 1 });
    expect(seen.anomalies.join("\n")).toMatch(/1 detail\(s\) an earlier read served \(1 EXECUTING\) are not in this read/);
    expect((error as Error).message).toMatch(/Last seen: 1 EXECUTING of 1 detail\(s\)/);
  });
});

describe("an outcome that does not verify says what was seen", () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await start();
  });
  afterEach(() => emulator.close());

  // The example: every detail finished (1 succeeded, 1 failed), but TotalItemNum always says 3.
  const overcounted = (client: DomainTaskClient) => new WatchedApi(client, (request, page) => (request.pageSize === 1 ? page : { ...page, totalItemNum: 3 }));
  const spec = { details: [{ domainName: "ok.example.com" }, { domainName: "bad.example.com", outcome: "failure" as const, failReason: "refused by the registry" }] };

  it("readTaskOutcome: the last counts, every failure, each contradiction", async () => {
    const taskNo = emulator.addTask(spec);
    const error = await readTaskOutcome(overcounted(clientFor(emulator).client), { taskNo }).catch((e: unknown) => e) as InconsistentAnswerError;
    expect(InconsistentAnswerError.isInstance(error)).toBe(true);
    expect(error.lastOutcome).toMatchObject({
      verified: false, succeeded: false, total: 2, status: "EXECUTE_FAILURE", counts: { EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 1 },
      failed: [expect.objectContaining({ domainName: "bad.example.com", failReason: "refused by the registry" })],
    });
    expect(error.lastOutcome!.anomalies.join("\n")).toMatch(/TotalItemNum says 3, but 2 distinct details were served/);
    expect(error.message).toMatch(/Last seen: 1 EXECUTE_SUCCESS, 1 EXECUTE_FAILURE of 2 detail\(s\); failed: bad\.example\.com \(refused by the registry\)/);
  });

  it("waitForTask: the same, on the error the wait ends in", async () => {
    const clock = new VirtualClock();
    const taskNo = emulator.addTask(spec);
    const error = await waitForTask(overcounted(clientFor(emulator, { clock }).client), { taskNo }, { clock, random: half })
      .catch((e: unknown) => e) as InconsistentAnswerError;
    expect(InconsistentAnswerError.isInstance(error)).toBe(true);
    expect(error.lastOutcome).toMatchObject({ verified: false, total: 2, counts: { EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 1 } });
    expect(error.lastOutcome!.failed.map((f) => f.domainName)).toEqual(["bad.example.com"]);
    expect(error.lastOutcome!.anomalies.join("\n")).toMatch(/TotalItemNum says 3/);
  });

  it("readTaskOutcome keeps a remembered failure (a DomainTask's state) failed unless it reads open again", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "a.example.com" }, { domainName: "b.example.com", finishAfterSeconds: 1e6 }] });
    const { client } = clientFor(emulator);
    const [a, b] = (await readTaskOutcome(client, { taskNo })).details;
    const remembered = new Map([a, b].map((d) => [d.taskDetailNo, { ...toFailedDetail(d), failReason: "recorded" }]));
    const outcome = await readTaskOutcome(client, { taskNo }, { remembered });
    // a reads EXECUTE_SUCCESS (no retry seen): kept failed; b reads EXECUTING (retried): let go.
    expect(outcome).toMatchObject({ status: "EXECUTE_FAILURE", counts: { EXECUTE_FAILURE: 1, EXECUTING: 1 } });
    expect(outcome.failed).toEqual([expect.objectContaining({ domainName: "a.example.com", failReason: "recorded" })]);
  });
});

describe("Evidence, the compact record", () => {
  // Sized for 200,000 (the table's bytes are its capacity's), filled with 20,000: jest runs this loop far slower
  // than node does (npm run bench -- memory measures the 200,000 themselves).
  it("is sized for 200,000 details in under 8 MB, and finds each detail again", () => {
    const evidence = new Evidence();
    evidence.reserve(200_000);
    const read = evidence.beginRead();
    // One detail object, renamed for each (the evidence keeps nothing of a succeeded detail but its bytes).
    const d = detail({ taskStatus: "EXECUTE_SUCCESS" });
    const seeAll = (n: number) => {
      let first = 0;
      for (let i = 0; i < 20_000; i++) {
        d.taskDetailNo = i.toString(16).padStart(32, "0");
        d.domainName = `d${i}.example.com`;
        first += evidence.see(d, n, false) & SEEN.FIRST_IN_READ;
      }
      return first;
    };
    expect(seeAll(read)).toBe(20_000);
    expect(evidence.size).toBe(20_000);
    expect(evidence.bytes).toBeLessThan(8 * 1024 * 1024);
    const again = evidence.beginRead();
    expect(seeAll(again)).toBe(20_000);
    expect(evidence.size).toBe(20_000);
    expect(evidence.unaccounted(again)).toEqual({ keptFailures: [], missing: [0, 0, 0, 0, 0] });
  });

  it("keeps two different details under one TaskDetailNo apart, and says they share it", () => {
    const evidence = new Evidence();
    const read = evidence.beginRead();
    const ok = detail({ taskStatus: "EXECUTE_SUCCESS", taskDetailNo: "T-same", domainName: "ok.example.com" });
    const bad = detail({ taskStatus: "EXECUTE_FAILURE", taskDetailNo: "T-same", domainName: "bad.example.com" });
    evidence.see(ok, read, false);
    expect(evidence.see(bad, read, false) & (SEEN.SHARES_IDENTITY | SEEN.FIRST_IN_READ)).toBe(SEEN.SHARES_IDENTITY | SEEN.FIRST_IN_READ);
    expect(evidence.size).toBe(2);
    expect(evidence.standingFailures()).toEqual({ described: [toFailedDetail(bad)], count: 1 });
  });
});
