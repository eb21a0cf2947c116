/**
 * The documented task types and the TaskTypeDescription the service returns for each, in both languages the
 * `Lang` parameter selects. Wording follows the Domain console's own labels.
 */
export const TASK_TYPE_DESCRIPTIONS: Readonly<Record<string, { en: string; zh: string }>> = {
  CHG_HOLDER: { en: "Change domain name holder", zh: "变更域名持有者" },
  CHG_DNS: { en: "Modify DNS servers", zh: "修改DNS" },
  SET_WHOIS_PROTECT: { en: "Set WHOIS privacy protection", zh: "设置隐私保护" },
  UPDATE_ADMIN_CONTACT: { en: "Update administrative contact", zh: "修改管理联系人" },
  UPDATE_BILLING_CONTACT: { en: "Update billing contact", zh: "修改付费联系人" },
  UPDATE_TECH_CONTACT: { en: "Update technical contact", zh: "修改技术联系人" },
  SET_UPDATE_PROHIBITED: { en: "Set update prohibition lock", zh: "设置禁止更新锁" },
  SET_TRANSFER_PROHIBITED: { en: "Set transfer prohibition lock", zh: "设置禁止转移锁" },
  ORDER_ACTIVATE: { en: "Register domain name", zh: "注册域名" },
  ORDER_RENEW: { en: "Renew domain name", zh: "续费域名" },
  ORDER_REDEEM: { en: "Redeem domain name", zh: "赎回域名" },
  CREATE_DNSHOST: { en: "Create DNS host", zh: "创建DNS主机" },
  UPDATE_DNSHOST: { en: "Modify DNS host", zh: "修改DNS主机" },
  SYNC_DNSHOST: { en: "Synchronize DNS host", zh: "同步DNS主机" },
};

/** The documented TaskType values (FACTS.md), in the order the API reference lists them. */
export const TASK_TYPES = Object.keys(TASK_TYPE_DESCRIPTIONS);

export type Lang = "en" | "zh";

/** The ErrorMsg of a failed detail whose spec gives none. */
export const DEFAULT_ERROR_MSG: Readonly<Record<Lang, string>> = {
  en: "The operation failed at the registry. Check FailReason, fix the cause and submit the task again.",
  zh: "注册局处理失败，请根据失败原因修正后重新提交任务。",
};

/** The FailReason of a failed detail whose spec gives none: an EPP result as registries report it. */
export const DEFAULT_FAIL_REASON = "2304 Object status prohibits operation";
