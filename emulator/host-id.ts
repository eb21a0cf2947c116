/**
 * HostId in an error body is the host that answered, not a function of the API version: a 2018-01-29 call the
 * SDKs route for region ap-southeast-1 goes to domain-intl.aliyuncs.com (their endpoint map), so that is the
 * HostId. The emulator knows which host it stands for from the request's Host header when it names an
 * *.aliyuncs.com host (a client pointed at the emulator through a hosts entry or a proxy), else from the
 * `region` it was started with, else from the version's own product (domain / domain-intl).
 */
import { API_VERSIONS } from "./api-versions";

/** Regions the generated Domain SDKs send to the international host (domain-20180129 client endpoint map). */
const INTL_REGIONS = new Set(["ap-southeast-1"]);

export const hostIdFor = (hostHeader: string | undefined, version: string, region?: string): string => {
  const host = (hostHeader ?? "").trim().toLowerCase().replace(/:\d+$/, "");
  if (/^[a-z0-9.-]+\.aliyuncs\.com$/.test(host)) return host;
  if (region !== undefined && INTL_REGIONS.has(region)) return "domain-intl.aliyuncs.com";
  return `${API_VERSIONS[version] ?? "domain"}.aliyuncs.com`;
};
