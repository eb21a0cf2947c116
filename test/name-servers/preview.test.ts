/**
 * `pulumi preview` never submits: a DomainNameServers in a preview (the testing kit with `preview: true`) runs its
 * real provider's check and sends nothing to the Domain API, even with inputs not known yet.
 * Requires `npm run build`.
 */
import * as pulumi from "@pulumi/pulumi";
import { DomainNameServers } from "../../provider/name-servers";
import { outputOf, startTestStack, type TestStack } from "../../testing";
import { NEW_NAME_SERVERS } from "./harness";

let stack: TestStack;
afterEach(() => stack?.close());

it("checks the inputs and sends nothing", async () => {
  stack = await startTestStack({ preview: true, emulator: { scenario: { tasks: [], domains: [{ domainName: "shop.example.com" }] } } });
  const resource = new DomainNameServers("ns", { domainNames: ["shop.example.com"], nameServers: NEW_NAME_SERVERS });
  const later = new DomainNameServers("ns-later", { domainNames: pulumi.output(["shop.example.com"]), nameServers: resource.currentNameServers.apply(() => NEW_NAME_SERVERS) });
  await outputOf(resource.urn);
  await outputOf(later.urn);
  expect(stack.registration("ns").outputs).toMatchObject({ domainNames: ["shop.example.com"], nameServers: NEW_NAME_SERVERS, timeoutSeconds: 1800 });
  expect(stack.emulator.stats().total).toBe(0);
});

it("refuses bad inputs in a preview, naming the input and the value", async () => {
  stack = await startTestStack({ preview: true });
  const resource = new DomainNameServers("bad", { domainNames: ["shop.example.com"], nameServers: NEW_NAME_SERVERS, aliyunDns: true });
  await expect(outputOf(resource.urn)).rejects.toThrow(/^bad: nameServers: give nameServers or aliyunDns: true, not both/);
  expect(stack.emulator.stats().total).toBe(0);
});
