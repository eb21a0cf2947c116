/**
 * The testing kit and the engine agree. The same example program, against the same task (same TaskNo, same
 * details), under `startTestStack` (pulumi-alicloud-domain-tasks/testing: mocks, the real provider in-process) and
 * under `pulumi up`: the stack outputs are the same, so a user's unit test predicts what the deployment does.
 */
import type { TaskSpec } from "../../emulator/types";
import { ENGINE_KEY, useEmulator } from "./support/emulator";
import { runNodeScript } from "./support/node-script";
import { passed } from "./support/run";
import { createProject, EngineStack } from "./support/stack";

const emulator = useEmulator();

/** Runs examples/<example> under the testing kit against its own emulator seeded with `task`; prints the outputs. */
const KIT_SCRIPT = `
require("ts-node").register({ transpileOnly: true, skipProject: true, compilerOptions: { module: "commonjs" } });
const { startTestStack, outputOf } = require("pulumi-alicloud-domain-tasks/testing");
const input = JSON.parse(process.env.SCRIPT_INPUT);

async function main() {
  const stack = await startTestStack({ project: input.project, config: input.config, emulator: { scenario: { tasks: [input.task] } } });
  try {
    const program = require(input.programDir + "/index.ts");
    const outputs = {};
    for (const [name, output] of Object.entries(program)) outputs[name] = await outputOf(output);
    console.log(JSON.stringify(outputs));
  } finally {
    await stack.close();
  }
}
main().catch((err) => { console.error(err); process.exit(1); });
`;

/** Outputs that say when the provider looked, which two runs cannot share. */
const TIMES = ["dnsCompletedAt"];
const timeless = (outputs: Record<string, unknown>) => Object.fromEntries(Object.entries(outputs).filter(([k]) => !TIMES.includes(k)));

const CASES: { example: string; project: string; configKey: string; task: (taskNo: string) => TaskSpec }[] = [
  {
    example: "quickstart",
    project: "domain-task-gate",
    configKey: "taskNo",
    task: (taskNo) => ({ taskNo, taskType: "ORDER_RENEW", details: [{ domainName: "kit-renew.example.com", taskResult: "renewed" }] }),
  },
  {
    example: "gate-dns-change",
    project: "gate-dns-change",
    configKey: "dnsTaskNo",
    task: (taskNo) => ({
      taskNo,
      taskType: "CHG_DNS",
      details: ["kit-a.example.com", "kit-b.example.com", "kit-c.example.com"].map((domainName, i) => ({ domainName, finishAfterSeconds: i })),
    }),
  },
];

it.each(CASES)("examples/$example: the same outputs under startTestStack and under pulumi up", async ({ example, project, configKey, task }) => {
  const taskNo = `5e0c2a7b-0000-4000-8000-00000000000${CASES.findIndex((c) => c.example === example)}`;
  const spec = task(taskNo);
  const programDir = createProject({ example }, `${example}-for-kit`);
  const kit = await runNodeScript<Record<string, unknown>>(`kit-${example}`, KIT_SCRIPT, { project, config: { [configKey]: taskNo }, task: spec, programDir });

  emulator.current.addTask(spec);
  const stack = await EngineStack.create({ example, emulator: emulator.current, credential: ENGINE_KEY, config: { [configKey]: taskNo } });
  passed(await stack.up());
  const engine = await stack.outputs();

  expect(Object.keys(kit.result).length).toBeGreaterThan(2);
  expect(timeless(kit.result)).toEqual(timeless(engine));
});
