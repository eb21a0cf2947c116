/**
 * What `domain-tasks wait` prints, in every format: the outcome streams as the read that ends the wait reads it
 * (each detail once, whatever the task's size), and an outcome whose answers never verified says what was seen -
 * the last counts, every failure, each contradiction - with exit 3. Against the emulator (built command, spawned),
 * behind a proxy that rewrites answers for the unverified cases (test/support/tamper-proxy.ts).
 */
import { startEmulator, type Emulator } from "../../emulator";
import type { TaskOutcome } from "../../sdk/outcome";
import { TaskOutcomeOutputSchema } from "../support/output-schema";
import { startTamperProxy, type TamperProxy } from "../support/tamper-proxy";
import { cliEnv } from "./emulator-env";
import { assertBuilt, runCli } from "./harness";

const FAST = ["--min-delay", "100ms", "--max-delay", "300ms", "--timeout", "20s"];
let emulator: Emulator;
/** The case: every detail finished (1 succeeded, 1 failed), but every listing says TotalItemNum 3. */
let overcounting: TamperProxy;
beforeAll(async () => {
  assertBuilt();
  emulator = await startEmulator();
  overcounting = await startTamperProxy(emulator.url, (a) => (a.params.TaskStatus === undefined ? { ...a.body, TotalItemNum: 3 } : undefined));
});
afterAll(async () => {
  await overcounting.close();
  await emulator.close();
});

const wait = (endpoint: string, taskNo: string, args: string[]) => runCli(["wait", taskNo, "--endpoint", endpoint, ...FAST, ...args], { env: cliEnv() });

describe("a large task's outcome streams, each detail once", () => {
  const spec = { batch: { count: 2500, failEvery: 1000, failReason: "registry busy" } };

  it("-o json: the whole outcome document, every detail in it once", async () => {
    const taskNo = emulator.addTask(spec);
    const result = await wait(emulator.url, taskNo, ["--for", "completion", "-o", "json"]);
    expect(result.code).toBe(0);
    const outcome = TaskOutcomeOutputSchema.parse(JSON.parse(result.stdout));
    expect(outcome).toMatchObject({ total: 2500, verified: true, complete: true, detailsOmitted: 0, counts: { EXECUTE_SUCCESS: 2498, EXECUTE_FAILURE: 2 } });
    expect(new Set(outcome.details.map((d) => d.taskDetailNo)).size).toBe(2500);
    expect(outcome.details).toHaveLength(2500);
    expect(outcome.failed.map((f) => f.failReason)).toEqual(["registry busy", "registry busy"]);
  });

  it("-o jsonl: one line per detail, once each", async () => {
    const taskNo = emulator.addTask(spec);
    const result = await wait(emulator.url, taskNo, ["-o", "jsonl"]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { taskDetailNo: string });
    expect(lines).toHaveLength(2500);
    expect(new Set(lines.map((d) => d.taskDetailNo)).size).toBe(2500);
  });

  it("-o table: the failures, and the summary", async () => {
    const taskNo = emulator.addTask(spec);
    const result = await wait(emulator.url, taskNo, ["-o", "table"]);
    expect(result.code).toBe(1);
    const rows = result.stdout.split("\n").filter((l) => l.includes("EXECUTE_FAILURE") && l.includes("registry busy"));
    expect(rows).toHaveLength(2);
    expect(result.stdout).toMatch(/2500 details: 2498 succeeded, 2 failed/);
  });

  it("a small task streams the same way: every detail once", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "a.example.com", finishAfterSeconds: 0.3 }, { domainName: "b.example.com" }] });
    const result = await wait(emulator.url, taskNo, ["-o", "json"]);
    expect(result.code).toBe(0);
    const outcome = TaskOutcomeOutputSchema.parse(JSON.parse(result.stdout));
    expect(outcome.details.map((d) => d.domainName).sort()).toEqual(["a.example.com", "b.example.com"]);
  });
});

describe("answers that never verify: exit 3, and the output says what was seen", () => {
  const spec = { details: [{ domainName: "ok.example.com" }, { domainName: "bad.example.com", outcome: "failure" as const, failReason: "refused by the registry" }] };

  it("-o json: the last counts, the failure, the contradiction", async () => {
    const taskNo = emulator.addTask(spec);
    const result = await wait(overcounting.url, taskNo, ["-o", "json"]);
    expect(result.code).toBe(3);
    const outcome = TaskOutcomeOutputSchema.parse(JSON.parse(result.stdout)) as TaskOutcome;
    expect(outcome).toMatchObject({
      verified: false, succeeded: false, status: "EXECUTE_FAILURE", total: 2, counts: { EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 1 },
      failed: [expect.objectContaining({ domainName: "bad.example.com", failReason: "refused by the registry" })],
    });
    expect(outcome.details.map((d) => d.domainName).sort()).toEqual(["bad.example.com", "ok.example.com"]);
    expect(outcome.anomalies.join("\n")).toMatch(/TotalItemNum says 3, but 2 distinct details were served/);
    expect(result.stderr).toMatch(/not verified: .*Last seen: 1 EXECUTE_SUCCESS, 1 EXECUTE_FAILURE of 2 detail\(s\); failed: bad\.example\.com \(refused by the registry\)/);
  });

  it("-o table: the failure seen, and the counts", async () => {
    const taskNo = emulator.addTask(spec);
    const result = await wait(overcounting.url, taskNo, ["-o", "table"]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/bad\.example\.com .*refused by the registry/);
    expect(result.stdout).toMatch(/2 details: 1 succeeded, 1 failed/);
  });

  it("--timeout 0 (one read) too", async () => {
    const taskNo = emulator.addTask(spec);
    const result = await runCli(["wait", taskNo, "--endpoint", overcounting.url, "--timeout", "0", "-o", "json"], { env: cliEnv() });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ verified: false, total: 2, counts: { EXECUTE_FAILURE: 1 }, failed: [expect.objectContaining({ domainName: "bad.example.com" })] });
  });
});
