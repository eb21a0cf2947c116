/**
 * Why a registry refuses a change, as the task detail reports it: FailReason carries the registry's EPP result
 * (RFC 5730 section 3: 2302 "Object exists", 2303 "Object does not exist", 2304 "Object status prohibits operation",
 * 2305 "Object association prohibits operation", 2306 "Parameter value policy error") with what it was about, and
 * ErrorMsg a sentence saying what to do, in the language the submission asked for. No public capture shows the
 * service's own FailReason for these; the wording is the emulator's (docs/emulator-actions.md).
 */
import type { Lang } from "../task-types";

export interface ChangeFailure {
  failReason: string;
  errorMsg: Record<Lang, string>;
}

/** What a change does, as ErrorMsg names it: "Renew it before <changing its DNS servers>." */
export type ChangeWording = Record<Lang, string>;

export const CHANGE_FAILURES = {
  expired: (what: ChangeWording): ChangeFailure => ({
    failReason: "2304 Object status prohibits operation (domain expired)",
    errorMsg: { en: `The domain name has expired. Renew it before ${what.en}.`, zh: `域名已过期，请续费后再${what.zh}。` },
  }),
  redemption: (what: ChangeWording): ChangeFailure => ({
    failReason: "2304 Object status prohibits operation (redemptionPeriod)",
    errorMsg: { en: `The domain name is in its redemption period. Redeem it before ${what.en}.`, zh: `域名处于赎回期，请赎回后再${what.zh}。` },
  }),
  updateProhibited: (what: ChangeWording): ChangeFailure => ({
    failReason: "2304 Object status prohibits operation (clientUpdateProhibited)",
    errorMsg: {
      en: `The domain name has the update prohibition lock (clientUpdateProhibited). Remove the lock before ${what.en}.`,
      zh: `域名已开启禁止更新锁，请关闭后再${what.zh}。`,
    },
  }),
  unregisteredHost: (host: string): ChangeFailure => ({
    failReason: `2303 Object does not exist (host ${host})`,
    errorMsg: {
      en: `The DNS server ${host} is not registered at the registry. Register it as a DNS host or use another DNS server.`,
      zh: `DNS服务器 ${host} 未在注册局注册，请先注册该DNS主机或使用其他DNS服务器。`,
    },
  }),
  privacyForbidden: (tld: string): ChangeFailure => ({
    failReason: `2306 Parameter value policy error (the .${tld} registry does not allow privacy or proxy registrations)`,
    errorMsg: {
      en: `WHOIS privacy is not available for .${tld} domain names: the registry's policy forbids privacy and proxy registrations. Leave privacy off for this domain.`,
      zh: `.${tld} 域名的注册局不允许隐私保护服务，请保持该域名的隐私保护关闭。`,
    },
  }),
  cnnicServiceRequired: (tld: string): ChangeFailure => ({
    failReason: `2306 Parameter value policy error (privacy for .${tld} is the registry's own service, cnnicRegistryService)`,
    errorMsg: {
      en: `Privacy for .${tld} domain names is CNNIC's registry service. Submit SaveBatchTaskForDomainNameProxyService with ServiceType=cnnicRegistryService.`,
      zh: `.${tld} 域名的隐私保护为CNNIC注册局服务，请使用 SaveBatchTaskForDomainNameProxyService 并设置 ServiceType=cnnicRegistryService。`,
    },
  }),
  cnnicServiceNotApplicable: (tld: string): ChangeFailure => ({
    failReason: `2306 Parameter value policy error (cnnicRegistryService covers .cn and .中国 only, not .${tld})`,
    errorMsg: {
      en: `ServiceType cnnicRegistryService applies to .cn and .中国 domain names only. Leave ServiceType out for this .${tld} domain.`,
      zh: `ServiceType cnnicRegistryService 仅适用于 .cn 和 .中国 域名，请勿为 .${tld} 域名设置 ServiceType。`,
    },
  }),
  dnsHostExists: (host: string): ChangeFailure => ({
    failReason: `2302 Object exists (host ${host})`,
    errorMsg: {
      en: `The DNS host ${host} already exists. Modify it (SaveSingleTaskForModifyingDnsHost) instead of creating it.`,
      zh: `DNS host ${host} 已存在，请修改该DNS host，而不是再次创建。`,
    },
  }),
  dnsHostMissing: (host: string): ChangeFailure => ({
    failReason: `2303 Object does not exist (host ${host})`,
    errorMsg: {
      en: `The DNS host ${host} does not exist. Create it first (SaveSingleTaskForCreatingDnsHost).`,
      zh: `DNS host ${host} 不存在，请先创建该DNS host。`,
    },
  }),
  dnsHostInUse: (host: string, domains: readonly string[]): ChangeFailure => ({
    failReason: `2305 Object association prohibits operation (host ${host} is a DNS server of ${domains.join(", ")})`,
    errorMsg: {
      en: `The DNS host ${host} is a DNS server of ${domains.join(", ")}. Change those DNS servers before deleting the host.`,
      zh: `DNS host ${host} 正被 ${domains.join("、")} 用作DNS服务器，请先修改这些域名的DNS后再删除。`,
    },
  }),
} as const;
