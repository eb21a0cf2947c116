/**
 * Quickstart: the deployment goes on only once the Domain API task `taskNo` has succeeded.
 *
 *   pulumi config set taskNo <TaskNo from SaveBatchTaskForModifyingDomainDns or any SaveSingleTaskFor... call>
 *   pulumi config set alicloud:accessKey <id> && pulumi config set --secret alicloud:secretKey <secret>
 *   pulumi up
 *
 * Against the offline emulator instead: `npm run emulator` in the repository, then
 * `pulumi config set alicloud-domain-tasks:endpoint http://127.0.0.1:<port>` and its demo key pair.
 *
 * In this repository the example uses the root's @pulumi/pulumi (the copy the linked package loads); a
 * copy of it elsewhere needs `npm install pulumi-alicloud-domain-tasks @pulumi/pulumi`.
 */
import * as pulumi from "@pulumi/pulumi";
import { DomainTask, type WaitMode } from "pulumi-alicloud-domain-tasks";

const config = new pulumi.Config();

const task = new DomainTask("domain-task", {
  taskNo: config.require("taskNo"),
  waitFor: (config.get("waitFor") as WaitMode | undefined) ?? "success",
  timeoutSeconds: config.getNumber("timeoutSeconds") ?? 1800,
});

export const status = task.status;
export const succeeded = task.succeeded;
export const counts = task.counts;
export const failedDomains = task.failed.apply((failed) => failed.map((f) => `${f.domainName}: ${f.failReason || f.errorMsg}`));
export const taskResult = task.taskResult;
