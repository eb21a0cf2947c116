/**
 * DNS hosts (glue records: name servers under the domain itself, with their addresses), named by the domain's
 * InstanceId (QueryDomainByDomainName's). SaveSingleTaskForCreatingDnsHost and SaveSingleTaskForModifyingDnsHost
 * (`InstanceId`, `DnsName`, `Ip.N`; task types CREATE_DNSHOST, UPDATE_DNSHOST), SaveSingleTaskForSynchronizingDnsHost
 * (`InstanceId`; SYNC_DNSHOST) and SaveSingleTaskForDeletingDnsHost (`InstanceId`, `DnsName`). Nothing public names
 * the task type a delete reports, and the documented types have no delete: the emulator reports UPDATE_DNSHOST.
 * RAM action domain:DnsHostModification for all four (the Domain API's authentication rules).
 *
 * The registry's rules (RFC 5732 host objects): creating a host that exists fails (EPP 2302), modifying or deleting
 * one that does not fails (2303), and deleting one that is a name server of a domain fails (2305). A synchronization
 * always succeeds and changes nothing (the emulator's registrar and registry never disagree). While any DNS-host
 * task of the instance is open, another is refused with TaskIsBeingProcessed, as the API reference documents.
 */
import { isIP } from "node:net";
import { ApiError, apiErrors } from "../errors";
import { CHANGE_FAILURES, type ChangeFailure } from "./change-outcomes";
import { DNS_LABEL, MAX_DNS_HOST_IPS } from "./dns-host-rules";
import type { RegisteredDomain } from "./domain-registry";
import { repeatList, required, type Params } from "./params";
import type { RegistrarState } from "./registrar-state";
import { registrarAction, type RegistrarAction, type RegistrarOperation, type WriteContext } from "./registrar-write";

interface HostChange {
  dnsName: string;
  ips: string[];
}

const illegal = (why: string) => new ApiError(400, "ParameterIllegal", `Parameter illegal. ${why}`);

const readDnsName = (params: Params): string => {
  const dnsName = required(params, "DnsName");
  if (!DNS_LABEL.test(dnsName)) {
    throw illegal(`DnsName=${JSON.stringify(dnsName)}: give the host's label under the domain, e.g. ns1 for ns1.example.com.`);
  }
  return dnsName.toLowerCase();
};

const readHost = (params: Params): HostChange => {
  const dnsName = readDnsName(params);
  const ips = repeatList(params, "Ip");
  if (ips.length === 0) throw apiErrors.missingParameter("Ip");
  if (ips.length > MAX_DNS_HOST_IPS) throw illegal(`Ip lists ${ips.length} addresses; a DNS host has at most ${MAX_DNS_HOST_IPS}.`);
  const bad = ips.find((ip) => isIP(ip) === 0);
  if (bad !== undefined) throw illegal(`Ip=${JSON.stringify(bad)} is not an IPv4 or IPv6 address.`);
  return { dnsName, ips: [...new Set(ips)] };
};

const fqdn = (dnsName: string, domain: RegisteredDomain) => `${dnsName}.${domain.spec.domainName}`;
const has = (state: RegistrarState, dnsName: string) => state.dnsHosts.some((h) => h.dnsName === dnsName);

const hostOperation = (
  taskType: "CREATE_DNSHOST" | "UPDATE_DNSHOST" | "SYNC_DNSHOST",
  read: (params: Params) => HostChange,
  refuse: (change: HostChange, domain: RegisteredDomain, state: RegistrarState, ctx: WriteContext) => ChangeFailure | undefined,
  apply: (change: HostChange) => (state: RegistrarState) => RegistrarState,
): RegistrarOperation<HostChange> => ({
  targets: "InstanceId",
  taskType,
  operation: "DNSHOST",
  refusedWhileOpen: true,
  blockedByUpdateLock: false,
  what: { en: "changing its DNS hosts", zh: "修改DNS host" },
  read,
  refuse,
  apply,
});

const creating = hostOperation(
  "CREATE_DNSHOST",
  readHost,
  (host, domain, state) => (has(state, host.dnsName) ? CHANGE_FAILURES.dnsHostExists(fqdn(host.dnsName, domain)) : undefined),
  (host) => (state) => ({ ...state, dnsHosts: [...state.dnsHosts, host] }),
);

const modifying = hostOperation(
  "UPDATE_DNSHOST",
  readHost,
  (host, domain, state) => (has(state, host.dnsName) ? undefined : CHANGE_FAILURES.dnsHostMissing(fqdn(host.dnsName, domain))),
  (host) => (state) => ({ ...state, dnsHosts: state.dnsHosts.map((h) => (h.dnsName === host.dnsName ? host : h)) }),
);

const deleting = hostOperation(
  "UPDATE_DNSHOST",
  (params) => ({ dnsName: readDnsName(params), ips: [] }),
  (host, domain, state, ctx) => {
    const name = fqdn(host.dnsName, domain);
    if (!has(state, host.dnsName)) return CHANGE_FAILURES.dnsHostMissing(name);
    const served = ctx.registry.domainsServedBy(name, ctx.now);
    return served.length > 0 ? CHANGE_FAILURES.dnsHostInUse(name, served) : undefined;
  },
  (host) => (state) => ({ ...state, dnsHosts: state.dnsHosts.filter((h) => h.dnsName !== host.dnsName) }),
);

const synchronizing = hostOperation(
  "SYNC_DNSHOST",
  () => ({ dnsName: "", ips: [] }), // it names no host: the whole instance is synchronized
  () => undefined,
  () => (state) => state,
);

export const DNS_HOST_ACTIONS: readonly RegistrarAction[] = [
  registrarAction("SaveSingleTaskForCreatingDnsHost", "domain:DnsHostModification", creating),
  registrarAction("SaveSingleTaskForModifyingDnsHost", "domain:DnsHostModification", modifying),
  registrarAction("SaveSingleTaskForDeletingDnsHost", "domain:DnsHostModification", deleting),
  registrarAction("SaveSingleTaskForSynchronizingDnsHost", "domain:DnsHostModification", synchronizing),
];
