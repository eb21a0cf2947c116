/** examples/quickstart (the root Pulumi.yaml's program) under mocks, its DomainTask run by its real provider. */
import { startEmulator, type Emulator } from "../../emulator";
import type * as pulumi from "@pulumi/pulumi";
import { installMockEngine, runExample, valueOf, type MockEngine } from "./mock-engine";

jest.mock("pulumi-alicloud-domain-tasks", () => jest.requireActual("../../index"), { virtual: true });

const KEY = { accessKeyId: "example-key-id", accessKeySecret: "example-key-secret" };
let emulator: Emulator;
let engine: MockEngine;
let taskNo: string;
let program: Record<string, pulumi.Output<unknown>>;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [KEY] });
  taskNo = emulator.addTask({
    details: [{ domainName: "example.com", finishAfterSeconds: 1, outcome: "success", taskResult: "dns1.example.net,dns2.example.net" }],
  });
  engine = await installMockEngine("domain-task-gate", {
    "domain-task-gate:taskNo": taskNo,
    "domain-task-gate:timeoutSeconds": "60",
    "alicloud:accessKey": KEY.accessKeyId,
    "alicloud:secretKey": KEY.accessKeySecret,
    "alicloud-domain-tasks:endpoint": emulator.url,
  });
  program = await runExample("quickstart");
});
afterAll(async () => {
  await emulator?.close();
});

it("gates on the configured task and exports its outcome", async () => {
  expect(await valueOf(program.status)).toBe("EXECUTE_SUCCESS");
  expect(await valueOf(program.succeeded)).toBe(true);
  expect(await valueOf(program.counts)).toMatchObject({ EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 0 });
  expect(await valueOf(program.failedDomains)).toEqual([]);
  expect(await valueOf(program.taskResult)).toBe("dns1.example.net,dns2.example.net");
  const [task] = engine.registrations;
  expect(task).toMatchObject({ type: "pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainTask", name: "domain-task" });
  expect(task.inputs).toMatchObject({ taskNo, waitFor: "success", timeoutSeconds: 60 });
});
