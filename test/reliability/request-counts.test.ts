/**
 * What verification costs in requests, on every surface, read from the emulator's own log: a finished task of N
 * details costs exactly ceil(N / 1000) QueryTaskDetailList requests, plus one (the PageSize-1 failure count that
 * confirms it) when every detail succeeded - no PageSize-1 probe before a read whose first page tells the same.
 * Surfaces: readTaskOutcome, waitForTask, getTaskDetails, `domain-tasks get` and `wait` (built, spawned), and a
 * DomainTask create through Pulumi's dynamic-provider host. Requires `npm run build` (npm test builds first).
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type TaskSpec } from "../../emulator";
import { getTaskDetails } from "../../provider/functions";
import { VirtualClock } from "../../sdk/clock";
import { readTaskOutcome } from "../../sdk/read";
import { waitForTask } from "../../sdk/waiter";
import { assertBuilt, runCli } from "../cli/harness";
import { cliEnv } from "../cli/emulator-env";
import { startBench, type Bench } from "../provider/fixture";
import { clientFor, requestsFor } from "../support/emulator-client";

/** Finished tasks: N details, all succeeded or with failures among them, and the requests a read of each costs. */
const TASKS: Array<{ name: string; spec: TaskSpec; requests: number }> = [
  { name: "1 detail, succeeded", spec: { details: [{ domainName: "one.example.com" }] }, requests: 1 + 1 },
  { name: "1 detail, failed", spec: { details: [{ domainName: "one.example.com", outcome: "failure", failReason: "refused" }] }, requests: 1 },
  { name: "1000 details, all succeeded", spec: { batch: { count: 1000 } }, requests: 1 + 1 },
  { name: "2500 details, all succeeded", spec: { batch: { count: 2500 } }, requests: 3 + 1 },
  { name: "2500 details, 5 failed", spec: { batch: { count: 2500, failEvery: 500 } }, requests: 3 },
];
const tasks = TASKS.map((t) => [t.name, t] as const);

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

/** The requests one task received, and that none was a PageSize-1 probe for the total. */
const sent = (taskNo: string) => {
  const requests = requestsFor(emulator, taskNo);
  const probes = requests.filter((r) => r.pageSize === 1 && r.taskStatus === undefined);
  expect(probes).toEqual([]);
  return requests.length;
};

describe("the SDK", () => {
  it.each(tasks)("%s: readTaskOutcome", async (_n, t) => {
    const taskNo = emulator.addTask(t.spec);
    await readTaskOutcome(clientFor(emulator).client, { taskNo });
    expect(sent(taskNo)).toBe(t.requests);
  });

  it.each(tasks)("%s: waitForTask", async (_n, t) => {
    const taskNo = emulator.addTask(t.spec);
    const clock = new VirtualClock();
    await waitForTask(clientFor(emulator, { clock }).client, { taskNo }, { clock });
    expect(sent(taskNo)).toBe(t.requests);
  });
});

describe("getTaskDetails", () => {
  beforeAll(() => pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs }, "p", "s", false));

  it.each(tasks)("%s", async (_n, t) => {
    const taskNo = emulator.addTask(t.spec);
    await getTaskDetails({ taskNo, endpoint: emulator.url, accessKey: DEFAULT_CREDENTIAL.accessKeyId, secretKey: DEFAULT_CREDENTIAL.accessKeySecret });
    expect(sent(taskNo)).toBe(t.requests);
  });
});

describe("the built command", () => {
  beforeAll(() => assertBuilt());

  it.each(tasks)("%s: get and wait", async (_n, t) => {
    for (const command of ["get", "wait"]) {
      const taskNo = emulator.addTask(t.spec);
      const result = await runCli([command, taskNo, "--endpoint", emulator.url, "-o", "json"], { env: cliEnv() });
      expect(JSON.parse(result.stdout)).toMatchObject({ total: t.spec.batch?.count ?? 1 });
      expect([command, sent(taskNo)]).toEqual([command, t.requests]);
    }
  });
});

describe("DomainTask create through the dynamic-provider host", () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await startBench();
  });
  afterAll(() => bench.close());

  it.each(tasks)("%s", async (_n, t) => {
    const taskNo = bench.addTask(t.spec);
    await bench.host.create(bench.inputs({ taskNo, waitFor: "completion" }));
    expect(requestsFor(bench.emulator, taskNo).filter((r) => r.pageSize === 1 && r.taskStatus === undefined)).toEqual([]);
    expect(requestsFor(bench.emulator, taskNo)).toHaveLength(t.requests);
  });
});
