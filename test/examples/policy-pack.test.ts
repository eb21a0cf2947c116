/**
 * examples/policy-pack: the pack it builds, and its policies judging a stack. PolicyPack is replaced by a
 * recorder (constructing the real one starts a policy server); the policies themselves are the real ones.
 */
import type { PolicyPackArgs, ResourceValidation, ResourceValidationPolicy, StackValidation } from "@pulumi/policy";
import { unknownCheckingProxy } from "@pulumi/policy";
import { runExample } from "./mock-engine";

const packs: { name: string; args: PolicyPackArgs }[] = [];
jest.mock("@pulumi/policy", () => ({
  ...jest.requireActual("@pulumi/policy"),
  PolicyPack: class {
    constructor(name: string, args: PolicyPackArgs) {
      packs.push({ name, args });
    }
  },
}));
jest.mock("pulumi-alicloud-domain-tasks/policies", () => jest.requireActual("../../provider/policies"), { virtual: true });

const TOKEN = "pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainTask";

beforeAll(async () => {
  await runExample("policy-pack");
});

const policy = (name: string) => packs[0].args.policies.find((p) => p.name === name)!;
const collect = async (run: (report: (message: string) => void) => unknown) => {
  const messages: string[] = [];
  await run((m) => messages.push(m));
  return messages;
};

it("builds one pack with both DomainTask policies, the stack one mandatory", () => {
  expect(packs.map((p) => p.name)).toEqual(["domain-tasks"]);
  expect(packs[0].args.policies.map((p) => [p.name, p.enforcementLevel])).toEqual([
    ["domain-task-succeeded", "mandatory"],
    ["domain-task-waits-for-success", "mandatory"],
  ]);
});

it("rejects a stack with a failed DomainTask and passes one whose tasks succeeded", async () => {
  const validateStack = (policy("domain-task-succeeded") as { validateStack: StackValidation }).validateStack;
  const stack = (status: string) => ({
    resources: [{ type: TOKEN, name: "dns-change", urn: "urn:x", props: unknownCheckingProxy({ taskNo: "T", status, complete: true, total: 1, failed: status === "EXECUTE_FAILURE" ? [{ domainName: "a.example.com", failReason: "Locked" }] : [] }) }],
    getConfig: () => ({}),
  });
  expect(await collect((r) => validateStack(stack("EXECUTE_FAILURE") as never, r))).toEqual([
    expect.stringContaining('DomainTask "dns-change" (taskNo T) ended in EXECUTE_FAILURE: 1 of 1 domains failed: a.example.com: Locked'),
  ]);
  expect(await collect((r) => validateStack(stack("EXECUTE_SUCCESS") as never, r))).toEqual([]);
});

it("requires waitFor success (the pack turns the resource policy on)", async () => {
  const validateResource = (policy("domain-task-waits-for-success") as ResourceValidationPolicy).validateResource as ResourceValidation;
  const resource = (waitFor: string) => ({ type: TOKEN, name: "gate", props: unknownCheckingProxy({ taskNo: "T", waitFor }), getConfig: () => ({ require: true }) });
  expect(await collect((r) => validateResource(resource("none") as never, r))).toHaveLength(1);
  expect(await collect((r) => validateResource(resource("success") as never, r))).toEqual([]);
});
