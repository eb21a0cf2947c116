/**
 * The plugin as the engine drives it, over gRPC against the emulator: Check (failures by property), Diff
 * (replace or update, property by property), Create, Read (refresh, and import by TaskNo), Update, Delete, Invoke
 * (getTaskDetails) and Cancel. Needs `npm run build`.
 */
import { RpcFailure } from "../provider/rpc-client";
import { UNKNOWN } from "../provider/host";
import { startPluginBench, type PluginBench } from "./fixture";
import { TASK_TYPE, urnOf } from "./plugin-host";
import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";

let bench: PluginBench;
beforeAll(async () => {
  bench = await startPluginBench();
});
afterAll(() => bench?.close());

const ok = (domainName: string, finishAfterSeconds = 0) => ({ domainName, finishAfterSeconds, outcome: "success" as const, taskResult: "OK" });
const failure = (domainName: string) => ({ domainName, outcome: "failure" as const, failReason: "Locked by the registry", errorMsg: "E_LOCKED" });
const rejection = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected the call to fail"); }, (err: RpcFailure) => err);

describe("Check", () => {
  it("applies the defaults and sends nothing", async () => {
    bench.emulator.resetStats();
    const { inputs, failures } = await bench.plugin.rpc.check({}, { taskNo: "T-1" });
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ taskNo: "T-1", waitFor: "success", timeoutSeconds: 1800, maxDetails: 100, failFast: false });
    expect(bench.emulator.stats().total).toBe(0);
  });

  it("returns one failure per bad property, each naming it and saying what to do", async () => {
    const { failures } = await bench.plugin.rpc.check({}, { taskNo: " ", timeoutSeconds: -5, waitFor: "none", failFast: true, colour: "blue", secretKey: "pa55word" });
    const byProperty = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    expect(Object.keys(byProperty).sort()).toEqual(["colour", "failFast", "secretKey", "taskNo", "timeoutSeconds"]);
    expect(byProperty.timeoutSeconds).toBe("timeoutSeconds must be greater than 0; got -5");
    expect(byProperty.colour).toMatch(/^colour is not an input of DomainTask; remove it/);
    expect(byProperty.secretKey).toMatch(/credentials are not resource inputs/);
    expect(JSON.stringify(failures)).not.toContain("pa55word");
  });

  it("lets values not known yet through (preview)", async () => {
    expect((await bench.plugin.rpc.check({}, { taskNo: UNKNOWN, timeoutSeconds: UNKNOWN })).failures).toEqual([]);
  });

  it("checks a DomainNameServers by the SDK's rules, by its own token", async () => {
    const { failures } = await bench.plugin.rpc.check({}, { domainNames: ["shop.example.com"], nameServers: ["ns1.example.net"] }, urnOf("alicloud-domain-tasks:index:DomainNameServers", "ns"));
    expect(failures).toEqual([{ property: "nameServers", reason: "nameServers has 1 host name; registries take 2 to 13" }]);
  });

  it("refuses a type the plugin does not serve, naming what it serves", async () => {
    const err = await rejection(bench.plugin.rpc.check({}, {}, urnOf("alicloud-domain-tasks:index:Nope")));
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.message).toContain("alicloud-domain-tasks:index:DomainTask, alicloud-domain-tasks:index:DomainNameServers");
  });
});

describe("Diff", () => {
  const state = { taskNo: "T-1", waitFor: "success", timeoutSeconds: 1800, status: "EXECUTE_SUCCESS" };

  it("replaces on taskNo, updates in place on the wait settings, property by property", async () => {
    const replaced = await bench.plugin.rpc.diff("T-1", state, { taskNo: "T-2", timeoutSeconds: 60 });
    expect(replaced).toMatchObject({ changes: "some", replaces: ["taskNo"], deleteBeforeReplace: false });
    const detailed = replaced.response.getDetaileddiffMap();
    expect(detailed.get("taskNo")!.getKind()).toBe(provproto.PropertyDiff.Kind.UPDATE_REPLACE);
    expect(detailed.get("timeoutSeconds")!.getKind()).toBe(provproto.PropertyDiff.Kind.UPDATE);
    expect(replaced.response.getDiffsList()).toEqual(["taskNo", "timeoutSeconds"]);
  });

  it("sees no change when the inputs are the state's", async () => {
    expect((await bench.plugin.rpc.diff("T-1", state, { taskNo: "T-1", waitFor: "success" })).changes).toBe("none");
  });
});

describe("Create, Read, Update, Delete", () => {
  it("creates by waiting for success: the outcome as plain JSON, the TaskNo as ID, progress in the engine's log", async () => {
    const taskNo = bench.addTask({ details: [ok("a.example.com", 1), ok("b.example.com", 1)] });
    const { id, properties } = await bench.plugin.rpc.create(bench.inputs({ taskNo }));
    expect(id).toBe(taskNo);
    expect(properties).toMatchObject({ taskNo, status: "EXECUTE_SUCCESS", succeeded: true, verified: true, total: 2, failed: [], domainName: null });
    expect(properties.details).toHaveLength(2);
    await waitFor(() => bench.plugin.engineLog.some((l) => l.message.includes(`DomainTask ${taskNo}: 2 EXECUTE_SUCCESS (2/2 done)`)));
    expect(bench.plugin.engineLog.find((l) => l.message.includes(taskNo))!.urn).toBe(urnOf(TASK_TYPE));
  });

  it("fails a create whose task failed, as a well-understood failure naming each failed domain", async () => {
    const taskNo = bench.addTask({ details: [ok("good.example.com"), failure("bad.example.com")] });
    const err = await rejection(bench.plugin.rpc.create(bench.inputs({ taskNo })));
    expect(err.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(err.message).toContain(`DomainTask ${taskNo} did not succeed: 1 of 2 task details failed`);
    expect(err.message).toMatch(/- bad\.example\.com \(TaskDetailNo [^)]+\): FailReason: Locked by the registry; ErrorMsg: E_LOCKED/);
  });

  it("refreshes: the state follows the task, the program's inputs stay", async () => {
    const taskNo = bench.addTask({ details: [ok("slow.example.com", 30)] });
    const created = await bench.plugin.rpc.create(bench.inputs({ taskNo, waitFor: "none" }));
    expect(created.properties.status).toBe("EXECUTING");
    bench.clock.advance(31_000);
    const programInputs = { taskNo, waitFor: "none" };
    const read = await bench.plugin.rpc.read(taskNo, created.properties, programInputs);
    expect(read.properties).toMatchObject({ status: "EXECUTE_SUCCESS", complete: true });
    expect(read.inputs).toEqual(programInputs);
  });

  it("imports by TaskNo: records the verified outcome and the inputs it stands for, which then diff clean", async () => {
    const taskNo = bench.addTask({ details: [ok("imported.example.com"), failure("broken.example.com")] });
    const read = await bench.plugin.rpc.read(taskNo, {});
    expect(read.id).toBe(taskNo);
    expect(read.properties).toMatchObject({ taskNo, status: "EXECUTE_FAILURE", verified: true, total: 2, failed: [expect.objectContaining({ domainName: "broken.example.com" })] });
    expect(read.inputs).toEqual({ taskNo });
    const checked = await bench.plugin.rpc.check({}, read.inputs!);
    expect((await bench.plugin.rpc.diff(taskNo, read.properties, checked.inputs)).changes).toBe("none");
  });

  it("updates in place with the new wait settings, and deletes without a request", async () => {
    const taskNo = bench.addTask({ details: [ok("u.example.com", 1)] });
    const created = await bench.plugin.rpc.create(bench.inputs({ taskNo, waitFor: "none" }));
    const updated = await bench.plugin.rpc.update(taskNo, created.properties, bench.inputs({ taskNo, waitFor: "success", maxDetails: 0 }));
    expect(updated).toMatchObject({ status: "EXECUTE_SUCCESS", waitFor: "success", maxDetails: 0, details: [], detailsOmitted: 1 });
    bench.emulator.resetStats();
    await bench.plugin.rpc.delete(taskNo, updated);
    expect(bench.emulator.stats().total).toBe(0);
  });
});

describe("Invoke", () => {
  it("reads getTaskDetails through the plugin's config", async () => {
    const taskNo = bench.addTask({ details: [ok("a.example.com"), failure("b.example.com")] });
    const { result, failures } = await bench.plugin.invoke("alicloud-domain-tasks:index:getTaskDetails", { taskNo, taskStatus: "EXECUTE_FAILURE" });
    expect(failures).toEqual([]);
    expect(result).toMatchObject({ id: taskNo, taskNo, taskStatus: "EXECUTE_FAILURE", total: 1, status: "EXECUTE_FAILURE", verified: true, failReason: "Locked by the registry" });
  });

  it("answers bad arguments as failures naming the argument", async () => {
    const { failures } = await bench.plugin.invoke("alicloud-domain-tasks:index:getTaskDetails", { taskNo: "T-1", pageSize: 5000 });
    expect(failures).toEqual([{ property: "pageSize", reason: expect.stringContaining("pageSize") }]);
  });

  it("refuses a function it does not serve", async () => {
    const err = await rejection(bench.plugin.invoke("alicloud-domain-tasks:index:getNothing", {}));
    expect(err.code).toBe(grpc.status.UNIMPLEMENTED);
  });
});

describe("Cancel", () => {
  it("stops a wait in flight at once, saying the task goes on", async () => {
    const taskNo = bench.addTask({ details: [ok("slow.example.com", 3600)] });
    const create = rejection(bench.plugin.rpc.create(bench.inputs({ taskNo, timeoutSeconds: 3600 })));
    await waitFor(() => bench.plugin.engineLog.some((l) => l.message.includes(`DomainTask ${taskNo}: 1 EXECUTING`)));
    await bench.plugin.cancel();
    const err = await create;
    expect(err.code).toBe(grpc.status.CANCELLED);
    expect(err.message).toMatch(new RegExp(`^DomainTask ${taskNo}: .*The deployment was cancelled: the plugin stopped waiting \\(the task itself goes on at the registrar\\)`));
  });
});

/** Polls `condition` (a log line and the reply of the call that logged it travel apart). */
async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("the condition did not hold in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
