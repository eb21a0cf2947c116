/**
 * Why a registry refuses a name-server change, as the task detail reports it: FailReason carries the registry's
 * EPP result (RFC 5730 result codes 2304 "Object status prohibits operation" for a locked or expired domain,
 * 2303 "Object does not exist" for a host the registry does not know - name servers must exist as host objects,
 * RFC 5732), and ErrorMsg a sentence saying what to do, in the language the submission asked for.
 */
import type { Lang } from "../task-types";
import type { RegisteredDomain } from "./domain-registry";

export interface ChangeFailure {
  failReason: string;
  errorMsg: Record<Lang, string>;
}

export const CHANGE_FAILURES = {
  expired: {
    failReason: "2304 Object status prohibits operation (domain expired)",
    errorMsg: {
      en: "The domain name has expired. Renew it before changing its DNS servers.",
      zh: "域名已过期，请续费后再修改DNS。",
    },
  },
  updateProhibited: {
    failReason: "2304 Object status prohibits operation (clientUpdateProhibited)",
    errorMsg: {
      en: "The domain name has the update prohibition lock (clientUpdateProhibited). Remove the lock before changing its DNS servers.",
      zh: "域名已开启禁止更新锁，请关闭后再修改DNS。",
    },
  },
  unregisteredHost: (host: string): ChangeFailure => ({
    failReason: `2303 Object does not exist (host ${host})`,
    errorMsg: {
      en: `The DNS server ${host} is not registered at the registry. Register it as a DNS host or use another DNS server.`,
      zh: `DNS服务器 ${host} 未在注册局注册，请先注册该DNS主机或使用其他DNS服务器。`,
    },
  }),
} as const;

/** Why this change of this domain fails, or undefined when it succeeds. Expiry is checked first, then the lock. */
export const changeFailure = (
  domain: RegisteredDomain,
  nameServers: readonly string[],
  unregistered: ReadonlySet<string>,
  now: number,
): ChangeFailure | undefined => {
  if (domain.expiresAt <= now) return CHANGE_FAILURES.expired;
  if (domain.spec.updateProhibited) return CHANGE_FAILURES.updateProhibited;
  const unknownHost = nameServers.find((host) => unregistered.has(host));
  return unknownHost !== undefined ? CHANGE_FAILURES.unregisteredHost(unknownHost) : undefined;
};
