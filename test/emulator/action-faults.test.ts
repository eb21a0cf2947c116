/**
 * Fault rules and quirks beyond QueryTaskDetailList (issue 22): rules for any action (numbered per action), a
 * write faulted before it is carried out or after (its task exists), 200s that are no answer, and the quirks of
 * QueryTaskList, of the write actions and of QueryDomainByDomainName - so every write-side class is reproducible
 * offline. Raw signed requests (sendV1), so empty and HTML bodies are seen as sent.
 */
import { startEmulator, type Emulator, type FaultConfig } from "../../emulator";
import { VirtualClock } from "../../sdk/clock";
import { sendV1 } from "./raw-request";

const START = Date.UTC(2026, 5, 1, 4, 0, 0, 400);
let clock: VirtualClock;
let emulator: Emulator;

const start = async (faults: FaultConfig = {}) => {
  clock = new VirtualClock(START);
  emulator = await startEmulator({
    clock,
    faults,
    scenario: { tasks: [], domains: [{ domainName: "a.example.com", nameServers: ["ns1.old.example", "ns2.old.example"] }, { domainName: "b.example.com" }] },
  });
};
afterEach(() => emulator?.close());

const call = (action: string, params: Record<string, string> = {}) => sendV1(emulator, { Action: action, ...params });
const submit = (domains = ["a.example.com", "b.example.com"]) =>
  call("SaveBatchTaskForModifyingDomainDns", {
    AliyunDns: "false", "DomainNameServer.1": "ns1.new.example", "DomainNameServer.2": "ns2.new.example",
    ...Object.fromEntries(domains.map((d, i) => [`DomainName.${i + 1}`, d])),
  });
const listTasks = (params: Record<string, string> = {}) => call("QueryTaskList", { PageNum: "1", PageSize: "50", ...params });
const tasksOf = (body: Record<string, unknown>) => (body.Data as { TaskInfo: Record<string, unknown>[] }).TaskInfo;
const created = () => emulator.stats().requests.filter((r) => r.action === "SaveBatchTaskForModifyingDomainDns" && r.taskNo !== undefined).map((r) => r.taskNo);

describe("fault rules on any action", () => {
  it("strike only the actions they name, each action numbering its own requests", async () => {
    await start({ rules: [{ fault: "serviceUnavailable", actions: ["QueryTaskList"], from: 2, count: 1 }, { fault: "throttling", actions: ["QueryDomainByDomainName"], every: 1 }] });
    expect((await listTasks()).status).toBe(200);
    expect((await call("QueryTaskDetailList", { TaskNo: "T-none", PageNum: "1", PageSize: "10" })).status).toBe(200);
    expect((await listTasks()).body).toMatchObject({ Code: "ServiceUnavailable" });
    expect((await listTasks()).status).toBe(200);
    expect((await call("QueryDomainByDomainName", { DomainName: "a.example.com" })).body).toMatchObject({ Code: "Throttling.User" });
  });

  it('"*" strikes every action; a rule without actions keeps to QueryTaskDetailList', async () => {
    await start({ rules: [{ fault: "internalError", actions: ["*"], from: 1, count: 1 }, { fault: "parameterIllegal", every: 1 }] });
    expect((await listTasks()).status).toBe(500);
    expect((await listTasks()).status).toBe(200);
    expect((await call("QueryTaskDetailList", { TaskNo: "T-none", PageNum: "1", PageSize: "10" })).status).toBe(500);
    expect((await call("QueryTaskDetailList", { TaskNo: "T-none", PageNum: "1", PageSize: "10" })).body).toMatchObject({ Code: "ParameterIllegal" });
  });

  it("refuse a write before it is carried out: no task", async () => {
    await start({ rules: [{ fault: "internalError", actions: ["SaveBatchTaskForModifyingDomainDns"], every: 1 }] });
    expect((await submit()).status).toBe(500);
    expect(created()).toEqual([]);
    expect(tasksOf((await listTasks()).body)).toEqual([]);
  });

  it.each([
    ["internalError", 500, (text: string) => expect(JSON.parse(text)).toMatchObject({ Code: "InternalError" })],
    ["emptyBody", 200, (text: string) => expect(text).toBe("")],
    ["html200", 200, (text: string) => expect(text).toMatch(/^<!DOCTYPE html>/)],
  ] as const)("afterWrite %s: the task is created, then the answer is the fault (HTTP %i)", async (fault, status, body) => {
    await start({ rules: [{ fault, actions: ["SaveBatchTaskForModifyingDomainDns"], every: 1, afterWrite: true }] });
    const answer = await submit();
    expect(answer.status).toBe(status);
    body(answer.text);
    expect(created()).toHaveLength(1);
    expect(tasksOf((await listTasks()).body).map((t) => t.TaskNo)).toEqual(created());
  });

  it("afterWrite dropConnection: the task is created and no answer comes", async () => {
    await start({ rules: [{ fault: "dropConnection", actions: ["SaveBatchTaskForModifyingDomainDns"], every: 1, afterWrite: true }] });
    await expect(submit()).rejects.toThrow();
    expect(created()).toHaveLength(1);
  });
});

describe("write quirks", () => {
  it("staleTaskNo answers the TaskNo of the write before, while a new task is created", async () => {
    await start({ writeQuirks: { staleTaskNo: true } });
    const first = String((await submit()).body.TaskNo);
    const second = String((await submit(["a.example.com"])).body.TaskNo);
    expect(second).toBe(first);
    expect(created()).toHaveLength(2);
    expect(created()[1]).not.toBe(first);
  });

  it('successCode200 adds Code "200" and Success to a success body that keeps its TaskNo', async () => {
    await start({ writeQuirks: { successCode200: true } });
    expect((await submit()).body).toMatchObject({ Code: "200", Success: true, TaskNo: created()[0] });
  });

  it("detailsAppearEverySeconds lists the task's details one at a time", async () => {
    await start({ writeQuirks: { detailsAppearEverySeconds: 2 } });
    const taskNo = String((await submit()).body.TaskNo);
    const listed = async () => (await call("QueryTaskDetailList", { TaskNo: taskNo, PageNum: "1", PageSize: "10" })).body.TotalItemNum;
    expect(await listed()).toBe(0);
    clock.advance(2000);
    expect(await listed()).toBe(1);
    clock.advance(2000);
    expect(await listed()).toBe(2);
    expect(tasksOf((await listTasks()).body)[0]).toMatchObject({ TaskNum: 2 });
  });
});

describe("task-list quirks", () => {
  it("taskNumZeroForSeconds, completeWhileOpen and taskTypeSpelling bend each listed task", async () => {
    await start({ taskListQuirks: { taskNumZeroForSeconds: 2, completeWhileOpen: true, taskTypeSpelling: "padded" } });
    await submit();
    expect(tasksOf((await listTasks()).body)[0]).toMatchObject({ TaskNum: 0, TaskStatus: "COMPLETE", TaskStatusCode: 3, TaskType: " CHG_DNS " });
    clock.advance(2000); // the details are executing (the emulator's defaults: from 1 s to 3 s)
    expect(tasksOf((await listTasks()).body)[0]).toMatchObject({ TaskNum: 2 });
    emulator.setFaults({ taskListQuirks: { taskTypeSpelling: "lowerCase" } });
    expect(tasksOf((await listTasks()).body)[0]).toMatchObject({ TaskType: "chg_dns", TaskStatus: "EXECUTING" });
  });

  it("exactWindow compares whole seconds with the exact bounds; clockAheadSeconds shifts CreateTime and the window", async () => {
    await start({ taskListQuirks: { exactWindow: true } });
    await submit(); // created at 04:00:00.400 UTC, CreateTime "Jun 01,2026 12:00:00" (UTC+8)
    expect(tasksOf((await listTasks({ BeginCreateTime: String(START) })).body)).toHaveLength(0);
    expect(tasksOf((await listTasks({ BeginCreateTime: String(START - 400) })).body)).toHaveLength(1);
    emulator.setFaults({ taskListQuirks: { exactWindow: true, clockAheadSeconds: 3 } });
    const { body } = await listTasks({ BeginCreateTime: String(START - 400), EndCreateTime: String(START) });
    expect(tasksOf(body)).toHaveLength(0);
    expect(tasksOf((await listTasks({ BeginCreateTime: String(START - 400) })).body)[0]).toMatchObject({ CreateTime: "Jun 01,2026 12:00:03" });
  });

  it("pageSizeCap, echoedPageSize, totalItemNumOffset and nextPage quirks bend the paging facts", async () => {
    await start({ taskListQuirks: { pageSizeCap: 2 } });
    for (let i = 0; i < 5; i++) await submit(["a.example.com"]);
    expect((await listTasks({ PageSize: "10" })).body).toMatchObject({ PageSize: 10, TotalItemNum: 5, TotalPageNum: 1, NextPage: true });
    expect(tasksOf((await listTasks({ PageSize: "10" })).body)).toHaveLength(2);
    emulator.setFaults({ taskListQuirks: { echoedPageSize: 100, totalItemNumOffset: -2, nextPageAlwaysFalse: true } });
    const { body } = await listTasks({ PageSize: "2" });
    expect(body).toMatchObject({ PageSize: 100, TotalItemNum: 3, TotalPageNum: 1, NextPage: false });
    expect(tasksOf(body)).toHaveLength(2);
    emulator.setFaults({ taskListQuirks: { nextPageAlwaysTrue: true } });
    expect((await listTasks({ PageSize: "10" })).body).toMatchObject({ NextPage: true, TotalPageNum: 1 });
  });
});

it("domainQuirks.dnsListLagSeconds shows a change's name servers only that long after its detail succeeded", async () => {
  await start({ domainQuirks: { dnsListLagSeconds: 10 } });
  await submit(["a.example.com"]);
  const dns = async () => ((await call("QueryDomainByDomainName", { DomainName: "a.example.com" })).body.DnsList as { Dns: string[] }).Dns;
  clock.advance(3000); // the detail has succeeded (the emulator's default: 3 s)
  expect(await dns()).toEqual(["ns1.old.example", "ns2.old.example"]);
  clock.advance(10_000);
  expect(await dns()).toEqual(["ns1.new.example", "ns2.new.example"]);
});
