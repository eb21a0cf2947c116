/**
 * CrossGuard policies for DomainTask resources (`pulumi-alicloud-domain-tasks/policies`). Importing this
 * module constructs no PolicyPack (which would start a policy server): compose the policies into your own
 * pack, as examples/policy-pack does. Needs `@pulumi/policy` (an optional peer dependency).
 */
export {
  domainTaskSucceeded,
  taskOutcomePolicy,
  TASK_OUTCOME_POLICY_NAME,
  type TaskOutcomePolicyConfig,
  type TaskOutcomePolicyOptions,
} from "./task-outcome-policy";
export {
  domainTaskWaitsForSuccess,
  waitForSuccessPolicy,
  WAIT_FOR_SUCCESS_POLICY_NAME,
  type WaitForSuccessPolicyConfig,
  type WaitForSuccessPolicyOptions,
} from "./wait-for-success-policy";
export { DOMAIN_TASK_TOKEN } from "../token";
