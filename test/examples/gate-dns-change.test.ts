/** examples/gate-dns-change under mocks: the lock task waits for the DNS change, and the outcome is exported. */
import { runExampleOnEmulator, valueOf, type ExampleRun } from "./mock-engine";

jest.mock("pulumi-alicloud-domain-tasks", () => jest.requireActual("../../index"), { virtual: true });

let run: ExampleRun;
let dnsTaskNo: string;

beforeAll(async () => {
  run = await runExampleOnEmulator("gate-dns-change", "gate-dns-change", (emulator) => {
    dnsTaskNo = emulator.addTask({
      taskType: "CHG_DNS",
      batch: { count: 3, domainTemplate: "shop-{i}.example.com", durationSeconds: 2 },
    });
    const lockTaskNo = emulator.addTask({ taskType: "SET_UPDATE_PROHIBITED", details: [{ domainName: "shop-1.example.com" }] });
    return { dnsTaskNo, lockTaskNo };
  });
});
afterAll(async () => {
  await run?.emulator.close();
});

it("exports the DNS change's outcome", async () => {
  const { program } = run;
  expect(await valueOf(program.dnsStatus)).toBe("EXECUTE_SUCCESS");
  expect(await valueOf(program.dnsCounts)).toMatchObject({ EXECUTE_SUCCESS: 3, EXECUTING: 0, WAITING_EXECUTE: 0 });
  expect(await valueOf(program.domainsMoved)).toEqual(["shop-1.example.com", "shop-2.example.com", "shop-3.example.com"]);
  expect(await valueOf(program.dnsCompletedAt)).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(await valueOf(program.lockStatus)).toBe("EXECUTE_SUCCESS");
});

it("registers the dependent step only after the DNS change has finished waiting", async () => {
  const { program, engine } = run;
  await valueOf(program.lockStatus);
  const dns = engine.registrations.find((r) => r.name === "dns-change")!;
  const lock = engine.registrations.find((r) => r.name === "update-lock")!;
  expect(dns.inputs).toMatchObject({ taskNo: dnsTaskNo, waitFor: "success", timeoutSeconds: 3600 });
  expect(dns.finished).toBeDefined();
  expect(lock.began).toBeGreaterThan(dns.finished!);
});
