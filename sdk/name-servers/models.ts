/** The public shapes of the name-server functions. Interfaces only; behaviour lives in the modules that use them. */
import type { DomainTaskApi } from "../api/client";
import type { DomainApiError } from "../errors";

/** One call of any Domain API action; `DomainTaskClient.callAction` implements it. */
export interface DomainActionApi {
  callAction<T>(
    action: string,
    query: Record<string, string>,
    parse: (body: unknown, statusCode: number) => T,
    options?: { signal?: AbortSignal; retryable?: (err: DomainApiError) => boolean },
  ): Promise<T>;
}

/** What the name-server functions need: a DomainTaskClient fits. */
export type NameServerApi = DomainTaskApi & DomainActionApi;

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

/** One task of the account, as QueryTaskList lists it. */
export interface TaskInfo {
  taskNo: string;
  taskType: string;
  /** WAITING_EXECUTE, EXECUTING or COMPLETE: a task is complete whatever its details came to. The SDK decides on this. */
  taskStatus: string;
  /**
   * As sent, for display; -1 when absent or not an integer. Which code goes with COMPLETE is not settled by public
   * evidence (3 in the API reference, 1 in an SDK example): read `taskStatus`, never this.
   */
  taskStatusCode: number;
  /** How many details (domains) it has. */
  taskNum: number;
  /** As sent ("Dec 26,2017 11:00:54" in the API's samples). */
  createTime: string;
}

/** Which submitted task to look for: one of `taskType` over exactly these domains, created since `sinceMs`. */
export interface FindTaskQuery {
  domainNames: string[];
  /** Epoch ms. The API filters by whole days; tasks older than this are still dropped by their CreateTime. */
  sinceMs: number;
  /** Default CHG_DNS. */
  taskType?: string;
}
