/** The DomainNameServers resource, its provider (loaded by package name in the host) and its type token. */
export { DomainNameServers, type DomainNameServersArgs } from "./resource";
export { createDomainNameServersProvider, DomainNameServersProvider, type NameServersProviderOptions } from "./provider";
export { NAME_SERVERS_TOKEN, NAME_SERVERS_TYPE } from "./token";
export type { NameServersState } from "./state";
