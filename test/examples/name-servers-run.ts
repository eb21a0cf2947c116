/** Runs examples/name-servers under the testing kit, against an account with two domains and a locked one. */
import { startTestStack, type TestStack } from "../../testing";
import { runExample } from "./mock-engine";

const OLD = ["ns1.old-dns.example", "ns2.old-dns.example"];
const domain = (domainName: string, extra = {}) => ({ domainName, nameServers: OLD, changeStartAfterSeconds: 0.2, changeFinishAfterSeconds: 0.5, ...extra });

export async function runNameServersExample(domains: string[], nameServers: string[]) {
  const stack: TestStack = await startTestStack({
    project: "name-servers",
    config: { domains: JSON.stringify(domains), nameServers: JSON.stringify(nameServers) },
    emulator: {
      scenario: { tasks: [], domains: [domain("shop.example.com"), domain("blog.example.com"), domain("locked.example.com", { updateProhibited: true })] },
    },
    // `dig` never runs under mocks: answer as it would once the delegation is in place.
    resources: { "command:local:Command": () => ({ stdout: `${nameServers[0]}.` }) },
  });
  return { stack, program: await runExample("name-servers") };
}
