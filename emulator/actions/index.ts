/**
 * The write side of the emulated Domain API and its two reads, beside QueryTaskDetailList (../gateway.ts runs
 * them through the same version check, authentication and error replies). Each action names the RAM action a
 * caller needs (the "授权信息" table of each API reference page); a key whose EmulatorCredential denies it is
 * refused with 403 Forbidden.RAM, as the gateway refuses a RAM user without the permission.
 */
import { ApiError } from "../errors";
import { withPagingFlags } from "../paging-flags";
import type { TaskStore } from "../task-store";
import type { Quirks } from "../types";
import type { DomainRegistry } from "./domain-registry";
import type { Params } from "./params";
import { queryDomainByDomainName } from "./query-domain-by-domain-name";
import { queryTaskList } from "./query-task-list";
import { saveBatchTaskForModifyingDomainDns } from "./save-batch-task-for-modifying-domain-dns";

export { DomainRegistry } from "./domain-registry";

/** What the actions work on: the shared task store, the registered domains, and who submitted which task. */
export interface ActionContext {
  store: TaskStore;
  registry: DomainRegistry;
  /** TaskNo -> the UserClientIp it was submitted with (QueryTaskList's Clientip). */
  clientIps: Map<string, string>;
  /** The task clock, ms. */
  now: number;
  /** The run's global quirks (FaultConfig.quirks): these actions name no task, so no task's own quirks apply. */
  quirks: Quirks;
}

export interface ActionDefinition {
  /** The RAM action a caller needs. */
  ramAction: string;
  run(params: Params, ctx: ActionContext): Record<string, unknown>;
}

export const ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  SaveBatchTaskForModifyingDomainDns: {
    ramAction: "domain:DnsModification",
    run: (params, ctx) => {
      const answer = saveBatchTaskForModifyingDomainDns(params, ctx);
      ctx.clientIps.set(answer.TaskNo, params.UserClientIp?.trim() || "127.0.0.1");
      return answer;
    },
  },
  QueryDomainByDomainName: {
    ramAction: "domain:QueryCommonInfo",
    run: (params, ctx) => queryDomainByDomainName(params, ctx.registry, ctx.now, ctx.quirks),
  },
  QueryTaskList: {
    ramAction: "domain:QueryDomainTask",
    run: (params, ctx) => withPagingFlags(queryTaskList(params, ctx.store, ctx.clientIps, ctx.now), ctx.quirks),
  },
};

/** The gateway's answer to a RAM user without the permission; the action is named, as AccessDeniedDetail does. */
export const ramDenied = (ramAction: string): ApiError =>
  new ApiError(
    403,
    "Forbidden.RAM",
    `User not authorized to operate on the specified resource, or this API doesn't support RAM. AuthAction: ${ramAction}.`,
  );
