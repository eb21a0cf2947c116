/**
 * The Automation API as CI systems embed Pulumi: a Node.js script with a LocalWorkspace and an inline program
 * (no Pulumi.yaml program, no language host: the script is the program) gating on a task. `up` resolves with the
 * task's outcome as outputs when it succeeded, and rejects naming each failed domain when it did not.
 */
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { runNodeScript } from "./support/node-script";

const emulator = useEmulator();

/** Runs `up` on an inline program gating on `taskNo`; prints {ok, outputs | message, resources}. */
const SCRIPT = `
const { LocalWorkspace } = require("@pulumi/pulumi/automation");
const { DomainTask } = require("pulumi-alicloud-domain-tasks");
const input = JSON.parse(process.env.SCRIPT_INPUT);

async function main() {
  const program = async () => {
    const gate = new DomainTask("gate", { taskNo: input.taskNo, minDelaySeconds: 1, maxDelaySeconds: 2 });
    return { status: gate.status, failed: gate.failed };
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "ci", projectName: "automation-gate", program },
    { workDir: process.cwd() },
  );
  await stack.setAllConfig({
    "alicloud:accessKey": { value: input.accessKeyId },
    "alicloud:secretKey": { value: input.accessKeySecret, secret: true },
    "alicloud-domain-tasks:endpoint": { value: input.endpoint },
  });
  let outcome;
  try {
    const up = await stack.up({ onOutput: (line) => process.stderr.write(line) });
    outcome = { ok: true, result: up.summary.result, outputs: Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, v.value])) };
  } catch (err) {
    outcome = { ok: false, message: String(err.message) };
  }
  const state = await stack.exportStack();
  outcome.resources = (state.deployment.resources || []).map((r) => r.type);
  console.log(JSON.stringify(outcome));
}
main().catch((err) => { console.error(err); process.exit(1); });
`;

interface Outcome {
  ok: boolean;
  result?: string;
  outputs?: Record<string, unknown>;
  message?: string;
  resources: string[];
}

const input = (taskNo: string) => ({ taskNo, endpoint: emulator.current.url, ...ENGINE_KEY });

it("an inline program's up resolves with the task's outcome once every detail succeeded", async () => {
  const taskNo = emulator.current.addTask({ details: [{ domainName: "ci-1.example.com", finishAfterSeconds: 1 }, { domainName: "ci-2.example.com", finishAfterSeconds: 2 }] });
  const { result } = await runNodeScript<Outcome>("automation-success", SCRIPT, input(taskNo));
  expect(result).toMatchObject({ ok: true, result: "succeeded", outputs: { status: "EXECUTE_SUCCESS", failed: [] } });
  expect(result.resources).toContain("pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainTask");
  expect(requestsOf(emulator.current, "QueryTaskDetailList", taskNo).length).toBeGreaterThan(0);
});

it("an inline program's up rejects naming each failed domain and its reason, and records no DomainTask", async () => {
  const taskNo = emulator.current.addTask({
    details: [
      { domainName: "ci-ok.example.com" },
      { domainName: "ci-bad.example.com", outcome: "failure", failReason: "Name server not registered at the registry" },
    ],
  });
  const { result, printed } = await runNodeScript<Outcome>("automation-failure", SCRIPT, input(taskNo));
  expect(result.ok).toBe(false);
  expect(result.message).toContain("ci-bad.example.com");
  expect(result.message).toContain("Name server not registered at the registry");
  expect(result.resources).not.toContain("pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainTask");
  expect(printed).not.toContain(ENGINE_KEY.accessKeySecret);
});
