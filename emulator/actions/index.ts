/**
 * The write side of the emulated Domain API and its two reads, beside QueryTaskDetailList (../gateway.ts runs
 * them through the same version check, authentication and error replies). Each action names the RAM action a
 * caller needs (the "授权信息" table of each API reference page); a key whose EmulatorCredential denies it is
 * refused with 403 Forbidden.RAM, as the gateway refuses a RAM user without the permission.
 */
import { ApiError } from "../errors";
import { withPagingFlags } from "../paging-flags";
import type { TaskStore } from "../task-store";
import type { DomainQuirks, Quirks, TaskListQuirks, WriteQuirks } from "../types";
import type { DomainRegistry } from "./domain-registry";
import type { Params } from "./params";
import { queryDomainByDomainName } from "./query-domain-by-domain-name";
import { queryTaskList } from "./query-task-list";
import { saveBatchTaskForModifyingDomainDns } from "./save-batch-task-for-modifying-domain-dns";
import { answerWrite, type WriteAnswer } from "./write-answer";

export { DomainRegistry } from "./domain-registry";

/** What the actions work on: the shared task store, the registered domains, and who submitted which task. */
export interface ActionContext {
  store: TaskStore;
  registry: DomainRegistry;
  /** TaskNo -> the UserClientIp it was submitted with (QueryTaskList's Clientip). */
  clientIps: Map<string, string>;
  /** Action -> the TaskNo its last write created (for the `staleTaskNo` write quirk). */
  lastCreated: Map<string, string>;
  /** The task clock, ms. */
  now: number;
  /** The run's global quirks (FaultConfig.quirks): these actions name no task, so no task's own quirks apply. */
  quirks: Quirks;
  /** The quirks of these actions (FaultConfig's taskListQuirks, writeQuirks, domainQuirks). */
  actionQuirks: { taskList: TaskListQuirks; write: WriteQuirks; domain: DomainQuirks };
}

/** One action: what it answers, and whether it is a write (creates a task; write quirks and `afterWrite` faults apply). */
export type ActionDefinition =
  | { ramAction: string; write?: false; run(params: Params, ctx: ActionContext): Record<string, unknown> }
  | { ramAction: string; write: true; run(params: Params, ctx: ActionContext): WriteAnswer };

/** A write action from the function that creates its task and returns the TaskNo: the answer and its quirks are shared. */
const writeAction = (action: string, ramAction: string, create: (params: Params, ctx: ActionContext) => string): ActionDefinition => ({
  ramAction,
  write: true,
  run: (params, ctx) => {
    const created = create(params, ctx);
    ctx.clientIps.set(created, params.UserClientIp?.trim() || "127.0.0.1");
    return answerWrite(action, created, ctx.actionQuirks.write, ctx);
  },
});

export const ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  SaveBatchTaskForModifyingDomainDns: writeAction(
    "SaveBatchTaskForModifyingDomainDns",
    "domain:DnsModification",
    (params, ctx) => saveBatchTaskForModifyingDomainDns(params, ctx).TaskNo,
  ),
  QueryDomainByDomainName: {
    ramAction: "domain:QueryCommonInfo",
    run: (params, ctx) => queryDomainByDomainName(params, ctx.registry, ctx.now, ctx.quirks, ctx.actionQuirks.domain),
  },
  QueryTaskList: {
    ramAction: "domain:QueryDomainTask",
    run: (params, ctx) => withPagingFlags(queryTaskList(params, ctx.store, ctx.clientIps, ctx.now, ctx.actionQuirks.taskList), ctx.quirks),
  },
};

/** The gateway's answer to a RAM user without the permission; the action is named, as AccessDeniedDetail does. */
export const ramDenied = (ramAction: string): ApiError =>
  new ApiError(
    403,
    "Forbidden.RAM",
    `User not authorized to operate on the specified resource, or this API doesn't support RAM. AuthAction: ${ramAction}.`,
  );
