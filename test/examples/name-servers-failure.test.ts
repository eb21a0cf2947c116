/** examples/name-servers with a locked domain: the deployment stops at the change, before the dependent step. */
import { outputOf, type TestStack } from "../../testing";
import { runNameServersExample } from "./name-servers-run";

jest.mock("pulumi-alicloud-domain-tasks", () => jest.requireActual("../../index"), { virtual: true });

let stack: TestStack;
afterAll(() => stack?.close());

it("stops with the locked domain's reason and never registers the step that needs the name servers", async () => {
  let program;
  ({ stack, program } = await runNameServersExample(["shop.example.com", "locked.example.com"], ["ns1.new-dns.example", "ns2.new-dns.example"]));
  await expect(outputOf(program.status)).rejects.toThrow(/locked\.example\.com: FailReason: 2304 Object status prohibits operation \(clientUpdateProhibited\)/);
  expect(stack.registrations.map((r) => r.name)).toEqual(["name-servers"]);
});
