/** A registered domain's registry state in the emulator's public shape (`Emulator.domainState`, the admin API). */
import type { DomainState } from "../types";
import type { DomainRegistry } from "./domain-registry";

export const describeDomain = (registry: DomainRegistry, domainName: string, now: number): DomainState | undefined => {
  const domain = registry.get(domainName);
  if (!domain) return undefined;
  const state = registry.stateAt(domain, now);
  return {
    domainName: domain.spec.domainName,
    instanceId: domain.instanceId,
    nameServers: state.nameServers,
    transferProhibitionLock: state.transferProhibitionLock,
    updateProhibitionLock: state.updateProhibitionLock,
    privacy: state.privacy,
    dnsHosts: state.dnsHosts,
    contacts: state.contacts,
    expiresAt: domain.expiresAt,
    domainStatus: registry.domainStatusAt(domain, now),
  };
};
