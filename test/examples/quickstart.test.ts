/** examples/quickstart (the root Pulumi.yaml's program) under mocks, its DomainTask run by its real provider. */
import { runExampleOnEmulator, valueOf, type ExampleRun } from "./mock-engine";

jest.mock("pulumi-alicloud-domain-tasks", () => jest.requireActual("../../index"), { virtual: true });

let run: ExampleRun;
let taskNo: string;

beforeAll(async () => {
  run = await runExampleOnEmulator("quickstart", "domain-task-gate", (emulator) => {
    taskNo = emulator.addTask({
      details: [{ domainName: "example.com", finishAfterSeconds: 1, outcome: "success", taskResult: "dns1.example.net,dns2.example.net" }],
    });
    return { taskNo, timeoutSeconds: "60" };
  });
});
afterAll(async () => {
  await run?.emulator.close();
});

it("gates on the configured task and exports its outcome", async () => {
  const { program, engine } = run;
  expect(await valueOf(program.status)).toBe("EXECUTE_SUCCESS");
  expect(await valueOf(program.succeeded)).toBe(true);
  expect(await valueOf(program.counts)).toMatchObject({ EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 0 });
  expect(await valueOf(program.failedDomains)).toEqual([]);
  expect(await valueOf(program.taskResult)).toBe("dns1.example.net,dns2.example.net");
  const [task] = engine.registrations;
  expect(task).toMatchObject({ type: "pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainTask", name: "domain-task" });
  expect(task.inputs).toMatchObject({ taskNo, waitFor: "success", timeoutSeconds: 60 });
});
