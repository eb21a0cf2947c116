/**
 * examples/policy-pack under the real engine (`--policy-pack`; the engine runs the pack through our language host's
 * RunPlugin): a violation for a DomainTask that recorded a failed task, none for one that succeeded, and the
 * waits-for-success policy for a DomainTask that does not wait.
 */
import { ENGINE_KEY, useEmulator } from "./support/emulator";
import { passed, type RunResult } from "./support/run";
import { createProject, EngineStack } from "./support/stack";

const emulator = useEmulator();
let pack: string;

beforeAll(() => {
  pack = createProject({ example: "policy-pack" });
});

/** The quickstart on a fresh task, with `waitFor`, already deployed once (so its outputs are known at preview). */
async function deployedQuickstart(outcome: "success" | "failure", waitFor: string): Promise<EngineStack> {
  const taskNo = emulator.current.addTask({
    details: [{ domainName: `policy-${outcome}.example.com`, outcome, failReason: outcome === "failure" ? "Registry timeout" : undefined }],
  });
  const stack = await EngineStack.create({ example: "quickstart", emulator: emulator.current, credential: ENGINE_KEY, config: { taskNo, waitFor } });
  passed(await stack.up());
  return stack;
}

const printed = (r: RunResult) => r.stdout + r.stderr;

it("preview --policy-pack: a mandatory violation naming the failed domain blocks a stack whose task failed", async () => {
  const stack = await deployedQuickstart("failure", "completion");
  const preview = await stack.preview("--policy-pack", pack);
  expect(preview.code).not.toBe(0);
  expect(printed(preview)).toContain("domain-task-succeeded");
  expect(printed(preview)).toMatch(/mandatory/);
  expect(printed(preview)).toContain("policy-failure.example.com");
  expect(printed(preview)).toContain("Registry timeout");
});

it("preview --policy-pack: no violation for a stack whose task succeeded", async () => {
  const stack = await deployedQuickstart("success", "success");
  const preview = passed(await stack.preview("--policy-pack", pack));
  expect(printed(preview)).not.toContain("domain-task-succeeded");
  expect(printed(preview)).not.toContain("domain-task-waits-for-success");
  expect(printed(preview)).toMatch(/Policies:[\s\S]*domain-tasks/);
});

it('up --policy-pack: a DomainTask with waitFor "none" breaks the waits-for-success policy before anything is created', async () => {
  const taskNo = emulator.current.addTask({ details: [{ domainName: "policy-none.example.com", finishAfterSeconds: 3600 }] });
  const stack = await EngineStack.create({ example: "quickstart", emulator: emulator.current, credential: ENGINE_KEY, config: { taskNo, waitFor: "none" } });
  const up = await stack.pulumi(["up", "--yes", "--policy-pack", pack]);
  expect(up.code).not.toBe(0);
  expect(printed(up)).toContain("domain-task-waits-for-success");
  expect((await stack.state()).resources ?? []).toEqual([]);
});
