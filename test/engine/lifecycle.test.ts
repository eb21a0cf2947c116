/**
 * What the engine decides from the provider's diff and read: a new timeout updates a DomainTask in place, a new
 * TaskNo or a `triggers` change replaces it, and a refresh records a task that was still running once it has
 * finished (the next `up` then publishes it without waiting again).
 */
import { VirtualClock } from "../../sdk/clock";
import { DOMAIN_TASK_TOKEN } from "../../provider/token";
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { gateProgram } from "./support/programs";
import { passed } from "./support/run";
import { EngineStack } from "./support/stack";

const clock = new VirtualClock(Date.now());
const emulator = useEmulator({ clock });

/** The preview's lines for the DomainTask "gate", e.g. "~  pulumi-nodejs:dynamic/...:DomainTask gate update [diff: ~timeoutSeconds]". */
const gateLines = async (stack: EngineStack): Promise<string[]> => {
  const preview = passed(await stack.preview());
  return preview.stdout.split("\n").filter((line) => /DomainTask gate (create|update|replace|delete)/.test(line)).map((line) => line.trim());
};

describe("changing the inputs of a deployed DomainTask", () => {
  let stack: EngineStack;
  let first: string;

  beforeAll(async () => {
    first = emulator.current.addTask({ details: [{ domainName: "first.example.com" }] });
    stack = await EngineStack.create({ files: gateProgram("lifecycle"), emulator: emulator.current, credential: ENGINE_KEY, config: { taskNo: first } });
    passed(await stack.up());
  });

  it("a new timeout is an update in place: the same resource, read again under the new setting", async () => {
    await stack.setConfig({ timeoutSeconds: "900" });
    expect(await gateLines(stack)).toEqual([expect.stringMatching(/^~ .*DomainTask gate update \[diff: ~timeoutSeconds\]$/)]);
    const before = requestsOf(emulator.current, "QueryTaskDetailList", first).length;
    passed(await stack.up());
    const [task] = await stack.resources(DOMAIN_TASK_TOKEN);
    expect(task.id).toBe(first);
    expect(task.outputs?.timeoutSeconds).toBe(900);
    expect(requestsOf(emulator.current, "QueryTaskDetailList", first).length).toBeGreaterThan(before);
  });

  it("a new TaskNo replaces it: the new task is waited on, the old resource forgotten", async () => {
    const second = emulator.current.addTask({ details: [{ domainName: "second.example.com" }] });
    await stack.setConfig({ taskNo: second });
    expect(await gateLines(stack)).toContainEqual(expect.stringMatching(/^\+- .*DomainTask gate replace \[diff: ~taskNo\]$/));
    passed(await stack.up());
    expect((await stack.resources(DOMAIN_TASK_TOKEN)).map((t) => t.id)).toEqual([second]);
    expect(requestsOf(emulator.current, "QueryTaskDetailList", second).length).toBeGreaterThan(0);
  });

  it("a new trigger replaces it too, waiting on the same task again", async () => {
    const [before] = await stack.resources(DOMAIN_TASK_TOKEN);
    const reads = requestsOf(emulator.current, "QueryTaskDetailList", before.id).length;
    await stack.setConfig({ trigger: "release-2" });
    expect(await gateLines(stack)).toContainEqual(expect.stringMatching(/^\+- .*DomainTask gate replace \[diff: \+triggers\]$/));
    passed(await stack.up());
    const [after] = await stack.resources(DOMAIN_TASK_TOKEN);
    expect(after.id).toBe(before.id);
    expect(after.inputs?.triggers).toEqual(["release-2"]);
    expect(requestsOf(emulator.current, "QueryTaskDetailList", before.id).length).toBeGreaterThan(reads);
  });
});

describe('refresh of a DomainTask recorded while its task ran (waitFor "none")', () => {
  let stack: EngineStack;
  let taskNo: string;

  beforeAll(async () => {
    taskNo = emulator.current.addTask({ details: [{ domainName: "later.example.com", startAfterSeconds: 0, finishAfterSeconds: 600 }] });
    stack = await EngineStack.create({ files: gateProgram("lifecycle-refresh"), emulator: emulator.current, credential: ENGINE_KEY, config: { taskNo, waitFor: "none" } });
    passed(await stack.up());
    expect((await stack.outputs()).status).toBe("EXECUTING");
  });

  it("records the finished task in the state, saying what changed", async () => {
    clock.advance(600_000);
    const refresh = passed(await stack.refresh());
    expect(refresh.stdout).toContain(`DomainTask ${taskNo}: status was EXECUTING, is now EXECUTE_SUCCESS`);
    const [task] = await stack.resources(DOMAIN_TASK_TOKEN);
    expect(task.outputs).toMatchObject({ status: "EXECUTE_SUCCESS", complete: true, succeeded: true });
  });

  it("the next up publishes it from the state, without reading the task again", async () => {
    const before = requestsOf(emulator.current, "QueryTaskDetailList", taskNo).length;
    expect(await gateLines(stack)).toEqual([]);
    passed(await stack.up());
    expect(await stack.outputs()).toMatchObject({ status: "EXECUTE_SUCCESS", succeeded: true });
    expect(requestsOf(emulator.current, "QueryTaskDetailList", taskNo).length).toBe(before);
  });
});
