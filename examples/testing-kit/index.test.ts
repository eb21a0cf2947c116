/**
 * A unit test of this stack, offline: the testing kit starts the Domain API emulator and runs the DomainTask's
 * real provider against it. The aliyun CLI never runs under mocks, so the Command's output is given here: a
 * task submitted to the emulator, as the CLI would have printed it.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { outputOf, startTestStack, type TestStack } from "pulumi-alicloud-domain-tasks/testing";

const domains = ["shop.example.com", "blog.example.com"];
let stack: TestStack;
let program: typeof import("./index");

beforeAll(async () => {
  stack = await startTestStack({
    project: "testing-kit",
    config: { domains: JSON.stringify(domains), nameServers: JSON.stringify(["ns1.example.net", "ns2.example.net"]) },
    resources: {
      "command:local:Command": () => {
        const taskNo = stack.emulator.addTask({ taskType: "CHG_DNS", details: domains.map((domainName) => ({ domainName, finishAfterSeconds: 1 })) });
        return { stdout: JSON.stringify({ RequestId: "7C3B9F2E-0000-4000-8000-000000000001", TaskNo: taskNo }) };
      },
    },
  });
  // Run the program now that the mocks are in place (a static import would run it before them).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  program = require("./index") as typeof import("./index");
});
afterAll(() => stack?.close());

it("waits for the task the command submitted, and records its outcome", async () => {
  expect(await outputOf(program.status)).toBe("EXECUTE_SUCCESS");
  expect(await outputOf(program.succeeded)).toBe(true);
  expect((await outputOf(program.domainsChanged)).sort()).toEqual([...domains].sort());
  expect(stack.registration("dns-change").inputs.taskNo).toBe(await outputOf(program.taskNo));
});

it("submits once, with the aliyun CLI's list flags", () => {
  const commands = stack.registrations.filter((r) => r.type === "command:local:Command");
  expect(commands).toHaveLength(1);
  expect(commands[0].inputs.create).toBe(
    "aliyun domain SaveBatchTaskForModifyingDomainDns --DomainName.1 shop.example.com --DomainName.2 blog.example.com " +
      "--AliyunDns false --DomainNameServer.1 ns1.example.net --DomainNameServer.2 ns2.example.net",
  );
});
