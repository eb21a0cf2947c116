/**
 * `wait --since` on the verified listing (issue 22): a failed task created in the same second as the window's
 * start, or by a service whose clock runs ahead, is gated on (never a false pass); a listing that does not add up
 * is exit 3, never a shorter gate; and the listing is inside --timeout (exit 4 when it is not done by then).
 */
import { startEmulator, type Emulator, type FaultConfig } from "../../emulator";
import { cliEnv } from "./emulator-env";
import { assertBuilt, runCli } from "./harness";

const FAST = ["--min-delay", "100ms", "--max-delay", "200ms"];
let emulator: Emulator;
beforeAll(() => assertBuilt());
afterEach(() => emulator?.close());

const withFailedTask = async (faults: FaultConfig) => {
  emulator = await startEmulator({ faults });
  emulator.addTask({ details: [{ domainName: "failed.example.com", outcome: "failure", failReason: "Locked." }] });
  emulator.addTask({ taskType: "ORDER_RENEW", details: [{ domainName: "renewed.example.com" }] });
};
const waitSince = (since: string, extra: string[] = []) => runCli(["wait", "--since", since, "--endpoint", emulator.url, ...FAST, "-o", "json", ...extra], { env: cliEnv() });

it.each([
  ["an exact window (whole seconds)", { taskListQuirks: { exactWindow: true } }],
  ["a service clock ten minutes ahead, exact window", { taskListQuirks: { exactWindow: true, clockAheadSeconds: 600 } }],
  ["a page size applied but not echoed", { taskListQuirks: { pageSizeCap: 1 } }],
  ["TaskType in lower case", { taskListQuirks: { taskTypeSpelling: "lowerCase" as const } }],
])("%s: the failed task just created is gated on (exit 1)", async (_name, faults) => {
  await withFailedTask(faults);
  const result = await waitSince("2s", ["--type", "CHG_DNS"]);
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout).tasks).toEqual([expect.objectContaining({ exitCode: 1 })]);
});

it("a listing whose TotalItemNum does not add up is exit 3, not a gate over fewer tasks", async () => {
  await withFailedTask({ taskListQuirks: { totalItemNumOffset: -1 } });
  const result = await waitSince("1h");
  expect(result.code).toBe(3);
  expect(result.stderr).toMatch(/QueryTaskList's answers do not add up after 3 read\(s\)/);
});

it("the listing is inside --timeout: exit 4, nothing waited for, when QueryTaskList is too slow", async () => {
  await withFailedTask({ latencyMs: 1500 });
  const result = await waitSince("1h", ["--timeout", "1s"]);
  expect(result.code).toBe(4);
  expect(result.stderr).toContain("timed out after 1s while listing the tasks created in the last 1h (QueryTaskList): nothing was waited for");
});
