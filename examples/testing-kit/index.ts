/**
 * The TaskNo comes from another resource: `@pulumi/command` runs the aliyun CLI's
 * SaveBatchTaskForModifyingDomainDns, which prints `{"RequestId": "...", "TaskNo": "..."}`, and the DomainTask
 * waits for that task. Anything that needs the new name servers `dependsOn` the DomainTask.
 *
 * Config: `domains` and `nameServers` (JSON lists). The aliyun CLI must be installed and configured where
 * `pulumi up` runs. `index.test.ts` tests this stack offline with pulumi-alicloud-domain-tasks/testing.
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { DomainTask } from "pulumi-alicloud-domain-tasks";

const config = new pulumi.Config();
const domains = config.requireObject<string[]>("domains");
const nameServers = config.requireObject<string[]>("nameServers");

/** `--Name.1 a --Name.2 b`: how the aliyun CLI takes a list parameter of an RPC API. */
const listFlags = (name: string, values: string[]) => values.map((v, i) => `--${name}.${i + 1} ${v}`).join(" ");

const submit = new command.local.Command("submit-dns-change", {
  create: [
    "aliyun domain SaveBatchTaskForModifyingDomainDns",
    listFlags("DomainName", domains),
    "--AliyunDns false",
    listFlags("DomainNameServer", nameServers),
  ].join(" "),
  // A new list of name servers is a new change: submit again.
  triggers: [domains, nameServers],
});

export const taskNo = submit.stdout.apply((stdout) => {
  const answer = JSON.parse(stdout) as { TaskNo?: string };
  if (!answer.TaskNo) throw new Error(`the aliyun CLI printed no TaskNo: ${stdout}`);
  return answer.TaskNo;
});

const dnsChange = new DomainTask("dns-change", { taskNo, timeoutSeconds: 3600, minDelaySeconds: 1 });

export const status = dnsChange.status;
export const succeeded = dnsChange.succeeded;
export const domainsChanged = dnsChange.details.apply((details) => details.map((d) => d.domainName));
