/**
 * The write side of the emulated Domain API and its reads, beside QueryTaskDetailList (../gateway.ts runs them
 * through the same version check, fault rules, authentication and error replies). Each action names the RAM action
 * a caller needs (the "授权信息" table of each API reference page, or the Domain API's authentication rules); a key
 * whose EmulatorCredential denies it is refused with 403 Forbidden.RAM, as the gateway refuses a RAM user without
 * the permission. Every write action is a RegistrarOperation on one path (./registrar-write), declared a write here
 * so the write quirks and `afterWrite` faults apply to it.
 */
import { ApiError } from "../errors";
import { withPagingFlags } from "../paging-flags";
import type { DomainQuirks, Quirks, TaskListQuirks, WriteQuirks } from "../types";
import { CONTACT_INFO_ACTION } from "./contact-info";
import { DNS_HOST_ACTIONS } from "./dns-hosts";
import type { Params } from "./params";
import { PROHIBITION_LOCK_ACTIONS } from "./prohibition-locks";
import { queryDnsHost } from "./query-dns-host";
import { queryDomainByDomainName } from "./query-domain-by-domain-name";
import { queryTaskList } from "./query-task-list";
import type { RegistrarAction, WriteContext } from "./registrar-write";
import { SAVE_BATCH_TASK_FOR_MODIFYING_DOMAIN_DNS } from "./save-batch-task-for-modifying-domain-dns";
import { WHOIS_PRIVACY_ACTIONS } from "./whois-privacy";
import { answerWrite, type WriteAnswer } from "./write-answer";

export { DomainRegistry } from "./domain-registry";

/** What the actions work on: the shared task store, the registered domains, and who submitted which task. */
export interface ActionContext extends WriteContext {
  /** TaskNo -> the UserClientIp it was submitted with (QueryTaskList's Clientip). */
  clientIps: Map<string, string>;
  /** Action -> the TaskNo its last write created (for the `staleTaskNo` write quirk). */
  lastCreated: Map<string, string>;
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
const writeAction = ({ action, ramAction, create }: RegistrarAction): ActionDefinition => ({
  ramAction,
  write: true,
  run: (params, ctx) => {
    const created = create(params, ctx);
    ctx.clientIps.set(created, params.UserClientIp?.trim() || "127.0.0.1");
    return answerWrite(action, created, ctx.actionQuirks.write, ctx);
  },
});

/** Every registrar write: name servers, the two locks, WHOIS privacy, DNS hosts, contacts. */
const REGISTRAR_WRITES: readonly RegistrarAction[] = [
  SAVE_BATCH_TASK_FOR_MODIFYING_DOMAIN_DNS,
  ...PROHIBITION_LOCK_ACTIONS,
  ...WHOIS_PRIVACY_ACTIONS,
  ...DNS_HOST_ACTIONS,
  CONTACT_INFO_ACTION,
];

export const ACTIONS: Readonly<Record<string, ActionDefinition>> = {
  ...Object.fromEntries(REGISTRAR_WRITES.map((w) => [w.action, writeAction(w)])),
  QueryDomainByDomainName: {
    ramAction: "domain:QueryCommonInfo",
    run: (params, ctx) => queryDomainByDomainName(params, ctx.registry, ctx.now, { quirks: ctx.quirks, domainQuirks: ctx.actionQuirks.domain, version: ctx.version }),
  },
  QueryDnsHost: {
    ramAction: "domain:QueryDnsHost",
    run: (params, ctx) => queryDnsHost(params, ctx.registry, ctx.now),
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
