/** examples/gate-dns-change under mocks: the lock task waits for the DNS change, and the outcome is exported. */
import { startEmulator, type Emulator } from "../../emulator";
import type * as pulumi from "@pulumi/pulumi";
import { installMockEngine, runExample, valueOf, type MockEngine } from "./mock-engine";

jest.mock("pulumi-alicloud-domain-tasks", () => jest.requireActual("../../index"), { virtual: true });

const KEY = { accessKeyId: "example-key-id", accessKeySecret: "example-key-secret" };
let emulator: Emulator;
let engine: MockEngine;
let dnsTaskNo: string;
let program: Record<string, pulumi.Output<unknown>>;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [KEY] });
  dnsTaskNo = emulator.addTask({
    taskType: "CHG_DNS",
    batch: { count: 3, domainTemplate: "shop-{i}.example.com", durationSeconds: 2 },
  });
  const lockTaskNo = emulator.addTask({ taskType: "SET_UPDATE_PROHIBITED", details: [{ domainName: "shop-1.example.com" }] });
  engine = await installMockEngine("gate-dns-change", {
    "gate-dns-change:dnsTaskNo": dnsTaskNo,
    "gate-dns-change:lockTaskNo": lockTaskNo,
    "alicloud:accessKey": KEY.accessKeyId,
    "alicloud:secretKey": KEY.accessKeySecret,
    "alicloud-domain-tasks:endpoint": emulator.url,
  });
  program = await runExample("gate-dns-change");
});
afterAll(async () => {
  await emulator?.close();
});

it("exports the DNS change's outcome", async () => {
  expect(await valueOf(program.dnsStatus)).toBe("EXECUTE_SUCCESS");
  expect(await valueOf(program.dnsCounts)).toMatchObject({ EXECUTE_SUCCESS: 3, EXECUTING: 0, WAITING_EXECUTE: 0 });
  expect(await valueOf(program.domainsMoved)).toEqual(["shop-1.example.com", "shop-2.example.com", "shop-3.example.com"]);
  expect(await valueOf(program.dnsCompletedAt)).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(await valueOf(program.lockStatus)).toBe("EXECUTE_SUCCESS");
});

it("registers the dependent step only after the DNS change has finished waiting", async () => {
  await valueOf(program.lockStatus);
  const dns = engine.registrations.find((r) => r.name === "dns-change")!;
  const lock = engine.registrations.find((r) => r.name === "update-lock")!;
  expect(dns.inputs).toMatchObject({ taskNo: dnsTaskNo, waitFor: "success", timeoutSeconds: 3600 });
  expect(dns.finished).toBeDefined();
  expect(lock.began).toBeGreaterThan(dns.finished!);
});
