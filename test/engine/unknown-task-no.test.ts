/**
 * A TaskNo that is another resource's output, under the real engine: at preview it is unknown, and the DomainTask
 * neither waits nor fails - preview sends no request at all - while `up` creates the other resource first and then
 * gates on the task it made. Two producers: this package's DomainNameServers (its `taskNo`), and a dynamic resource
 * of the program's own. (@pulumi/command, the examples' producer, needs its provider plugin, which cannot be built
 * here: github.com/pulumi/pulumi-command is not served by the Go module proxy.)
 */
import { DOMAIN_TASK_TOKEN } from "../../provider/token";
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { program } from "./support/programs";
import { passed } from "./support/run";
import { EngineStack } from "./support/stack";

/** Pulumi's marker for a value not known until the update (sdk/nodejs/runtime/rpc.ts `unknownValue`). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const emulator = useEmulator({ admin: true });

interface PreviewStep {
  op: string;
  urn: string;
  newState?: { type: string; inputs?: Record<string, unknown> };
}

/** The inputs the preview planned for the DomainTask, and the plan's summary. */
async function previewOf(stack: EngineStack): Promise<{ gate: Record<string, unknown>; summary: Record<string, number> }> {
  const preview = passed(await stack.preview("--json"));
  const plan = JSON.parse(preview.stdout) as { steps: PreviewStep[]; changeSummary: Record<string, number> };
  const gate = plan.steps.find((s) => s.newState?.type === DOMAIN_TASK_TOKEN);
  return { gate: gate?.newState?.inputs ?? {}, summary: plan.changeSummary };
}

describe("the TaskNo of a DomainNameServers change", () => {
  const domains = ["unknown-1.example.com", "unknown-2.example.com"];
  let stack: EngineStack;

  beforeAll(async () => {
    for (const domainName of domains) emulator.current.addDomain({ domainName, changeStartAfterSeconds: 0, changeFinishAfterSeconds: 1 });
    stack = await EngineStack.create({
      files: program(
        "unknown-from-name-servers",
        `import * as pulumi from "@pulumi/pulumi";
import { DomainNameServers, DomainTask } from "pulumi-alicloud-domain-tasks";

const config = new pulumi.Config();
const change = new DomainNameServers("name-servers", {
  domainNames: config.requireObject<string[]>("domains"),
  nameServers: ["ns1.unknown.example.net", "ns2.unknown.example.net"],
  minDelaySeconds: 1,
  maxDelaySeconds: 2,
});
const gate = new DomainTask("change-gate", { taskNo: change.taskNo, minDelaySeconds: 1, maxDelaySeconds: 2 });
export const taskNo = change.taskNo;
export const gateStatus = gate.status;
`,
      ),
      emulator: emulator.current,
      credential: ENGINE_KEY,
      config: { domains: JSON.stringify(domains) },
    });
  });

  it("preview plans the gate with the TaskNo unknown, and sends no request", async () => {
    const before = emulator.current.stats().total;
    const { gate, summary } = await previewOf(stack);
    expect(summary).toEqual({ create: 3 });
    expect(gate.taskNo).toBe(UNKNOWN);
    expect(emulator.current.stats().total).toBe(before);
  });

  it("up submits the change once, then the gate waits on the task it made", async () => {
    passed(await stack.up());
    const outputs = await stack.outputs();
    expect(outputs.gateStatus).toBe("EXECUTE_SUCCESS");
    expect(requestsOf(emulator.current, "SaveBatchTaskForModifyingDomainDns")).toHaveLength(1);
    const [gate] = await stack.resources(DOMAIN_TASK_TOKEN);
    expect(gate.id).toBe(outputs.taskNo);
    expect(requestsOf(emulator.current, "QueryTaskDetailList", outputs.taskNo as string).length).toBeGreaterThan(0);
  });
});

describe("the TaskNo of a dynamic resource of the program's own", () => {
  let stack: EngineStack;

  beforeAll(async () => {
    stack = await EngineStack.create({
      files: program(
        "unknown-from-dynamic",
        `import * as pulumi from "@pulumi/pulumi";
import { DomainTask } from "pulumi-alicloud-domain-tasks";

// Submits a task to the emulator (its admin API standing in for a SaveSingleTaskFor... call) and returns its TaskNo.
const submitter: pulumi.dynamic.ResourceProvider = {
  async create(inputs: Record<string, string>) {
    const answer = await fetch(inputs.admin + "/__emulator/tasks", {
      method: "POST",
      body: JSON.stringify({ taskType: "ORDER_RENEW", details: [{ domainName: "late.example.com", finishAfterSeconds: 1 }] }),
    });
    const { TaskNo } = (await answer.json()) as { TaskNo: string };
    return { id: TaskNo, outs: { ...inputs, taskNo: TaskNo } };
  },
};
class Submission extends pulumi.dynamic.Resource {
  declare readonly taskNo: pulumi.Output<string>;
  constructor(name: string, admin: string) {
    super(submitter, name, { admin, taskNo: undefined }, {});
  }
}

const submission = new Submission("renewal", new pulumi.Config().require("admin"));
const gate = new DomainTask("renewal-gate", { taskNo: submission.taskNo, minDelaySeconds: 1, maxDelaySeconds: 2 });
export const taskNo = submission.taskNo;
export const gateStatus = gate.status;
`,
      ),
      emulator: emulator.current,
      credential: ENGINE_KEY,
      config: { admin: emulator.current.url },
    });
  });

  it("preview neither waits nor fails on the unknown TaskNo", async () => {
    const before = emulator.current.stats().total;
    const { gate, summary } = await previewOf(stack);
    expect(summary).toEqual({ create: 3 });
    expect(gate.taskNo).toBe(UNKNOWN);
    expect(emulator.current.stats().total).toBe(before);
  });

  it("up gates on the task the resource submitted", async () => {
    passed(await stack.up());
    const outputs = await stack.outputs();
    expect(outputs.gateStatus).toBe("EXECUTE_SUCCESS");
    expect(requestsOf(emulator.current, "QueryTaskDetailList", outputs.taskNo as string).length).toBeGreaterThan(0);
  });
});
