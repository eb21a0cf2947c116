/**
 * Moves domains to new name servers at the registrar and gates what needs them on the change. `nameServers` submits
 * SaveBatchTaskForModifyingDomainDns and waits until every domain's change succeeded; `checkDelegation`, which
 * `dependsOn` it, runs only then (here it asks the public DNS for the delegation; in a real stack it could be the DNS
 * records at the new provider, a certificate's DNS validation, a release). A failed domain stops the deployment
 * with the registry's reason, before anything that depends on it.
 *
 * Config: `domains` and `nameServers` (JSON lists), e.g.
 *   pulumi config set --path 'domains[0]' example.com
 *   pulumi config set --path 'nameServers[0]' ns1.example.net; pulumi config set --path 'nameServers[1]' ns2.example.net
 * Running it again after an interruption waits on the change already submitted; it never submits it twice.
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { DomainNameServers } from "pulumi-alicloud-domain-tasks";

const config = new pulumi.Config();
const domains = config.requireObject<string[]>("domains");

const nameServers = new DomainNameServers("name-servers", {
  domainNames: domains,
  nameServers: config.requireObject<string[]>("nameServers"),
  timeoutSeconds: 3600,
});

const checkDelegation = new command.local.Command(
  "check-delegation",
  { create: domains.map((d) => `dig +short NS ${d}`).join(" && ") },
  { dependsOn: [nameServers] },
);

export const taskNo = nameServers.taskNo;
export const status = nameServers.status;
export const currentNameServers = nameServers.currentNameServers;
export const delegation = checkDelegation.stdout;
