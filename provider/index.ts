/**
 * The Pulumi side of the package (`pulumi-alicloud-domain-tasks/provider`): the `DomainTask` dynamic
 * resource, and the provider implementation the dynamic-provider host loads by this package name
 * (provider/serialized-provider.ts: keep `createDomainTaskProvider` here). One block per module.
 * The CrossGuard policies live in `./policies` (`pulumi-alicloud-domain-tasks/policies`).
 */

// The resource, its arguments and its outputs.
export { DomainTask, type DomainTaskArgs } from "./domain-task";
export type { DomainTaskState } from "./outputs";
export type { WaitMode } from "./inputs";
export { DOMAIN_TASK_TOKEN } from "./token";

// The provider the host runs (also handy for calling it directly in tests).
export { createDomainTaskProvider, type DomainTaskProviderOptions } from "./provider";

// DomainNameServers: domains' name servers at the registrar, changed and waited for; its provider, which the host
// loads by this package name (provider/name-servers/serialized-provider.ts: keep createDomainNameServersProvider here).
export {
  createDomainNameServersProvider,
  DomainNameServers,
  NAME_SERVERS_TOKEN,
  type DomainNameServersArgs,
  type NameServersState,
} from "./name-servers";
