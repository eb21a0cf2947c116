/** The public shapes of the name-server functions. Interfaces only; behaviour lives in the modules that use them. */
import type { TaskApi, TaskInfo } from "../tasks/models";

export type { DomainActionApi, TaskInfo } from "../tasks/models";

/** What the name-server functions need: a DomainTaskClient fits. */
export type NameServerApi = TaskApi;

/** A change of name servers: `nameServers` (2-13 host names, in order) or `aliyunDns: true`, never both. */
export interface NameServerChange {
  /** One or more domains registered in the account; a single domain is a batch of one. */
  domainNames: string[];
  nameServers?: string[];
  /** Move the domains to Alibaba Cloud DNS. */
  aliyunDns?: boolean;
  /** Language of the task's FailReason/ErrorMsg texts. */
  lang?: "en" | "zh";
}

/** What SaveBatchTaskForModifyingDomainDns answered. */
export interface SubmittedChange {
  taskNo: string;
  requestId: string;
}

/** A domain's name servers now, as QueryDomainByDomainName reports them. */
export interface DomainNameServersInfo {
  domainName: string;
  /** `DnsList.Dns`, as the registry lists them. */
  nameServers: string[];
  /** `OPEN` when the update prohibition lock is on (a change will fail), `CLOSE` or `NONE_SETTING` otherwise. */
  updateProhibitionLock: string;
  /** "1" in the renewal period (expired), "2" redemption, "3" normal; "" when not sent (Domain-intl). */
  domainStatus: string;
  /** As sent, e.g. "2027-06-01 10:00:00". */
  expirationDate: string;
  requestId: string;
}

/** A task over exactly the domains asked, as `findTask` found it: open or not as its details say. */
export interface FoundTask extends TaskInfo {
  /** Some detail is not terminal yet (the list's TaskStatus is not trusted for this). */
  open: boolean;
  /** Every detail succeeded. */
  succeeded: boolean;
}

/** Which submitted task to look for: one of `taskType` over exactly these domains, created since `sinceMs`. */
export interface FindTaskQuery {
  domainNames: string[];
  /** Epoch ms. The API filters by whole days; tasks older than this are still dropped by their CreateTime. */
  sinceMs: number;
  /** Default CHG_DNS. */
  taskType?: string;
}
