/**
 * A domain's registrar settings at one moment - what the registry holds and QueryDomainByDomainName, QueryDnsHost
 * and `Emulator.domainState` read back - and the state a domain spec starts from. A change is a function from one
 * state to the next (./domain-registry applies those whose task detail has succeeded).
 */
import type { DnsHostSpec, DomainSpec } from "../types";

export type LockState = "OPEN" | "CLOSE" | "NONE_SETTING";

export type ContactType = "registrant" | "admin" | "billing" | "tech";

export interface RegistrarState {
  nameServers: string[];
  transferProhibitionLock: LockState;
  updateProhibitionLock: LockState;
  /** WHOIS privacy on (DomainNameProxyService). */
  privacy: boolean;
  /** Labels in lower case, in the order created. */
  dnsHosts: DnsHostSpec[];
  /** RegistrantProfileId per contact type, once changed. */
  contacts: Partial<Record<ContactType, number>>;
}

/** Alibaba Cloud DNS's name servers as the API samples show them ("dns1.hichina.com,dns2.hichina.com"). */
export const ALIYUN_DNS_SERVERS: readonly string[] = ["dns1.hichina.com", "dns2.hichina.com"];

/** A seeded lock: true OPEN, "NONE_SETTING" never set, otherwise CLOSE (what the emulator has always answered). */
const lockOf = (setting: DomainSpec["updateProhibited"]): LockState =>
  setting === true ? "OPEN" : setting === "NONE_SETTING" ? "NONE_SETTING" : "CLOSE";

/** Host names compare case-insensitively and without a trailing dot. */
export const normalizeHost = (host: string): string => host.trim().toLowerCase().replace(/\.$/, "");

export const initialState = (spec: DomainSpec): RegistrarState => ({
  nameServers: (spec.nameServers ?? ALIYUN_DNS_SERVERS).map(normalizeHost),
  transferProhibitionLock: lockOf(spec.transferProhibited),
  updateProhibitionLock: lockOf(spec.updateProhibited),
  privacy: spec.privacy ?? false,
  dnsHosts: (spec.dnsHosts ?? []).map((h) => ({ dnsName: h.dnsName.toLowerCase(), ips: [...new Set(h.ips.map((ip) => ip.trim()))] })),
  contacts: {},
});

/** A copy of a state, so no change shares a list with the state it came from. */
export const copyState = (state: RegistrarState): RegistrarState => ({
  ...state,
  nameServers: [...state.nameServers],
  dnsHosts: state.dnsHosts.map((h) => ({ dnsName: h.dnsName, ips: [...h.ips] })),
  contacts: { ...state.contacts },
});
