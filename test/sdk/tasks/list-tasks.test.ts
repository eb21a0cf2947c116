/**
 * listTasks as a verified read (issue 22, class 2): paged by the size the service applied, TotalItemNum and NextPage
 * cross-checked, never cut (a page cap is refused, not applied), windows at whole seconds and open to a service
 * clock ahead, a task any read showed shown again, and the whole listing inside its time limit. Against the
 * emulator's task-list quirks, and a hand-written server for what the emulator does not do.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type Emulator, type FaultConfig } from "../../../emulator";
import { DEFAULT_CREDENTIAL } from "../../../emulator";
import { DomainTaskClient } from "../../../sdk/api/client";
import { VirtualClock } from "../../../sdk/clock";
import { listTasks } from "../../../sdk/tasks/list-tasks";
import { parseCreateTime } from "../../../sdk/tasks/task-facts";
import { rejectionOf } from "../../support/rejection";

const START = Date.UTC(2026, 5, 1, 4, 0, 0, 700);
let emulator: Emulator;
let clock: VirtualClock;
let client: DomainTaskClient;

const start = async (faults: FaultConfig = {}, tasks = 0) => {
  clock = new VirtualClock(START);
  emulator = await startEmulator({ clock, faults });
  for (let i = 0; i < tasks; i++) {
    emulator.addTask({ taskType: i % 2 ? "ORDER_RENEW" : "CHG_DNS", details: [{ domainName: `t${i}.example.com` }] });
    clock.advance(1000);
  }
  client = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, clock, random: () => 0.5 });
};
afterEach(() => emulator?.close());
const listRequests = () => emulator.stats().byAction.QueryTaskList ?? 0;

describe("paging by facts", () => {
  it("lists every task, newest first, in ceil(N / page size) requests", async () => {
    await start({}, 23);
    const tasks = await listTasks(client, { sinceMs: START - 60_000 }, { clock, pageSize: 10 });
    expect(tasks).toHaveLength(23);
    const times = tasks.map((t) => parseCreateTime(t.createTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(listRequests()).toBe(3);
    expect((await listTasks(client, { sinceMs: START - 60_000, taskType: "chg_dns " }, { clock })).map((t) => t.taskType)).toEqual(Array(12).fill("CHG_DNS"));
  });

  it.each([
    ["a smaller page size applied than asked", { pageSizeCap: 4 }],
    ["a page size applied and another echoed", { pageSizeCap: 4, echoedPageSize: 50 }],
    ["NextPage false on every page", { pageSizeCap: 4, nextPageAlwaysFalse: true }],
    ["NextPage true on every page", { nextPageAlwaysTrue: true }],
  ] as const)("%s: every task", async (_name, taskListQuirks) => {
    await start({ taskListQuirks }, 17);
    expect(await listTasks(client, { sinceMs: START - 60_000 }, { clock, pageSize: 10 })).toHaveLength(17);
  });

  it.each([
    ["TotalItemNum short (NextPage says more)", { pageSizeCap: 4, totalItemNumOffset: -5 }, /page 4 holds 4 task\(s\) beyond the 3 page\(s\) TotalItemNum 12 implies/],
    ["TotalItemNum over the tasks served", { totalItemNumOffset: 3 }, /TotalItemNum says 20, but 17 distinct task\(s\) were listed/],
  ] as const)("%s: refused after re-reading, never a shorter list", async (_name, taskListQuirks, problem) => {
    await start({ taskListQuirks }, 17);
    const error = await rejectionOf(listTasks(client, { sinceMs: START - 60_000 }, { clock, pageSize: 10 }));
    expect(error).toMatchObject({ name: "InconsistentAnswerError", reads: 3 });
    expect(error.message).toMatch(problem);
  });

  it("refuses a list longer than its page cap, saying nothing was cut, before reading past page 1", async () => {
    await start({ taskListQuirks: { pageSizeCap: 1 } }, 6);
    const error = await rejectionOf(listTasks(client, { sinceMs: START - 60_000 }, { clock, maxPages: 5 }));
    expect(error).toMatchObject({ name: "PagingError" });
    expect(error.message).toMatch(/6 tasks in the window, 6 pages of 1: more than the 5 pages one read may take\. Nothing was cut/);
    expect(listRequests()).toBe(1);
  });
});

describe("the window", () => {
  it("keeps a task created in the same second as sinceMs, as CreateTime's whole seconds say", async () => {
    await start({ taskListQuirks: { exactWindow: true } }, 0);
    emulator.addTask({ details: [{ domainName: "same-second.example.com" }] }); // created at 04:00:00.700
    expect(await listTasks(client, { sinceMs: START + 200 }, { clock })).toHaveLength(1);
    expect(await listTasks(client, { sinceMs: START + 1000 }, { clock })).toHaveLength(0);
  });

  it("sees the newest task of a service whose clock runs minutes ahead", async () => {
    await start({ taskListQuirks: { exactWindow: true, clockAheadSeconds: 600 } }, 0);
    emulator.addTask({ details: [{ domainName: "ahead.example.com" }] });
    expect(await listTasks(client, { sinceMs: START - 1000 }, { clock })).toHaveLength(1);
  });
});

describe("time", () => {
  it("settles within timeoutMs when every QueryTaskList is throttled", async () => {
    await start({ rules: [{ fault: "throttling", actions: ["QueryTaskList"], every: 1, timeLeftMs: 1500 }] }, 2);
    const before = clock.now();
    const error = await rejectionOf(listTasks(client, { sinceMs: START - 60_000 }, { clock, timeoutMs: 5000 }));
    expect(error).toMatchObject({ name: "DomainApiError", code: "Throttling.User" });
    expect(clock.now() - before).toBeLessThanOrEqual(5000);
  });

  it("a time limit of 0 sends nothing", async () => {
    await start({}, 2);
    await expect(listTasks(client, { sinceMs: 0 }, { clock, timeoutMs: 0 })).rejects.toMatchObject({ code: "DeadlineExceeded" });
    expect(listRequests()).toBe(0);
  });
});

describe("a task any read showed must be shown again", () => {
  let server: Server;
  let reads = 0;
  const task = (n: number) => ({ TaskNo: `T-${n}`, TaskType: "CHG_DNS", TaskStatus: "EXECUTING", TaskNum: 1, CreateTime: "Jun 01,2026 12:00:00" });
  beforeAll(async () => {
    // Read 1 lists T-1 and T-2 under a TotalItemNum of 3 (it does not verify); every later read lists only T-2,
    // with a TotalItemNum that agrees with it - a listing that verifies by itself, but drops what read 1 showed.
    server = createServer((_req, res) => {
      reads++;
      const [listed, total] = reads === 1 ? [[task(1), task(2)], 3] : [[task(2)], 1];
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ RequestId: `R-${reads}`, TotalItemNum: total, PageSize: 100, NextPage: false, Data: { TaskInfo: listed } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("a task that vanishes between reads is a contradiction, not a shorter list", async () => {
    const hostile = new DomainTaskClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, credentials: { ...DEFAULT_CREDENTIAL }, env: {} });
    const error = await rejectionOf(listTasks(hostile, { sinceMs: 0 }));
    expect(error).toMatchObject({ name: "InconsistentAnswerError", reads: 3 });
    expect(error.message).toContain("task T-1, listed by an earlier read, is missing from read 3");
    expect(reads).toBe(4); // read 1 pages by the 2 tasks its first page held: two requests
  });
});
