/**
 * Moving domains to new name servers (a CHG_DNS task, from SaveBatchTaskForModifyingDomainDns) takes a while,
 * and anything that relies on the new name servers - DNS records, certificate validation, a release - must
 * wait for it. `dnsChange` stands for "the name servers have changed": resources that `dependsOn` it are
 * created only after every domain in the task succeeded, and the deployment stops with each failed domain's
 * reason otherwise.
 *
 * Config: `dnsTaskNo` (required); `lockTaskNo` (optional): a SET_UPDATE_PROHIBITED task submitted once the
 * name servers are right, which this stack then waits for too - after the DNS change, never before.
 */
import * as pulumi from "@pulumi/pulumi";
import { DomainTask } from "pulumi-alicloud-domain-tasks";

const config = new pulumi.Config();

const dnsChange = new DomainTask("dns-change", {
  taskNo: config.require("dnsTaskNo"),
  waitFor: "success",
  timeoutSeconds: 3600,
  maxDelaySeconds: 60,
});

// Resources that need the new name servers go here, each with `{ dependsOn: [dnsChange] }`, for example
// `new alicloud.dns.AlidnsRecord("www", { domainName, rr: "www", type: "A", value }, { dependsOn: [dnsChange] })`.
const lockTaskNo = config.get("lockTaskNo");
const lock = lockTaskNo ? new DomainTask("update-lock", { taskNo: lockTaskNo }, { dependsOn: [dnsChange] }) : undefined;

export const dnsStatus = dnsChange.status;
export const dnsCounts = dnsChange.counts;
// `details` keeps the first `maxDetails` (default 100) details, to keep the state small; `detailsOmitted`
// counts the rest. Raise maxDetails on the DomainTask to export every domain of a bigger batch.
export const domainsMoved = dnsChange.details.apply((details) => details.map((d) => d.domainName));
export const dnsCompletedAt = dnsChange.completedAt;
export const lockStatus = lock ? lock.status : pulumi.output("not requested");
