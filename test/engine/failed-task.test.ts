/**
 * A DomainTask on a task that failed, under the real engine. With `waitFor: "success"` the deployment fails naming
 * each failed domain and its FailReason, and the state holds no half-created resource; with `failFast` it fails at
 * the first failure without waiting for the rest; with `waitFor: "completion"` it records the failure and passes.
 */
import { DOMAIN_TASK_TOKEN } from "../../provider/token";
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { gateProgram } from "./support/programs";
import { passed } from "./support/run";
import { EngineStack } from "./support/stack";

const emulator = useEmulator();
const FAILURES = [
  { domainName: "bad-1.example.com", failReason: "Registry rejected the name server ns9.example.net" },
  { domainName: "bad-2.example.com", failReason: "Domain is in clientUpdateProhibited status" },
];

const failedTask = (extra: { domainName: string; finishAfterSeconds?: number }[] = [{ domainName: "ok.example.com" }]) =>
  emulator.current.addTask({
    taskType: "CHG_DNS",
    details: [...extra, ...FAILURES.map((f) => ({ ...f, outcome: "failure" as const, errorMsg: "The operation failed." }))],
  });

const gate = (config: Record<string, string>) =>
  EngineStack.create({ files: gateProgram("failed-task"), emulator: emulator.current, credential: ENGINE_KEY, config });

it('waitFor "success": up fails naming each failed domain and its FailReason, and the state holds no DomainTask', async () => {
  const stack = await gate({ taskNo: failedTask() });
  const up = await stack.up();
  expect(up.code).not.toBe(0);
  for (const f of FAILURES) {
    expect(up.stdout + up.stderr).toContain(f.domainName);
    expect(up.stdout + up.stderr).toContain(f.failReason);
  }
  const state = await stack.state();
  expect(state.resources?.filter((r) => r.type === DOMAIN_TASK_TOKEN)).toEqual([]);
  expect(state.pending_operations ?? []).toEqual([]);
  expect((await stack.outputs())).toEqual({});
});

it("failFast: up fails at the first failed domain without waiting for the details still running", async () => {
  const taskNo = failedTask([{ domainName: "slow.example.com", finishAfterSeconds: 3600 }]);
  const stack = await gate({ taskNo, failFast: "true" });
  const up = await stack.up();
  expect(up.code).not.toBe(0);
  expect(up.stdout + up.stderr).toContain("bad-1.example.com");
  expect(up.stdout + up.stderr).toContain(FAILURES[0].failReason);
  // The slow detail is still running at the service (it finishes in an hour): the gate did not wait for it.
  expect(up.stdout + up.stderr).toContain("1 other detail was not finished yet; the wait stopped at the first failure (failFast)");
  expect(await stack.resources(DOMAIN_TASK_TOKEN)).toEqual([]);
  expect(requestsOf(emulator.current, "QueryTaskDetailList", taskNo).length).toBeGreaterThan(0);
});

it('waitFor "completion": up records the failed task in the state and passes', async () => {
  const taskNo = failedTask();
  const stack = await gate({ taskNo, waitFor: "completion" });
  const up = await stack.up();
  passed(up);
  const outputs = await stack.outputs();
  expect(outputs.status).toBe("EXECUTE_FAILURE");
  expect(outputs.succeeded).toBe(false);
  expect(outputs.failed).toEqual(expect.arrayContaining(FAILURES));
  expect((outputs.failed as unknown[]).length).toBe(FAILURES.length);
  const [task] = await stack.resources(DOMAIN_TASK_TOKEN);
  expect(task.id).toBe(taskNo);
  expect(task.outputs).toMatchObject({ status: "EXECUTE_FAILURE", complete: true, counts: { EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 2 } });
});
