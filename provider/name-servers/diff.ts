/**
 * What a change to a DomainNameServers' inputs means. The domains (and where the API lives) identify it: a change
 * there replaces it. New name servers (as a set: registries reorder them), or a switch to or from Alibaba Cloud
 * DNS, submit a new change (update); the wait settings change in place without submitting anything. Comparing is
 * the core's (../core/diff).
 */
import { normalizeHostName } from "../../sdk/name-servers/validate";
import type { ChangeRules, InputsDiff } from "../core/diff";
import { NAME_SERVERS_DEFAULTS } from "./inputs";

export const REPLACE_KEYS = ["domainNames", "endpoint", "product", "region"] as const;
/** Changes that submit a new name-server change. */
export const CHANGE_KEYS = ["nameServers", "aliyunDns"] as const;
export const SETTING_KEYS = ["failFast", "timeoutSeconds", "minDelaySeconds", "maxDelaySeconds", "maxDetails", "lang"] as const;

const hosts = (v: unknown) => (Array.isArray(v) ? v.map((h) => (typeof h === "string" ? normalizeHostName(h) : h)) : v);
/** Sets: registries keep name servers in their own order, so a reordering alone is no change to make. */
const asSet = (v: unknown) => (Array.isArray(v) ? [...new Set(hosts(v) as string[])].sort() : v);

/** How the core diffs a DomainNameServers. */
export const NAME_SERVERS_CHANGES: ChangeRules = {
  replace: REPLACE_KEYS,
  update: [...CHANGE_KEYS, ...SETTING_KEYS],
  defaults: NAME_SERVERS_DEFAULTS,
  comparable: { domainNames: asSet, nameServers: asSet, aliyunDns: (v) => v === true },
};

/** True when the change itself (nameServers / aliyunDns) differs: update submits a new one. */
export const resubmits = (diff: InputsDiff): boolean => diff.changed.some((k) => (CHANGE_KEYS as readonly string[]).includes(k));
