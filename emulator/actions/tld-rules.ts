/**
 * What a domain's TLD decides: whether WHOIS privacy can be had for it, and which DomainType QueryDomainByDomainName
 * reports. The choices and their sources are in docs/emulator-actions.md ("WHOIS privacy").
 *
 * - Registries that forbid privacy and proxy registrations: the registrar restrictions Namecheap lists for its
 *   WhoisGuard ("Due to registry restrictions, WhoisGuard cannot be used with .ca, .ch, .co.uk, .com.au, .de, .es,
 *   .eu, .fr, ..., .in, .us ..."), quoted in chubin/wttr.in#493 with .in's own registrant terms ("Any kind of proxy
 *   services are not allowed"); .eu refused by AWS as well (hashicorp/terraform-provider-aws#44538). Matched on the
 *   last label, so .co.uk and .com.au follow .uk and .au.
 * - .cn and .中国: privacy is CNNIC's own registry service (CNNIC made it a paid service in 2023), which the SDK's
 *   SaveBatchTaskForDomainNameProxyService requests with ServiceType `cnnicRegistryService` (its model's example)
 *   and QueryDomainByDomainName reports as CnnicPrivacyServiceStatus.
 */

/** Last labels (ASCII or punycode) whose registries forbid privacy and proxy registrations. */
export const PRIVACY_FORBIDDEN_TLDS: ReadonlySet<string> = new Set([
  "us", "in", "eu", "ca", "ch", "li", "de", "es", "fr", "uk", "au", "sg", "nu", "is", "id", "to", "gg",
  "nyc", "paris", "vote", "voto", "xn--3ds443g",
]);

/** .cn and .中国 (xn--fiqs8s): CNNIC's registry. */
const CNNIC_TLDS: ReadonlySet<string> = new Set(["cn", "中国", "xn--fiqs8s"]);

/** The ServiceType value that asks for CNNIC's registry privacy service. */
export const CNNIC_SERVICE_TYPE = "cnnicRegistryService";

/** The legacy generic TLDs; other ASCII TLDs of three letters or more are "New gTLD". */
const LEGACY_GTLDS: ReadonlySet<string> = new Set(["com", "net", "org", "info", "biz", "name", "pro", "mobi", "asia", "tel", "travel", "jobs", "cat"]);

export const tldOf = (domainName: string): string => domainName.slice(domainName.lastIndexOf(".") + 1).toLowerCase();

/** How privacy can be had: by the registrar's proxy service, only as CNNIC's service, or not at all. */
export type PrivacyOffer = "registrar" | "cnnic" | "none";

export const privacyOffer = (domainName: string, override?: boolean): PrivacyOffer => {
  if (override !== undefined) return override ? "registrar" : "none";
  const tld = tldOf(domainName);
  if (CNNIC_TLDS.has(tld)) return "cnnic";
  return PRIVACY_FORBIDDEN_TLDS.has(tld) ? "none" : "registrar";
};

/** QueryDomainByDomainName's DomainType: "gTLD", "ccTLD" (two letters, or .中国) or "New gTLD" (the model's values). */
export const domainTypeOf = (domainName: string): "gTLD" | "ccTLD" | "New gTLD" => {
  const tld = tldOf(domainName);
  if (/^[a-z]{2}$/.test(tld) || CNNIC_TLDS.has(tld)) return "ccTLD";
  return LEGACY_GTLDS.has(tld) ? "gTLD" : "New gTLD";
};
