/**
 * examples/name-servers under the testing kit: the DomainNameServers runs its real provider against the emulator,
 * changes two domains once, and the dependent step is registered only after the change finished
 * (name-servers-failure.test.ts: a failed domain stops it). Requires `npm run build`.
 */
import { outputOf, type TestStack } from "../../testing";
import { runNameServersExample } from "./name-servers-run";

jest.mock("pulumi-alicloud-domain-tasks", () => jest.requireActual("../../index"), { virtual: true });

const NEW = ["ns1.new-dns.example", "ns2.new-dns.example"];
let stack: TestStack;
afterEach(() => stack?.close());

it("changes both domains with one submission, then runs the step that needs the new name servers", async () => {
  let program;
  ({ stack, program } = await runNameServersExample(["shop.example.com", "blog.example.com"], NEW));
  expect(await outputOf(program.status)).toBe("EXECUTE_SUCCESS");
  expect(await outputOf(program.currentNameServers)).toEqual({ "shop.example.com": NEW, "blog.example.com": NEW });
  expect(await outputOf(program.delegation)).toBe("ns1.new-dns.example.");
  expect(stack.emulator.stats().byAction.SaveBatchTaskForModifyingDomainDns).toBe(1);
  const change = stack.registration("name-servers");
  expect(change.type).toBe("pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainNameServers");
  expect(stack.registration("check-delegation").began).toBeGreaterThan(change.finished!);
});
