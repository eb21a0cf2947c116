/**
 * QueryDnsHost: a domain's DNS hosts as the registry holds them now, by the domain's InstanceId -
 * `DnsHostList: [{DnsName, IpList: [...]}]`, a plain list as aliyun/alibabacloud-typescript-sdk domain-20180129
 * QueryDnsHostResponseBody declares it (DnsName is the label, "ns3" in its example), `[]` when there are none.
 * A host created, modified or deleted shows here exactly when its task detail has succeeded. RAM action
 * domain:QueryDnsHost (the Domain API's authentication rules); an InstanceId outside the account answers
 * DomainNotExist.
 */
import { apiErrors } from "../errors";
import type { DomainRegistry } from "./domain-registry";
import { required, type Params } from "./params";

export const queryDnsHost = (params: Params, registry: DomainRegistry, now: number) => {
  const domain = registry.byInstanceId(required(params, "InstanceId"));
  if (!domain) throw apiErrors.domainNotExist();
  return { DnsHostList: registry.stateAt(domain, now).dnsHosts.map((h) => ({ DnsName: h.dnsName, IpList: [...h.ips] })) };
};
