import type { Emulator } from "../../emulator";
import type { DomainTaskApi, DomainTaskClient } from "../../sdk/api/client";
import { systemClock, VirtualClock } from "../../sdk/clock";
import { AbortError, DomainApiError, TaskNotFoundError, ValidationError } from "../../sdk/errors";
import { TimeoutError, waitForTask, type WaitProgress } from "../../sdk/waiter";
import { clientFor, requestsFor, start } from "../support/emulator-client";
import { WatchedApi } from "../support/watched-api";

/** With random() = 0.5 the backoff is 2, 3, 5, 9, then 16 s forever (min 2 s, max 30 s). */
const half = () => 0.5;

describe("waitForTask against the emulator, on a shared VirtualClock", () => {
  let clock: VirtualClock;
  let emulator: Emulator;
  let client: DomainTaskClient;

  beforeEach(async () => {
    clock = new VirtualClock();
    emulator = await start({ clock });
    client = clientFor(emulator).client;
  });
  afterEach(() => emulator.close());

  it("backs off exponentially with jitter and notices completion within maxDelay of it", async () => {
    const started = clock.now();
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com", finishAfterSeconds: 100, taskResult: "done" }] });
    const outcome = await waitForTask(client, { taskNo }, { clock, random: half });
    expect(clock.slept).toEqual([2000, 3000, 5000, 9000, 16000, 16000, 16000, 16000, 16000, 16000]);
    expect(clock.now() - started).toBe(115_000);
    expect(clock.now() - (started + 100_000)).toBeLessThanOrEqual(30_000);
    expect(outcome).toMatchObject({ taskNo, status: "EXECUTE_SUCCESS", succeeded: true, complete: true, taskResult: "done" });
    // A small task: one request per poll (the first poll's read tells the total: no probe), plus the failure
    // count that confirms the success at the last.
    expect(requestsFor(emulator, taskNo)).toHaveLength(11 + 1);
    expect(outcome.verified).toBe(true);
  });

  it("never sleeps past the deadline and says what it waited for in the TimeoutError", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "slow.example.com", finishAfterSeconds: 1000 }] });
    const error = await waitForTask(client, { taskNo }, { clock, random: half, maxWaitSeconds: 60 }).catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(clock.slept).toEqual([2000, 3000, 5000, 9000, 16000, 16000, 9000]);
    const message = (error as TimeoutError).message;
    expect(message).toContain(`TaskNo ${taskNo}`);
    expect(message).toContain("every detail terminal (EXECUTE_SUCCESS or EXECUTE_FAILURE)");
    expect(message).toContain("timed out after 60 s");
    expect(message).toMatch(/1 detail\(s\): 1 EXECUTING; 1 not terminal/);
    const last = (error as TimeoutError).lastState!;
    expect(last).toMatchObject({ taskNo, total: 1, open: 1, verified: true });
    expect(last.outcome).toMatchObject({ taskNo, total: 1, complete: false, status: "EXECUTING" });
    expect(requestsFor(emulator, taskNo)).toHaveLength(8); // 8 polls of one read each: the last at the deadline itself
  });

  it("polls a progressing large task with 2 requests, reads it in full once, and notices completion within maxDelay", async () => {
    const started = clock.now();
    const taskNo = emulator.addTask({ batch: { count: 3500, durationSeconds: 300, failEvery: 700, failReason: "registry busy" } });
    const progress: WaitProgress[] = [];
    const perPoll: Array<Array<string | undefined>> = [];
    let before = 0;
    const outcome = await waitForTask(client, { taskNo }, {
      clock,
      onProgress: (p) => {
        progress.push(p);
        const sent = requestsFor(emulator, taskNo);
        perPoll.push(sent.slice(before).map((r) => (r.pageSize === 1 ? `status ${r.taskStatus ?? "any"}` : `page ${r.pageNum}`)));
        before = sent.length;
      },
    });
    expect(outcome).toMatchObject({ total: 3500, complete: true, status: "EXECUTE_FAILURE", succeeded: false });
    expect(outcome.failed).toHaveLength(5);
    expect(outcome.counts).toEqual({ WAITING_EXECUTE: 0, EXECUTING: 0, EXECUTE_SUCCESS: 3495, EXECUTE_FAILURE: 5, UNKNOWN: 0 });
    expect(clock.now() - (started + 300_000)).toBeLessThanOrEqual(30_000);
    expect(progress.length).toBeGreaterThan(5);
    const sorted = (list: Array<string | undefined>) => [...list].sort();
    // First poll: the read's first page (which shows the task is large, and not finished) + 4 status counts.
    expect(sorted(perPoll[0])).toEqual(["page 1", "status 0", "status 1", "status 2", "status 3"]);
    // While details keep finishing: the success and failure counts only.
    for (const sent of perPoll.slice(1, -1)) expect(sorted(sent)).toEqual(["status 2", "status 3"]);
    // Last: those 2 counts say nothing is open, so every page is read: ceil(3500 / 1000) = 4, and it must
    // agree with the counts (no extra request: the counts are the second view).
    expect(sorted(perPoll.at(-1)!)).toEqual(["page 1", "page 2", "page 3", "page 4", "status 2", "status 3"]);
    expect(progress.map((p) => p.requests)).toEqual(perPoll.map((sent) => sent.length));
    expect(progress.map((p) => p.breakdown !== null)).toEqual([true, ...Array<boolean>(progress.length - 2).fill(false), true]);
    for (const p of progress) {
      expect(p.succeededCount + p.failedCount + p.open).toBe(3500);
      if (p.breakdown) expect(p.open).toBe(p.breakdown.WAITING_EXECUTE + p.breakdown.EXECUTING + p.breakdown.UNKNOWN);
      expect(p.verified).toBe(true);
    }
    expect(progress.at(-1)).toMatchObject({ open: 0, nextDelayMs: null, total: 3500 });
    expect(progress.slice(0, -1).every((p) => p.nextDelayMs !== null && p.open > 0)).toBe(true);
    const done = progress.map((p) => p.succeededCount + p.failedCount);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // The success and failure counts are read at every poll, never estimated: details finish in order and
    // every 700th fails.
    expect(progress.map((p) => p.failedCount)).toEqual(progress.map((p) => Math.floor((p.succeededCount + p.failedCount) / 700)));
  });

  it("counts every status again while a large task stalls, and goes back to 2 requests when it moves", async () => {
    // 600 details finish over the first 30 s, nothing moves until 100 s, then 600 more finish by 130 s.
    const details = Array.from({ length: 1200 }, (_, i) => ({
      domainName: `d${i}.example.com`,
      finishAfterSeconds: i < 600 ? 1 + i * 0.05 : 100 + (i - 600) * 0.05,
    }));
    const taskNo = emulator.addTask({ details });
    const progress: WaitProgress[] = [];
    let before = 0;
    const perPoll: number[] = [];
    const outcome = await waitForTask(client, { taskNo }, {
      clock,
      random: half,
      onProgress: (p) => {
        progress.push(p);
        const sent = requestsFor(emulator, taskNo).length;
        perPoll.push(sent - before);
        before = sent;
      },
    });
    expect(outcome).toMatchObject({ total: 1200, complete: true, succeeded: true });
    // Polls at 0, 2, 5, 10, 19, 35, 51, 67, 83, 99, 115, 131 s. At 51 s open has not gone down since 35 s
    // (600 both times): the polls at 67, 83 and 99 s count every status (5 requests); at 115 s the count has
    // gone down, so 131 s is a 2-request poll again, which finds nothing open and reads both pages.
    expect(progress.map((p) => p.elapsedMs / 1000)).toEqual([0, 2, 5, 10, 19, 35, 51, 67, 83, 99, 115, 131]);
    expect(progress.map((p) => p.open)).toEqual([1200, 1179, 1119, 1019, 839, 600, 600, 600, 600, 600, 299, 0]);
    expect(perPoll).toEqual([5, 2, 2, 2, 2, 2, 2, 5, 5, 5, 5, 4]);
    expect(progress.map((p) => p.requests)).toEqual(perPoll);
    expect(progress.map((p) => p.breakdown !== null)).toEqual([true, false, false, false, false, false, false, true, true, true, true, true]);
    // A breakdown tells executing from waiting (the emulator starts every one of these details at once).
    expect(progress[7].breakdown).toEqual({ WAITING_EXECUTE: 0, EXECUTING: 600, EXECUTE_SUCCESS: 600, EXECUTE_FAILURE: 0, UNKNOWN: 0 });
  });

  it("counts exactly before a TimeoutError even when a 2-request poll started before the deadline and ended after it", async () => {
    const taskNo = emulator.addTask({ batch: { count: 3500, durationSeconds: 300 } });
    // Polls at 0, 2, 5, 10, 19 s; the one at 19 s is slow (say, the client retried a throttled request): its
    // failure count answers 15 s later, past the 30 s deadline.
    let slowed = false;
    const slow = new WatchedApi(client, (request) => {
      if (!slowed && request.pageSize === 1 && request.taskStatus === 3 && clock.now() >= 19_000 + started) {
        slowed = true;
        clock.advance(15_000);
      }
    });
    const started = clock.now();
    const progress: WaitProgress[] = [];
    const error = await waitForTask(slow, { taskNo }, { clock, random: half, maxWaitSeconds: 30, onProgress: (p) => progress.push(p) })
      .catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(slowed).toBe(true);
    // The slow poll counted the finished details only; one more poll, with every status counted, ends the wait.
    expect(progress.at(-2)).toMatchObject({ breakdown: null, requests: 2 });
    expect(progress.at(-1)).toMatchObject({ requests: 5, nextDelayMs: null });
    expect(progress.at(-1)!.breakdown).not.toBeNull();
    expect((error as TimeoutError).lastState).toMatchObject({ total: 3500, verified: true });
    expect((error as TimeoutError).lastState!.breakdown).not.toBeNull();
  });

  it("counts again at once when more details finished than the task had: its total changed", async () => {
    const taskNo = emulator.addTask({ batch: { count: 1500, durationSeconds: 100 } });
    // From the second poll on, the service counts 2000 more details, all succeeded (say, the task grew).
    let polls = 0;
    const grown = new WatchedApi(client, (request, page) =>
      polls >= 1 && request.pageSize === 1 && (request.taskStatus === undefined || request.taskStatus === 2)
        ? { ...page, totalItemNum: page.totalItemNum + 2000 }
        : page,
    );
    const progress: WaitProgress[] = [];
    const outcome = await waitForTask(grown, { taskNo }, {
      clock,
      random: half,
      maxWaitSeconds: 50,
      onProgress: (p) => {
        polls += 1;
        progress.push(p);
      },
    }).catch((e: unknown) => e);
    expect(TimeoutError.isInstance(outcome)).toBe(true);
    expect(progress[0]).toMatchObject({ total: 1500, requests: 5 });
    expect(progress[0].breakdown).not.toBeNull();
    // Poll 2 (at 2 s): success + failure (2000 + 30) > 1500, so the 2 counts are followed by a breakdown (5).
    expect(progress[1]).toMatchObject({ total: 3500, requests: 7, open: 1500 - 30, succeededCount: 2030 });
    // Then 2 requests a poll again, against the new total.
    expect(progress[2]).toMatchObject({ total: 3500, requests: 2, breakdown: null });
  });

  it("reads in full, and keeps polling, when the counts contradict the detail served with them", async () => {
    const taskNo = emulator.addTask({
      batch: { count: 30, durationSeconds: 60 },
    });
    // The first poll's counts say everything succeeded (say, a lagging replica), while the detail served with
    // the total is still open: counting is not to be trusted here, the waiter reads every detail, sees open
    // ones, and must not return.
    const lied = new Set<number>();
    const api = new WatchedApi(client, (request, page) => {
      const status = request.taskStatus as number | undefined;
      if (request.pageSize === 1 && status !== undefined && status <= 2 && !lied.has(status)) {
        lied.add(status);
        return { ...page, totalItemNum: status === 2 ? 30 : 0 };
      }
      return page;
    });
    const progress: WaitProgress[] = [];
    const outcome = await waitForTask(api, { taskNo }, { clock, pageSize: 10, onProgress: (p) => progress.push(p) });
    expect(outcome).toMatchObject({ total: 30, complete: true, succeeded: true });
    expect(progress[0].open).toBeGreaterThan(0); // the full read's counts, not the false ones
    expect(progress[0].requests).toBe(1 + 4 + 3); // the total, four counts, then the full read of 3 pages
    expect(outcome.anomalies.join("\n")).toMatch(/counting by status does not work on this service/);
    expect(progress.length).toBeGreaterThan(1);
  });

  it("never counts an unknown status as done: a small task times out with it listed", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
    const paused = new WatchedApi(client, (_req, page) => ({ ...page, details: page.details.map((d) => ({ ...d, taskStatus: "EXECUTE_PAUSED" })) }));
    const error = await waitForTask(paused, { taskNo }, { clock, maxWaitSeconds: 20 }).catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/1 UNKNOWN \(status EXECUTE_PAUSED, which this package does not know\); 1 not terminal/);
    expect((error as TimeoutError).lastState!.outcome).toMatchObject({ unknownStatuses: ["EXECUTE_PAUSED"], complete: false, succeeded: false });
  });

  it("counts details no status filter matches as open in a large task, reports them, and counts exactly on timeout", async () => {
    const taskNo = emulator.addTask({ batch: { count: 1500 } });
    // One detail has a status outside the four filters: the per-status counts miss it, the total does not.
    const oneUnknown = new WatchedApi(client, (request, page) => {
      if (request.pageSize === 1) return request.taskStatus === 2 ? { ...page, totalItemNum: page.totalItemNum - 1 } : page;
      return request.pageNum === 1 ? { ...page, details: page.details.map((d, i) => (i === 0 ? { ...d, taskStatus: "EXECUTE_PAUSED", taskStatusCode: -1 } : d)) } : page;
    });
    const progress: WaitProgress[] = [];
    const error = await waitForTask(oneUnknown, { taskNo }, { clock, random: half, maxWaitSeconds: 30, onProgress: (p) => progress.push(p) })
      .catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    const breakdown = { WAITING_EXECUTE: 0, EXECUTING: 0, EXECUTE_SUCCESS: 1499, EXECUTE_FAILURE: 0, UNKNOWN: 1 };
    expect((error as TimeoutError).lastState).toMatchObject({
      taskNo, total: 1500, succeededCount: 1499, failedCount: 0, open: 1, breakdown, outcome: null, verified: true, problems: [],
    });
    // What was seen, as an outcome: the counts, neither complete nor a success (no read of every detail behind it).
    expect((error as TimeoutError).lastState!.seen).toMatchObject({ taskNo, total: 1500, counts: breakdown, complete: false, succeeded: false, details: [] });
    expect((error as Error).message).toContain("1500 detail(s): 1499 EXECUTE_SUCCESS, 1 UNKNOWN; 1 not terminal");
    // Never a full read (something was always open). Polls at 0, 2, 5, 10, 19 and 30 s: the first counts
    // everything (a page + 4 counts), the second only success and failure; open stays at 1, so every later
    // poll counts every status again (and the last, at the deadline, would anyway).
    expect(progress.map((p) => p.requests)).toEqual([5, 2, 5, 5, 5, 5]);
    expect(progress.map((p) => p.breakdown !== null)).toEqual([true, false, true, true, true, true]);
    // The unknown detail is open at every poll, and named UNKNOWN whenever every status was counted.
    expect(progress.every((p) => p.open === 1 && (p.breakdown === null || p.breakdown.UNKNOWN === 1))).toBe(true);
  });

  it("waits for the filtered details only, on every request, when a filter still selects a large set", async () => {
    // 1500 details on one instance finish over 60 s; 10 on another never do.
    const details = [
      ...Array.from({ length: 1500 }, (_, i) => ({ domainName: `d${i}.example.com`, instanceId: "S-big", finishAfterSeconds: 1 + i * 0.04 })),
      ...Array.from({ length: 10 }, (_, i) => ({ domainName: `stuck${i}.example.com`, instanceId: "S-other", finishAfterSeconds: 1_000_000 })),
    ];
    const taskNo = emulator.addTask({ details });
    const progress: WaitProgress[] = [];
    const filters: Array<string | undefined> = [];
    const watched = new WatchedApi(client, (request) => void filters.push(request.instanceId));
    const outcome = await waitForTask(watched, { taskNo, instanceId: " S-big " }, { clock, random: half, onProgress: (p) => progress.push(p) });
    expect(outcome).toMatchObject({ total: 1500, complete: true, succeeded: true });
    expect(outcome.details.every((d) => d.instanceId === "S-big")).toBe(true);
    expect(progress.every((p) => p.total === 1500)).toBe(true);
    expect(progress.some((p) => p.requests === 2)).toBe(true); // counted, not read in full, while open
    expect(filters.length).toBe(progress.reduce((a, p) => a + p.requests, 0));
    expect(filters.every((f) => f === "S-big")).toBe(true); // the counts and the full read alike
  });

  it("does not take one page for the whole task when the service applies a smaller PageSize than asked", async () => {
    const taskNo = emulator.addTask({ batch: { count: 10 } });
    // A service that never returns more than 4 details a page, whatever PageSize says.
    const capped: DomainTaskApi = {
      queryTaskDetailList: async (request, options) => {
        const page = await client.queryTaskDetailList({ ...request, pageSize: Math.min(request.pageSize, 4) }, options);
        return { ...page, pageSize: Math.min(request.pageSize, 4) };
      },
    };
    const outcome = await waitForTask(capped, { taskNo }, { clock });
    expect(outcome).toMatchObject({ total: 10, complete: true, succeeded: true });
    expect(new Set(outcome.details.map((d) => d.taskDetailNo)).size).toBe(10);
  });

  it("fails after the grace period, not the whole timeout, for a TaskNo without details", async () => {
    const error = await waitForTask(client, { taskNo: "no-such-task" }, { clock, random: half, maxWaitSeconds: 3600 }).catch((e: unknown) => e);
    expect(TaskNotFoundError.isInstance(error)).toBe(true);
    expect(ValidationError.isInstance(error)).toBe(true); // caught as bad input (the CLI: exit 2)
    expect(error).toMatchObject({ name: "TaskNotFoundError", field: "taskNo", value: "no-such-task", taskNo: "no-such-task", waitedMs: 60_000 });
    expect((error as Error).message).toMatch(/no details found for TaskNo no-such-task after 60 s - check the TaskNo/);
    expect((error as Error).message).toContain("domain-intl");
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(60_000);
  });

  it("aborts promptly, even in the middle of a long sleep", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com", finishAfterSeconds: 1_000_000 }] });
    const controller = new AbortController();
    // Real time: a one-hour sleep that only an abort can end inside this test's timeout.
    const waiting = waitForTask(client, { taskNo }, {
      clock: systemClock,
      minDelaySeconds: 3600,
      maxDelaySeconds: 3600,
      maxWaitSeconds: 86400,
      signal: controller.signal,
      onProgress: () => setTimeout(() => controller.abort(), 20),
    });
    const error = await waiting.catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(requestsFor(emulator, taskNo)).toHaveLength(1); // the first poll's read
  });

  it("aborts before polling when the signal has already fired", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
    const controller = new AbortController();
    controller.abort(new Error("pipeline cancelled"));
    await expect(waitForTask(client, { taskNo }, { clock, signal: controller.signal })).rejects.toThrow(/pipeline cancelled/);
    expect(requestsFor(emulator, taskNo)).toHaveLength(0);
  });

  it("returns a failed task as a completed wait, with its failures", async () => {
    const taskNo = emulator.addTask({
      details: [{ domainName: "bad.example.com", finishAfterSeconds: 5, outcome: "failure", failReason: "DNS server not reachable", errorMsg: "E42" }],
    });
    const outcome = await waitForTask(client, { taskNo }, { clock, random: half });
    expect(outcome).toMatchObject({ status: "EXECUTE_FAILURE", statusCode: 3, complete: true, succeeded: false, failReason: "DNS server not reachable", errorMsg: "E42" });
  });

  it("rides out throttling (the client retries) and lets a non-retryable error through", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com", finishAfterSeconds: 10 }] });
    emulator.setFaults({ rules: [{ fault: "throttling", every: 2 }] });
    await expect(waitForTask(clientFor(emulator, { clock }).client, { taskNo }, { clock })).resolves.toMatchObject({ succeeded: true });
    emulator.setFaults({});
    const { DomainTaskClient } = await import("../../sdk/api/client");
    const wrongKey = new DomainTaskClient({ endpoint: emulator.url, credentials: { accessKeyId: "nobody", accessKeySecret: "x" }, env: {} });
    const error = await waitForTask(wrongKey, { taskNo }, { clock }).catch((e: unknown) => e);
    expect(DomainApiError.isInstance(error)).toBe(true);
  });

  it("rejects a status filter and contradictory delays before sending anything", async () => {
    await expect(waitForTask(client, { taskNo: "T", taskStatus: 2 }, { clock })).rejects.toMatchObject({ field: "taskStatus" });
    await expect(waitForTask(client, { taskNo: "T" }, { clock, minDelaySeconds: 10, maxDelaySeconds: 5 })).rejects.toMatchObject({ field: "maxDelaySeconds" });
    await expect(waitForTask(client, { taskNo: " " }, { clock })).rejects.toMatchObject({ field: "taskNo" });
    // Paging options too, although only the final full read uses them.
    await expect(waitForTask(client, { taskNo: "T" }, { clock, concurrency: 0 })).rejects.toMatchObject({ field: "concurrency", value: 0 });
    await expect(waitForTask(client, { taskNo: "T" }, { clock, pageSize: 1001 })).rejects.toMatchObject({ field: "pageSize", value: 1001 });
    expect(emulator.stats().total).toBe(0);
  });
});
