/**
 * Reads a task once (no waiting, no resource in the state) and publishes what it came to: useful in a
 * stack that reports on tasks submitted elsewhere, or next to a DomainTask with `waitFor: "completion"`.
 *
 * Config: `taskNo` (required).
 */
import * as pulumi from "@pulumi/pulumi";
import { getTaskDetailsOutput } from "pulumi-alicloud-domain-tasks";

const config = new pulumi.Config();
const task = getTaskDetailsOutput({ taskNo: config.require("taskNo"), lang: "en" });

export const status = task.status;
export const complete = task.complete;
export const counts = task.counts;
/** "domain: FailReason (ErrorMsg)" for each failed domain. */
export const failedDomains = task.failed.apply((failed) =>
  failed.map((f) => `${f.domainName}: ${f.failReason}${f.errorMsg ? ` (${f.errorMsg})` : ""}`),
);
/** TaskResult per domain (for a single-domain task also in `task.taskResult`). */
export const taskResults = task.details.apply((details) => Object.fromEntries(details.map((d) => [d.domainName, d.taskResult])));
