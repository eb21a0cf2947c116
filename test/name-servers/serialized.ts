/** The `__provider` text a DomainNameServers sends: a real `new DomainNameServers(...)` under mocks. */
import * as pulumi from "@pulumi/pulumi";
import { DomainNameServers } from "../../provider/name-servers";

export async function serializedNameServersProvider(): Promise<string> {
  let text: string | undefined;
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        text = String((args.inputs as Record<string, unknown>).__provider);
        return { id: "x", state: {} };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
  const resource = new DomainNameServers("probe", { domainNames: ["example.com"], aliyunDns: true });
  await new Promise<void>((resolve) => resource.urn.apply(() => resolve()));
  if (!text) throw new Error("the DomainNameServers was not registered");
  return text;
}
