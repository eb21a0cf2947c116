/**
 * The rules a name-server change must meet before anything is sent - one owner for the SDK, the resource's
 * `check` and the CLI: domain names and name-server host names are host names (RFC 1123 letters, digits and
 * hyphens; internationalized names in their xn-- form), never IP addresses (a registry delegates to host names;
 * an address belongs to a DNS host, i.e. a glue record), 2 to 13 name servers (registries need at least two;
 * .com and most others take at most 13), no duplicates, and `nameServers` or `aliyunDns: true`, not both.
 */
import { ValidationError } from "../errors";
import type { NameServerChange } from "./models";

export const MIN_NAME_SERVERS = 2;
export const MAX_NAME_SERVERS = 13;

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOST_NAME = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+${LABEL}$`);

/** Lower case, no trailing dot: how host names are compared. */
export const normalizeHostName = (name: string): string => name.trim().toLowerCase().replace(/\.$/, "");

/** One problem with a change: the field as the caller spelled it, the value, and what to do. */
export interface ChangeProblem {
  field: "domainNames" | "nameServers" | "aliyunDns";
  value: unknown;
  message: string;
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** An IPv4 address (every label digits: no top-level domain is numeric) or an IPv6 one. */
const isIpAddress = (value: string): boolean => /^\d+(\.\d+){3}$/.test(normalizeHostName(value)) || /^\[?[0-9a-f:]+:[0-9a-f:.]*\]?$/i.test(value.trim());

const hostProblems = (field: ChangeProblem["field"], what: string, values: unknown): ChangeProblem[] => {
  if (!Array.isArray(values)) return [{ field, value: values, message: `${field} must be a list of ${what}s; got ${show(values)}` }];
  const problems: ChangeProblem[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (typeof value === "string" && isIpAddress(value)) {
      problems.push({
        field,
        value,
        message: `${field} has ${show(value)}, an IP address: give a ${what}${what === "host name" ? " (the name server's name, e.g. ns1.example.net; an address is a DNS host's glue record, not a name server)" : ", e.g. example.com"}`,
      });
    } else if (typeof value !== "string" || !HOST_NAME.test(normalizeHostName(value)) || /^\d+$/.test(normalizeHostName(value).split(".").pop()!)) {
      problems.push({
        field,
        value,
        message: `${field} has ${show(value)}, which is not a ${what}: use letters, digits, hyphens and dots, e.g. ${what === "domain name" ? "example.com" : "ns1.example.net"} (an internationalized name in its xn-- form)`,
      });
    } else if (seen.has(normalizeHostName(value))) {
      problems.push({ field, value, message: `${field} lists ${show(value)} twice; list each ${what} once` });
    } else seen.add(normalizeHostName(value));
  }
  return problems;
};

/** Every problem with `change` (empty when it is good), for callers that report them all (a resource's check). */
export const nameServerChangeProblems = (change: Partial<Record<keyof NameServerChange, unknown>>): ChangeProblem[] => {
  const problems: ChangeProblem[] = [];
  const { domainNames, nameServers, aliyunDns } = change;
  if (Array.isArray(domainNames) && domainNames.length === 0) {
    problems.push({ field: "domainNames", value: domainNames, message: "domainNames is empty: give at least one domain name, e.g. [\"example.com\"]" });
  } else if (domainNames === undefined) {
    problems.push({ field: "domainNames", value: undefined, message: "domainNames is required: the domains whose name servers to change, e.g. [\"example.com\"]" });
  } else problems.push(...hostProblems("domainNames", "domain name", domainNames));

  if (aliyunDns !== undefined && typeof aliyunDns !== "boolean") {
    problems.push({ field: "aliyunDns", value: aliyunDns, message: `aliyunDns must be true or false; got ${show(aliyunDns)}` });
  }
  if (aliyunDns === true && nameServers !== undefined) {
    problems.push({
      field: "nameServers",
      value: nameServers,
      message: "give nameServers or aliyunDns: true, not both (aliyunDns: true moves the domains to Alibaba Cloud DNS's own name servers)",
    });
  } else if (nameServers === undefined && aliyunDns !== true) {
    problems.push({ field: "nameServers", value: undefined, message: `nameServers is required (${MIN_NAME_SERVERS}-${MAX_NAME_SERVERS} host names), or set aliyunDns: true` });
  } else if (nameServers !== undefined) {
    const hosts = hostProblems("nameServers", "host name", nameServers);
    problems.push(...hosts);
    if (hosts.length === 0 && Array.isArray(nameServers) && (nameServers.length < MIN_NAME_SERVERS || nameServers.length > MAX_NAME_SERVERS)) {
      problems.push({
        field: "nameServers",
        value: nameServers,
        message: `nameServers has ${nameServers.length} host name${nameServers.length === 1 ? "" : "s"}; registries take ${MIN_NAME_SERVERS} to ${MAX_NAME_SERVERS}`,
      });
    }
  }
  return problems;
};

/** The change with host names normalized; throws a ValidationError for the first problem. */
export const validateNameServerChange = (change: NameServerChange): NameServerChange => {
  const [first] = nameServerChangeProblems(change);
  if (first) throw new ValidationError(first.field, first.value, `${first.message}.`);
  return {
    domainNames: change.domainNames.map(normalizeHostName),
    ...(change.aliyunDns === true ? { aliyunDns: true } : { nameServers: change.nameServers!.map(normalizeHostName) }),
    ...(change.lang !== undefined && { lang: change.lang }),
  };
};
