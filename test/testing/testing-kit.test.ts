/**
 * The testing kit (`pulumi-alicloud-domain-tasks/testing`): a DomainTask declared under it runs its real serialized
 * provider against the kit's emulator. Requires `npm run build` (the provider loads the compiled package).
 */
import * as pulumi from "@pulumi/pulumi";
import { DomainTask } from "../../provider";
import { outputOf, startTestStack, type TestStack } from "../../testing";

/** A resource of another provider, which never runs under mocks. */
class Thing extends pulumi.CustomResource {
  declare readonly echoed: pulumi.Output<string>;
  constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
    super("test:index:Thing", name, { ...args, echoed: undefined }, opts);
  }
}

let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

it("hands the provider secret inputs unwrapped, as the engine does", async () => {
  stack = await startTestStack();
  const taskNo = stack.emulator.addTask({ details: [{ domainName: "secret.example.com", outcome: "success" }] });
  const task = new DomainTask("secret-task", { taskNo: pulumi.secret(taskNo), minDelaySeconds: 1 });
  expect(await outputOf(task.status)).toBe("EXECUTE_SUCCESS");
  expect(stack.registration("secret-task").inputs.taskNo).toBe(taskNo);
  expect(stack.emulator.stats().byAction.QueryTaskDetailList).toBeGreaterThan(0);
});

it("rejects the outputs of a resource whose task failed, with the provider's message", async () => {
  stack = await startTestStack();
  const taskNo = stack.emulator.addTask({
    details: [{ domainName: "locked.example.com", outcome: "failure", failReason: "The domain is in clientUpdateProhibited status." }],
  });
  const task = new DomainTask("failing-task", { taskNo, minDelaySeconds: 1 });
  await expect(outputOf(task.status)).rejects.toThrow(/locked\.example\.com.*clientUpdateProhibited/);
  await expect(outputOf(pulumi.output("unrelated"))).rejects.toThrow(/did not succeed/);
  expect(stack.registration("failing-task").error?.message).toMatch(/did not succeed/);
});

it("in a preview, checks inputs but sends nothing to the Domain API", async () => {
  stack = await startTestStack({ preview: true });
  const taskNo = stack.emulator.addTask({ details: [{ domainName: "preview.example.com" }] });
  const task = new DomainTask("previewed", { taskNo });
  await outputOf(task.urn);
  expect(stack.registration("previewed").outputs).toMatchObject({ taskNo, waitFor: "success" });
  expect(stack.emulator.stats().total).toBe(0);
});

it("in a preview, an output the provider computes is reported as not known, instead of never resolving", async () => {
  stack = await startTestStack({ preview: true });
  const taskNo = stack.emulator.addTask({ details: [{ domainName: "preview.example.com" }] });
  const task = new DomainTask("previewed-status", { taskNo });
  await expect(outputOf(task.status)).rejects.toThrow(/not known in a preview/);
  expect(await outputOf(task.taskNo)).toBe(taskNo);
});

it("close() waits for what is still running, which ends once the emulator is gone, and reports nothing after", async () => {
  stack = await startTestStack();
  const slow = stack.emulator.addTask({ details: [{ domainName: "slow.example.com", finishAfterSeconds: 3600 }] });
  const done = stack.emulator.addTask({ details: [{ domainName: "done.example.com" }] });
  const waiting = new DomainTask("still-waiting", { taskNo: slow, minDelaySeconds: 0.2, maxDelaySeconds: 0.5 });
  const finished = new DomainTask("finished", { taskNo: done, minDelaySeconds: 0.2 });
  expect(await outputOf(finished.status)).toBe("EXECUTE_SUCCESS");
  void waiting;
  const running = stack.registration("still-waiting");
  expect(running.finished).toBeUndefined();
  await stack.close();
  expect(running.finished).toBeDefined(); // its provider call settled before close() resolved
  stack = undefined;
});

it("stops the deployment at a resource whose check fails: its dependents are never registered", async () => {
  stack = await startTestStack();
  const taskNo = stack.emulator.addTask({ details: [{ domainName: "bad.example.com" }] });
  const bad = new DomainTask("bad-inputs", { taskNo, timeoutSeconds: -5 });
  new Thing("after-gate", {}, { dependsOn: [bad] });
  await expect(outputOf(bad.status)).rejects.toThrow(/^bad-inputs: timeoutSeconds: timeoutSeconds must be greater than 0; got -5$/);
  expect(stack.registrations.map((r) => r.name)).toEqual(["bad-inputs"]);
  expect(stack.emulator.stats().total).toBe(0);
});

it("gives other resources the outputs the test names, and points the provider at the emulator by stack config", async () => {
  stack = await startTestStack({
    project: "kit",
    config: { owner: "team-dns" },
    resources: { "test:index:Thing": (args) => ({ echoed: args.name }) },
  });
  const thing = new Thing("thing", { size: 3 });
  expect(await outputOf(thing.echoed)).toBe("thing");
  expect(stack.registration("thing").outputs).toEqual({ size: 3, echoed: "thing" });
  expect(new pulumi.Config("kit").get("owner")).toBe("team-dns");
  expect(new pulumi.Config("alicloud-domain-tasks").get("endpoint")).toBe(stack.emulator.url);
  expect(() => stack!.registration("nothing")).toThrow(/no resource named "nothing" was registered; registered: thing/);
});
