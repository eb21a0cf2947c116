/**
 * examples/read-task-outputs under the real engine: getTaskDetailsOutput is an invoke the engine runs at preview
 * and at up alike; the stack holds no resource, and its outputs are what the emulator holds, failures included.
 */
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { itRefreshesPreviewsAndDestroys } from "./support/lifecycle";
import { EngineStack } from "./support/stack";

const emulator = useEmulator();
let stack: EngineStack;
let taskNo: string;
let outputs: Record<string, unknown>;

beforeAll(async () => {
  taskNo = emulator.current.addTask({
    taskType: "CHG_DNS",
    details: [
      { domainName: "ok-1.example.com", taskResult: "dns changed" },
      { domainName: "ok-2.example.com", taskResult: "dns changed" },
      { domainName: "bad.example.com", outcome: "failure", failReason: "Registry rejected the host", errorMsg: "EPP 2303" },
    ],
  });
  stack = await EngineStack.create({ example: "read-task-outputs", emulator: emulator.current, credential: ENGINE_KEY, config: { taskNo } });
});

it("preview reads the task (an invoke runs at preview) and plans only the stack", async () => {
  const preview = await stack.preview("--json");
  expect(preview.code).toBe(0);
  expect((JSON.parse(preview.stdout) as { changeSummary: Record<string, number> }).changeSummary).toEqual({ create: 1 });
  expect(requestsOf(emulator.current, "QueryTaskDetailList", taskNo).length).toBeGreaterThan(0);
});

it("up publishes the task's outcome, failures and TaskResults as stack outputs", async () => {
  const up = await stack.up();
  expect(up.code).toBe(0);
  outputs = await stack.outputs();
  expect(outputs).toEqual({
    status: "EXECUTE_FAILURE",
    complete: true,
    counts: { WAITING_EXECUTE: 0, EXECUTING: 0, EXECUTE_SUCCESS: 2, EXECUTE_FAILURE: 1, UNKNOWN: 0 },
    failedDomains: ["bad.example.com: Registry rejected the host (EPP 2303)"],
    taskResults: { "ok-1.example.com": "dns changed", "ok-2.example.com": "dns changed", "bad.example.com": expect.any(String) },
  });
  expect((await stack.state()).resources?.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
});

// Refresh asks providers about resources; this stack has none (the invoke runs with the program), so it reads nothing.
itRefreshesPreviewsAndDestroys({ stack: () => stack, emulator: () => emulator.current, outputs: () => outputs, refreshReads: false });
