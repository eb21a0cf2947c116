/**
 * QueryDomainByDomainName: one registered domain as the registry sees it now - above all `DnsList.Dns`, its name
 * servers, which change when a submitted change's detail succeeds (./domain-registry).
 *
 * Fields and formats: aliyun/alibabacloud-typescript-sdk domain-20180129 QueryDomainByDomainNameResponseBody
 * (`DnsList: {Dns: string[]}`), and the API reference (doc 121704): ExpirationDate "2019-12-07 17:02:13",
 * ExpirationDateLong in ms, DomainStatus "1" (in the renewal period), "2" (redemption) or "3" (normal),
 * UpdateProhibitionLock / TransferProhibitionLock NONE_SETTING | OPEN | CLOSE, RealNameStatus. The same page's
 * sample lists the name servers as one comma-joined string (`"Dns":["dns1.hichina.com,dns2.hichina.com"]`): the
 * `commaJoinedDnsList` quirk answers so.
 */
import { apiErrors } from "../errors";
import { formatWireTime } from "../wire-time";
import type { Quirks } from "../types";
import type { DomainRegistry } from "./domain-registry";
import { required, type Params } from "./params";

const dnsList = (nameServers: string[], quirks: Quirks): string[] =>
  quirks.commaJoinedDnsList && nameServers.length > 0 ? [nameServers.join(",")] : nameServers;

export const queryDomainByDomainName = (params: Params, registry: DomainRegistry, now: number, quirks: Quirks = {}) => {
  const name = required(params, "DomainName");
  const domain = registry.get(name);
  if (!domain) throw apiErrors.domainNotExist();
  const { spec } = domain;
  const expired = domain.expiresAt <= now;
  return {
    DomainName: spec.domainName,
    InstanceId: spec.instanceId ?? `S${spec.domainName.replace(/[^a-z0-9]/g, "").toUpperCase().slice(0, 14)}`,
    DnsList: { Dns: dnsList(registry.nameServersAt(domain, now), quirks) },
    DomainStatus: expired ? "1" : "3",
    DomainType: "gTLD",
    RegistrationDate: formatWireTime(domain.registeredAt),
    RegistrationDateLong: domain.registeredAt,
    ExpirationDate: formatWireTime(domain.expiresAt),
    ExpirationDateLong: domain.expiresAt,
    UpdateProhibitionLock: spec.updateProhibited ? "OPEN" : "CLOSE",
    TransferProhibitionLock: "CLOSE",
    RealNameStatus: "SUCCEED",
    Premium: false,
    DomainNameProxyService: false,
  };
};
