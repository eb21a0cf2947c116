/**
 * QueryDomainByDomainName: one registered domain as the registry sees it now - its name servers (`DnsList.Dns`),
 * locks, WHOIS privacy and expiry, each following the changes whose task details have succeeded (./domain-registry).
 *
 * Fields and formats: aliyun/alibabacloud-typescript-sdk domain-20180129 QueryDomainByDomainNameResponseBody
 * (`DnsList: {Dns: string[]}`), and the API reference (doc 121704): ExpirationDate "2019-12-07 17:02:13",
 * ExpirationDateLong in ms, DomainStatus "1" (in the renewal period), "2" (redemption) or "3" (normal),
 * ExpirationDateStatus "1" (not expired) or "2", ExpirationCurrDateDiff (days left), UpdateProhibitionLock /
 * TransferProhibitionLock NONE_SETTING | OPEN | CLOSE, DomainNameProxyService (privacy on), RealNameStatus.
 * PrivacyServiceStatus and CnnicPrivacyServiceStatus: the models give one value, UN_SUPPORT, as their example;
 * the emulator answers UN_SUPPORT where the service is not offered and OPEN / CLOSE where it is (its choice).
 * Domain-intl (2017-12-18) has no DomainStatus, DomainType or ExpirationDateStatus (its models), so it leaves
 * them out. The same page's sample lists the name servers as one comma-joined string
 * (`"Dns":["dns1.hichina.com,dns2.hichina.com"]`): the `commaJoinedDnsList` quirk answers so.
 */
import { apiErrors } from "../errors";
import type { DomainQuirks, Quirks } from "../types";
import { formatWireTime } from "../wire-time";
import { DAY_MS, type DomainRegistry } from "./domain-registry";
import { required, type Params } from "./params";
import { domainTypeOf, privacyOffer } from "./tld-rules";

const dnsList = (nameServers: string[], quirks: Quirks): string[] =>
  quirks.commaJoinedDnsList && nameServers.length > 0 ? [nameServers.join(",")] : nameServers;

const serviceStatus = (offered: boolean, on: boolean) => (!offered ? "UN_SUPPORT" : on ? "OPEN" : "CLOSE");

/** How to answer: the run's quirks, QueryDomainByDomainName's own, and the API version called. */
export interface DomainAnswerOptions {
  quirks?: Quirks;
  domainQuirks?: DomainQuirks;
  version?: string;
}

export const queryDomainByDomainName = (params: Params, registry: DomainRegistry, now: number, options: DomainAnswerOptions = {}) => {
  const { quirks = {}, domainQuirks = {}, version = "2018-01-29" } = options;
  const name = required(params, "DomainName");
  const domain = registry.get(name);
  if (!domain) throw apiErrors.domainNotExist();
  const { spec } = domain;
  const state = registry.stateAt(domain, now);
  const expired = domain.expiresAt <= now;
  const offer = privacyOffer(spec.domainName, spec.privacySupported);
  const intl = version === "2017-12-18";
  return {
    DomainName: spec.domainName,
    InstanceId: domain.instanceId,
    // `dnsListLagSeconds`: the registry's read shows the name servers as they were that long ago.
    DnsList: { Dns: dnsList(registry.nameServersAt(domain, now - (domainQuirks.dnsListLagSeconds ?? 0) * 1000), quirks) },
    ...(intl ? {} : { DomainStatus: registry.domainStatusAt(domain, now), DomainType: domainTypeOf(spec.domainName) }),
    RegistrationDate: formatWireTime(domain.registeredAt),
    RegistrationDateLong: domain.registeredAt,
    ExpirationDate: formatWireTime(domain.expiresAt),
    ExpirationDateLong: domain.expiresAt,
    ...(intl ? {} : { ExpirationDateStatus: expired ? "2" : "1" }),
    ExpirationCurrDateDiff: Math.floor((domain.expiresAt - now) / DAY_MS),
    UpdateProhibitionLock: state.updateProhibitionLock,
    TransferProhibitionLock: state.transferProhibitionLock,
    DomainNameProxyService: state.privacy,
    PrivacyServiceStatus: serviceStatus(offer === "registrar", state.privacy),
    CnnicPrivacyServiceStatus: serviceStatus(offer === "cnnic", state.privacy),
    RealNameStatus: "SUCCEED",
    RegistrantUpdatingStatus: "NORMAL",
    TransferOutStatus: "NORMAL",
    Premium: false,
  };
};
