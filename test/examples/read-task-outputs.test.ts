/** examples/read-task-outputs under mocks: getTaskDetailsOutput reads the emulator and feeds the outputs. */
import { runExampleOnEmulator, valueOf, type ExampleRun } from "./mock-engine";

jest.mock("pulumi-alicloud-domain-tasks", () => jest.requireActual("../../index"), { virtual: true });

let run: ExampleRun;

beforeAll(async () => {
  run = await runExampleOnEmulator("read-task-outputs", "read-task-outputs", (emulator) => ({
    taskNo: emulator.addTask({
      taskType: "ORDER_RENEW",
      details: [
        { domainName: "a.example.com", outcome: "success", taskResult: "renewed until 2028-01-01" },
        { domainName: "b.example.com", outcome: "failure", failReason: "Insufficient balance", errorMsg: "ACCOUNT_BALANCE" },
        { domainName: "c.example.com", outcome: "failure", failReason: "Domain is expired beyond redemption", errorMsg: "REDEMPTION_OVER" },
      ],
    }),
  }));
});
afterAll(async () => {
  await run?.emulator.close();
});

it("exports the failed domains with their reasons and each domain's TaskResult", async () => {
  const { program } = run;
  expect(await valueOf(program.status)).toBe("EXECUTE_FAILURE");
  expect(await valueOf(program.complete)).toBe(true);
  expect(await valueOf(program.counts)).toMatchObject({ EXECUTE_SUCCESS: 1, EXECUTE_FAILURE: 2 });
  expect(await valueOf(program.failedDomains)).toEqual([
    "b.example.com: Insufficient balance (ACCOUNT_BALANCE)",
    "c.example.com: Domain is expired beyond redemption (REDEMPTION_OVER)",
  ]);
  expect(await valueOf(program.taskResults)).toEqual({
    "a.example.com": "renewed until 2028-01-01",
    "b.example.com": "",
    "c.example.com": "",
  });
});
