/**
 * The name-server change as a task operation: SaveBatchTaskForModifyingDomainDns (CHG_DNS), read back with
 * QueryDomainByDomainName's DnsList. Everything else - finding the same change, the write, the wait, the
 * read-back - is the shared path (../tasks/submit-or-resume).
 */
import type { TaskOperation } from "../tasks/models";
import type { DomainNameServersInfo, NameServerChange } from "./models";
import { queryDomainNameServers, sameNameServers } from "./query-domain";
import { validateNameServerChange } from "./validate";

export const SUBMIT_ACTION = "SaveBatchTaskForModifyingDomainDns";
/** The RAM action SaveBatchTaskForModifyingDomainDns needs. */
export const SUBMIT_RAM_ACTION = "domain:DnsModification";

/** Hosts of Alibaba Cloud DNS, for a domain moved with `aliyunDns: true` (its exact hosts vary by account). */
export const ALIYUN_DNS_HOST = /\.(hichina|alidns)\.com$/i;

/** The wire query: every list flattened to `Name.1`, `Name.2`, ... as the official SDKs send it. */
export const submitQuery = (change: NameServerChange, userClientIp?: string): Record<string, string> => {
  const query: Record<string, string> = { AliyunDns: String(change.aliyunDns === true) };
  change.domainNames.forEach((name, i) => (query[`DomainName.${i + 1}`] = name));
  (change.nameServers ?? []).forEach((host, i) => (query[`DomainNameServer.${i + 1}`] = host));
  if (change.lang) query.Lang = change.lang;
  if (userClientIp) query.UserClientIp = userClientIp;
  return query;
};

/** Whether a domain's name servers are what the change asks for (any order: registries reorder). */
export const nameServersApplied = (change: Pick<NameServerChange, "nameServers" | "aliyunDns">, actual: readonly string[] | undefined): boolean => {
  if (!actual) return false;
  if (change.aliyunDns === true) return actual.length > 0 && actual.every((h) => ALIYUN_DNS_HOST.test(h));
  return sameNameServers(change.nameServers ?? [], actual);
};

export const NAME_SERVER_CHANGE: TaskOperation<NameServerChange, DomainNameServersInfo> = {
  action: SUBMIT_ACTION,
  ramAction: SUBMIT_RAM_ACTION,
  taskType: "CHG_DNS",
  what: "change name servers",
  validate: validateNameServerChange,
  domainsOf: (change) => change.domainNames,
  query: (change) => submitQuery(change),
  readState: (api, domain, change, call) => queryDomainNameServers(api, domain, { ...call, lang: change.lang }),
  isApplied: (change, state) => nameServersApplied(change, state.nameServers),
  describeChange: (change) => (change.aliyunDns ? "Alibaba Cloud DNS" : (change.nameServers ?? []).join(", ")),
  describeState: (state) => state.nameServers.join(", ") || "(no name servers)",
};
