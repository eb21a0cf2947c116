/**
 * examples/gate-dns-change under the real engine: the DNS change's DomainTask gates a second one (dependsOn), which
 * the engine creates only once the first has succeeded; the outputs list what the emulator holds.
 */
import { DOMAIN_TASK_TOKEN } from "../../provider/token";
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { itRefreshesPreviewsAndDestroys } from "./support/lifecycle";
import { EngineStack } from "./support/stack";

const emulator = useEmulator();
const domains = ["alpha.example.com", "beta.example.com", "gamma.example.com"];
let stack: EngineStack;
let dnsTaskNo: string;
let lockTaskNo: string;
let outputs: Record<string, unknown>;

beforeAll(async () => {
  dnsTaskNo = emulator.current.addTask({
    taskType: "CHG_DNS",
    details: domains.map((domainName, i) => ({ domainName, startAfterSeconds: 0.5, finishAfterSeconds: 1 + i })),
  });
  lockTaskNo = emulator.current.addTask({ taskType: "SET_UPDATE_PROHIBITED", details: [{ domainName: "alpha.example.com" }] });
  stack = await EngineStack.create({ example: "gate-dns-change", emulator: emulator.current, credential: ENGINE_KEY, config: { dnsTaskNo, lockTaskNo } });
});

it("preview plans both gates and reads neither task", async () => {
  const preview = await stack.preview("--json");
  expect(preview.code).toBe(0);
  expect((JSON.parse(preview.stdout) as { changeSummary: Record<string, number> }).changeSummary).toEqual({ create: 3 });
  expect(requestsOf(emulator.current, "QueryTaskDetailList")).toEqual([]);
});

it("up waits for the DNS change before it starts on the task that depends on it", async () => {
  const up = await stack.up();
  expect(up.code).toBe(0);
  const dnsReads = requestsOf(emulator.current, "QueryTaskDetailList", dnsTaskNo);
  const lockReads = requestsOf(emulator.current, "QueryTaskDetailList", lockTaskNo);
  expect(dnsReads.length).toBeGreaterThan(0);
  expect(lockReads.length).toBeGreaterThan(0);
  // The gate held: the lock's first read came after the DNS change's last one.
  expect(Math.min(...lockReads.map((r) => r.at ?? 0))).toBeGreaterThanOrEqual(Math.max(...dnsReads.map((r) => r.at ?? 0)));

  const tasks = await stack.resources(DOMAIN_TASK_TOKEN);
  const dns = tasks.find((t) => t.id === dnsTaskNo);
  const lock = tasks.find((t) => t.id === lockTaskNo);
  expect(lock?.dependencies).toContain(dns?.urn);
});

it("the stack outputs are what the emulator holds", async () => {
  outputs = await stack.outputs();
  expect(outputs).toMatchObject({
    dnsStatus: "EXECUTE_SUCCESS",
    dnsCounts: { WAITING_EXECUTE: 0, EXECUTING: 0, EXECUTE_SUCCESS: 3, EXECUTE_FAILURE: 0, UNKNOWN: 0 },
    lockStatus: "EXECUTE_SUCCESS",
  });
  expect([...(outputs.domainsMoved as string[])].sort()).toEqual([...domains].sort());
  expect(Date.parse(outputs.dnsCompletedAt as string)).not.toBeNaN();
});

itRefreshesPreviewsAndDestroys({ stack: () => stack, emulator: () => emulator.current, outputs: () => outputs });
