/**
 * A CrossGuard pack with the package's DomainTask policies:
 *   - domain-task-succeeded (mandatory): no DomainTask ended in EXECUTE_FAILURE or is unfinished;
 *   - domain-task-waits-for-success: every DomainTask uses waitFor "success" - on here, see `require`.
 *
 * Install it once (`npm install --prefix examples/policy-pack`, which also builds this package), then run
 * it locally against any stack:
 *   pulumi up --policy-pack examples/policy-pack
 *   pulumi up --policy-pack examples/policy-pack --policy-pack-config policy-config.json
 * with policy-config.json e.g. { "domain-task-succeeded": { "allowIncomplete": true } }; or publish it to
 * your organization with `pulumi policy publish <org>` from this folder and enable it on stacks there.
 */
import { PolicyPack } from "@pulumi/policy";
import { domainTaskSucceeded, waitForSuccessPolicy } from "pulumi-alicloud-domain-tasks/policies";

new PolicyPack("domain-tasks", {
  policies: [domainTaskSucceeded, waitForSuccessPolicy({ require: true })],
});
