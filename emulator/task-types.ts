/**
 * The documented task types and the TaskTypeDescription the service returns for each, in both languages the
 * `Lang` parameter selects (docs/emulator.md has the table with its sources).
 *
 * English: CHG_DNS "DNS Modification", as the PollTaskResult samples show a real CHG_DNS detail (AlibabaCloudDocs/domain
 * `intl.en-US/API Reference (New)/Domain management/PollTaskResult.md`; its field table's "DNS server change" is
 * the table's wording, not an answer). No sample shows the other types in English: they keep the TaskType list of
 * the API reference (https://www.alibabacloud.com/help/doc-detail/67710.htm), e.g. ORDER_RENEW "Create a renewal
 * order" as in its response sample.
 * Chinese: all fourteen as the Chinese API reference lists them (AlibabaCloudDocs/domain
 * `cn.zh-CN/API 参考/域名管理接口/QueryTaskDetailList.md`, TaskType; its sample answers ORDER_RENEW 创建续费订单).
 */
export const TASK_TYPE_DESCRIPTIONS: Readonly<Record<string, { en: string; zh: string }>> = {
  CHG_HOLDER: { en: "Modify the registrant’s information", zh: "修改所有者信息" },
  CHG_DNS: { en: "DNS Modification", zh: "修改DNS" },
  SET_WHOIS_PROTECT: { en: "Set privacy protection", zh: "设置隐私保护" },
  UPDATE_ADMIN_CONTACT: { en: "Modify the administrator information", zh: "修改管理者信息" },
  UPDATE_BILLING_CONTACT: { en: "Modify the payers information", zh: "修改付费者信息" },
  UPDATE_TECH_CONTACT: { en: "Modify the technician information", zh: "修改技术者信息" },
  SET_UPDATE_PROHIBITED: { en: "Set the domain name security lock", zh: "设置域名安全锁" },
  SET_TRANSFER_PROHIBITED: { en: "Set the domain name transfer lock", zh: "设置域名转移锁" },
  ORDER_ACTIVATE: { en: "Create a registration order", zh: "创建注册订单" },
  ORDER_RENEW: { en: "Create a renewal order", zh: "创建续费订单" },
  ORDER_REDEEM: { en: "Create a redemption order", zh: "创建赎回订单" },
  CREATE_DNSHOST: { en: "Create a DNS host", zh: "创建DNS host" },
  UPDATE_DNSHOST: { en: "Update a DNS host", zh: "更新DNS host" },
  SYNC_DNSHOST: { en: "Synchronize DNS host information", zh: "同步DNS host" },
};

/** The documented TaskType values (FACTS.md), in the order the API reference lists them. */
export const TASK_TYPES = Object.keys(TASK_TYPE_DESCRIPTIONS);

export type Lang = "en" | "zh";

/** The ErrorMsg of a succeeded detail, as the API reference's sample and captured responses show it. */
export const SUCCESS_MSG: Readonly<Record<Lang, string>> = {
  en: "The operation is successful.",
  zh: "操作成功。",
};

/** The ErrorMsg of a failed detail whose spec gives none. */
export const DEFAULT_ERROR_MSG: Readonly<Record<Lang, string>> = {
  en: "The operation failed at the registry. Check FailReason, fix the cause and submit the task again.",
  zh: "注册局处理失败，请根据失败原因修正后重新提交任务。",
};

/** The FailReason of a failed detail whose spec gives none: an EPP result as registries report it. */
export const DEFAULT_FAIL_REASON = "2304 Object status prohibits operation";
