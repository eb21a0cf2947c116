/**
 * What a change to a DomainNameServers' inputs means. The domains (and where the API lives) identify it: a change
 * there replaces it. New name servers (as a set: registries reorder them), or a switch to or from Alibaba Cloud DNS, submit a new change (update); the
 * wait settings change in place without submitting anything.
 */
import { normalizeHostName } from "../../sdk/name-servers/validate";
import { INPUT_DEFAULTS, UNKNOWN_VALUE } from "../inputs";

export const REPLACE_KEYS = ["domainNames", "endpoint", "product", "region"] as const;
/** Changes that submit a new name-server change. */
export const CHANGE_KEYS = ["nameServers", "aliyunDns"] as const;
export const SETTING_KEYS = ["failFast", "timeoutSeconds", "minDelaySeconds", "maxDelaySeconds", "maxDetails", "lang"] as const;

const hosts = (v: unknown) => (Array.isArray(v) ? v.map((h) => (typeof h === "string" ? normalizeHostName(h) : h)) : v);
/** Sets: registries keep name servers in their own order, so a reordering alone is no change to make. */
const asSet = (v: unknown) => (Array.isArray(v) ? [...new Set(hosts(v) as string[])].sort() : v);
const comparable: Record<string, (v: unknown) => unknown> = {
  domainNames: asSet,
  nameServers: asSet,
  aliyunDns: (v) => v === true,
};

const same = (key: string, a: unknown, b: unknown): boolean => {
  const orDefault = (v: unknown) => (v === undefined || v === null ? ((INPUT_DEFAULTS as Record<string, unknown>)[key] ?? null) : v);
  const show = (v: unknown) => JSON.stringify((comparable[key] ?? ((x: unknown) => x))(orDefault(v)));
  if (JSON.stringify(a).includes(UNKNOWN_VALUE) || JSON.stringify(b ?? null).includes(UNKNOWN_VALUE)) return false;
  return show(a) === show(b);
};

export interface NameServersDiff {
  changes: boolean;
  replaces: string[];
  changed: string[];
  /** True when the change itself (nameServers / aliyunDns) differs: update submits a new one. */
  resubmit: boolean;
}

export function diffNameServers(olds: Record<string, unknown>, news: Record<string, unknown>): NameServersDiff {
  const changed = [...REPLACE_KEYS, ...CHANGE_KEYS, ...SETTING_KEYS].filter((key) => !same(key, olds[key], news[key]));
  return {
    changes: changed.length > 0,
    replaces: changed.filter((k) => (REPLACE_KEYS as readonly string[]).includes(k)),
    changed,
    resubmit: changed.some((k) => (CHANGE_KEYS as readonly string[]).includes(k)),
  };
}
