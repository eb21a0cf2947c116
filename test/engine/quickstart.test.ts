/**
 * examples/quickstart under the real engine, step by step as a user runs it: stack init and config, preview, up,
 * stack output against what the emulator holds, refresh, a second preview that must show no change, destroy.
 */
import { DOMAIN_TASK_TOKEN } from "../../provider/token";
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { itRefreshesPreviewsAndDestroys } from "./support/lifecycle";
import { EngineStack } from "./support/stack";

const emulator = useEmulator();
let stack: EngineStack;
let taskNo: string;
let outputs: Record<string, unknown>;

beforeAll(async () => {
  taskNo = emulator.current.addTask({
    taskType: "ORDER_RENEW",
    details: [{ domainName: "shop.example.com", finishAfterSeconds: 2, taskResult: "renewed until 2027-12-01" }],
  });
  stack = await EngineStack.create({ example: "quickstart", emulator: emulator.current, credential: ENGINE_KEY, config: { taskNo } });
});

const queries = () => requestsOf(emulator.current, "QueryTaskDetailList", taskNo).length;

it("preview plans the stack and its DomainTask without reading the task", async () => {
  const preview = await stack.preview("--json");
  expect(preview.code).toBe(0);
  const plan = JSON.parse(preview.stdout) as { steps: { op: string; urn: string }[]; changeSummary: Record<string, number> };
  expect(plan.changeSummary).toEqual({ create: 2 });
  expect(plan.steps.filter((s) => s.op === "create").map((s) => s.urn.split("::").pop())).toEqual(
    expect.arrayContaining(["domain-task", `domain-task-gate-${stack.name}`]),
  );
  expect(queries()).toBe(0);
});

it("up waits for the task and the stack outputs are what the emulator holds", async () => {
  const up = await stack.up();
  expect(up.code).toBe(0);
  outputs = await stack.outputs();
  expect(outputs).toEqual({
    status: "EXECUTE_SUCCESS",
    succeeded: true,
    counts: { WAITING_EXECUTE: 0, EXECUTING: 0, EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 0, UNKNOWN: 0 },
    failedDomains: [],
    taskResult: "renewed until 2027-12-01",
  });
  const [task] = await stack.resources(DOMAIN_TASK_TOKEN);
  expect(task.id).toBe(taskNo);
  expect(task.outputs).toMatchObject({ taskNo, total: 1, verified: true, complete: true });
  expect(queries()).toBeGreaterThan(0);
});

itRefreshesPreviewsAndDestroys({ stack: () => stack, emulator: () => emulator.current, outputs: () => outputs });
