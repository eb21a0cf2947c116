/**
 * The CrossGuard policies, called the way the policy server calls them: with built validation args and a
 * violation collector. Unknown values are the policy server's own proxy and sentinels, as in a preview.
 */
import type { PolicyResource, ResourceValidation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { unknownCheckingProxy } from "@pulumi/policy";
import * as policyProxy from "@pulumi/policy/proxy";
import {
  DOMAIN_TASK_TOKEN,
  domainTaskSucceeded,
  domainTaskWaitsForSuccess,
  taskOutcomePolicy,
  waitForSuccessPolicy,
} from "../../provider/policies";

/** The sentinel the policy server puts where a string is unknown during preview (not in the typings). */
const unknownStringValue = (policyProxy as unknown as { unknownStringValue: unknown }).unknownStringValue;

const urn = (name: string) => `urn:pulumi:dev::gate::${DOMAIN_TASK_TOKEN}::${name}`;

const taskResource = (name: string, props: Record<string, unknown>, type = DOMAIN_TASK_TOKEN): PolicyResource =>
  ({ type, name, urn: urn(name), props: unknownCheckingProxy(props), opts: {}, dependencies: [], propertyDependencies: {} }) as unknown as PolicyResource;

const stackArgs = (resources: PolicyResource[], config: Record<string, unknown> = {}): StackValidationArgs =>
  ({ resources, stackTags: new Map(), getConfig: () => config, notApplicable: () => { throw new Error("n/a"); } }) as unknown as StackValidationArgs;

async function violationsOf(run: (report: (message: string, urn?: string) => void) => unknown): Promise<{ message: string; urn?: string }[]> {
  const found: { message: string; urn?: string }[] = [];
  await run((message, u) => found.push({ message, urn: u }));
  return found;
}

const succeeded = { taskNo: "T-OK", status: "EXECUTE_SUCCESS", complete: true, total: 2, failed: [], counts: { EXECUTE_SUCCESS: 2 } };
const failed = {
  taskNo: "T-BAD",
  status: "EXECUTE_FAILURE",
  complete: true,
  total: 4,
  counts: { EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 3 },
  failed: [
    { domainName: "a.example.com", failReason: "DNS server not registered", errorMsg: "" },
    { domainName: "b.example.com", failReason: "", errorMsg: "Domain is locked" },
    { domainName: "c.example.com", failReason: "Registry refused", errorMsg: "REGISTRY_REFUSED" },
  ],
};
const running = { taskNo: "T-RUN", status: "EXECUTING", complete: false, total: 2, failed: [], counts: { EXECUTING: 1, EXECUTE_SUCCESS: 1 } };

describe("domainTaskSucceeded (stack policy)", () => {
  const validate = (resources: PolicyResource[], config?: Record<string, unknown>) =>
    violationsOf((report) => domainTaskSucceeded.validateStack!(stackArgs(resources, config), report));

  it("is mandatory by default", () => {
    expect(domainTaskSucceeded.enforcementLevel).toBe("mandatory");
  });

  it("passes a stack whose DomainTasks all succeeded, ignoring other resources", async () => {
    const other = taskResource("bucket", { status: "EXECUTE_FAILURE" }, "alicloud:oss/bucket:Bucket");
    expect(await validate([taskResource("ok", succeeded), other])).toEqual([]);
  });

  it("names the resource and every failed domain with its reason", async () => {
    const found = await validate([taskResource("ok", succeeded), taskResource("dns", failed)]);
    expect(found).toHaveLength(1);
    expect(found[0].urn).toBe(urn("dns"));
    expect(found[0].message).toContain('DomainTask "dns" (taskNo T-BAD) ended in EXECUTE_FAILURE');
    expect(found[0].message).toContain("a.example.com: DNS server not registered");
    expect(found[0].message).toContain("b.example.com: Domain is locked");
    expect(found[0].message).toContain("c.example.com: Registry refused (REGISTRY_REFUSED)");
    expect(found[0].message).toContain("3 of 4 domains failed");
  });

  it("names the first 20 failed domains of a big task and counts the rest", async () => {
    const many = Array.from({ length: 23 }, (_, i) => ({ domainName: `d${i + 1}.example.com`, failReason: "Locked", errorMsg: "" }));
    const [violation] = await validate([taskResource("big", { ...failed, total: 30, failed: many })]);
    expect(violation.message).toContain("23 of 30 domains failed");
    expect(violation.message).toContain("d20.example.com: Locked; and 3 more.");
    expect(violation.message).not.toContain("d21.example.com");
  });

  it("fails a task that has not completed, unless allowIncomplete is configured", async () => {
    const found = await validate([taskResource("later", running)]);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('DomainTask "later" (taskNo T-RUN) has not completed (status EXECUTING');
    expect(await validate([taskResource("later", running)], { allowIncomplete: true })).toEqual([]);
    // The option only relaxes incompleteness: a failure is still a violation.
    expect(await validate([taskResource("dns", failed)], { allowIncomplete: true })).toHaveLength(1);
  });

  it("skips DomainTasks whose outcome is unknown during preview, and judges the others", async () => {
    const previewed = taskResource("new", { taskNo: "T-NEW", status: unknownStringValue, complete: unknownStringValue });
    const found = await validate([previewed, taskResource("dns", failed)]);
    expect(found.map((v) => v.urn)).toEqual([urn("dns")]);
  });

  it("builds variants with another enforcement level", () => {
    expect(taskOutcomePolicy({ enforcementLevel: "advisory" }).enforcementLevel).toBe("advisory");
  });
});

describe("domainTaskWaitsForSuccess (resource policy)", () => {
  const resourceArgs = (props: Record<string, unknown>, config: Record<string, unknown>, type = DOMAIN_TASK_TOKEN): ResourceValidationArgs =>
    ({ type, name: "gate", urn: urn("gate"), props: unknownCheckingProxy(props), opts: {}, getConfig: () => config }) as unknown as ResourceValidationArgs;
  const validate = (props: Record<string, unknown>, config: Record<string, unknown>, type?: string) =>
    violationsOf((report) => (domainTaskWaitsForSuccess.validateResource as ResourceValidation)(resourceArgs(props, config, type), report));

  it("accepts anything while the pack does not require it", async () => {
    expect(await validate({ taskNo: "T", waitFor: "none" }, {})).toEqual([]);
  });

  it("when required, rejects waitFor other than success and says what to set", async () => {
    const found = await validate({ taskNo: "T", waitFor: "completion" }, { require: true });
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('DomainTask "gate" has waitFor "completion"; this stack requires waitFor "success"');
    expect(await validate({ taskNo: "T", waitFor: "none" }, { require: true })).toHaveLength(1);
  });

  it("when required, accepts waitFor success, an absent waitFor (the default) and other resource types", async () => {
    expect(await validate({ taskNo: "T", waitFor: "success" }, { require: true })).toEqual([]);
    expect(await validate({ taskNo: "T" }, { require: true })).toEqual([]);
    expect(await validate({ waitFor: "none" }, { require: true }, "aws:s3/bucket:Bucket")).toEqual([]);
  });

  it("leaves a waitFor unknown during preview to the update", async () => {
    expect(await validate({ taskNo: "T", waitFor: unknownStringValue }, { require: true })).toEqual([]);
  });

  it("can default to required", () => {
    const policy = waitForSuccessPolicy({ require: true });
    expect(policy.configSchema?.properties?.require).toEqual({ type: "boolean", default: true });
  });
});
