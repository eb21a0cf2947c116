/**
 * The Pulumi side of the package: the `DomainTask` dynamic resource, and the provider implementation the
 * dynamic-provider host loads by package name (`pulumi-alicloud-domain-tasks/provider`).
 * The CrossGuard policies live in `./policies` (`pulumi-alicloud-domain-tasks/policies`).
 */
export { DomainTask, type DomainTaskArgs } from "./domain-task";
export { DOMAIN_TASK_MODULE, DOMAIN_TASK_TOKEN, DOMAIN_TASK_TYPE } from "./token";
export { createDomainTaskProvider, DomainTaskProvider, type DomainTaskProviderOptions } from "./provider";
export { WAIT_MODES, INPUT_DEFAULTS, type WaitMode, type DomainTaskInputs } from "./inputs";
export type { DomainTaskState } from "./outputs";
export { REPLACE_KEYS, UPDATE_KEYS } from "./diff";
export * from "./name-servers";
