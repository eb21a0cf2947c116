/** `queryDomainNameServers`: a domain's name servers now (QueryDomainByDomainName's DnsList), to verify or refresh. */
import { withRamAdvice } from "../tasks/permissions";
import type { DomainActionApi, DomainNameServersInfo } from "./models";
import { normalizeHostName } from "./validate";
import { parseDomain } from "./wire";

/** The RAM action QueryDomainByDomainName needs (its API reference, "授权信息"). */
export const QUERY_DOMAIN_RAM_ACTION = "domain:QueryCommonInfo";

export async function queryDomainNameServers(
  api: DomainActionApi,
  domainName: string,
  options: { signal?: AbortSignal; lang?: "en" | "zh"; timeoutMs?: number } = {},
): Promise<DomainNameServersInfo> {
  const query: Record<string, string> = { DomainName: normalizeHostName(domainName) };
  if (options.lang) query.Lang = options.lang;
  try {
    return await api.callAction("QueryDomainByDomainName", query, parseDomain, { signal: options.signal, timeoutMs: options.timeoutMs });
  } catch (err) {
    throw withRamAdvice(err, QUERY_DOMAIN_RAM_ACTION, "read domains");
  }
}

/** True when two name-server lists name the same hosts (case, trailing dots and order aside: registries reorder). */
export const sameNameServers = (a: readonly string[], b: readonly string[]): boolean => {
  const norm = (list: readonly string[]) => [...new Set(list.map(normalizeHostName))].sort().join(",");
  return norm(a) === norm(b);
};
