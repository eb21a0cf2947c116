/**
 * The name-server change, submitted or resumed, then waited on and read back: the one place the DomainNameServers
 * calls the SDK's name-server functions (findTask, submitNameServerChange, queryDomainNameServers). When the SDK's
 * submit-or-resume path for task operations lands, `applyChange` is what rebinds to it.
 *
 * Never twice: before submitting, it looks for a change over exactly these domains submitted within LOOKBACK_MS
 * (a run interrupted after its submit). One still open is waited on; the latest finished one is adopted if the
 * domains already have the name servers asked for. Otherwise it submits, once.
 */
import { fetchInOrder } from "../../sdk/pager/ordered-window";
import { findTask } from "../../sdk/name-servers/find-task";
import type { TaskInfo } from "../../sdk/name-servers/models";
import { queryDomainNameServers, sameNameServers } from "../../sdk/name-servers/query-domain";
import { submitNameServerChange } from "../../sdk/name-servers/submit";
import type { OperationContext, ResourceApi } from "../core/declaration";
import { outcomeOutputs, type OutcomeOutputs } from "../core/outcome-outputs";
import type { NameServersInputs } from "./inputs";
import { changeFailedMessage, notAppliedMessage, timedOutMessage } from "./messages";
import { idOf } from "./state";

/** How far back a create looks for a change it may already have submitted. QueryTaskList filters by whole days. */
export const LOOKBACK_MS = 24 * 3600 * 1000;

/** Domains read at once on refresh and after a change: a batch of hundreds must not burst into throttling. */
const READ_CONCURRENCY = 4;

/** Hosts of Alibaba Cloud DNS, for drift of a domain set to `aliyunDns: true` (its exact hosts vary by account). */
const ALIYUN_DNS_HOST = /\.(hichina|alidns)\.com$/i;

/** What a change came to: its task, the task's outcome outputs, and each domain's name servers after it. */
export interface AppliedChange {
  taskNo: string;
  outcome: OutcomeOutputs;
  current: Record<string, string[]>;
}

/** Makes the change (or finds the one already made) and waits for it; fails unless every domain has the name servers asked for. */
export async function applyChange(ctx: OperationContext, api: ResourceApi, inputs: NameServersInputs): Promise<AppliedChange> {
  const id = idOf(inputs.domainNames);
  const earlier = await submittedBefore(ctx, api, inputs);
  if (earlier) {
    ctx.log(`DomainNameServers ${id}: task ${earlier.task.taskNo} was already submitted for these domains; waiting on it instead of submitting again`);
    const settled = await settle(ctx, api, earlier.task.taskNo, inputs, earlier.current);
    if (inputs.domainNames.every((d) => matches(inputs, settled.current[d]))) return settled;
    ctx.log(`DomainNameServers ${id}: task ${earlier.task.taskNo} did not set these name servers; submitting the change`);
  }
  const { taskNo } = await submitNameServerChange(api, { domainNames: inputs.domainNames, nameServers: inputs.nameServers, aliyunDns: inputs.aliyunDns, lang: inputs.lang });
  ctx.log(`DomainNameServers ${id}: submitted the change as task ${taskNo}`);
  const settled = await settle(ctx, api, taskNo, inputs);
  const wrong = inputs.domainNames.find((d) => !matches(inputs, settled.current[d]));
  if (wrong !== undefined) throw new Error(notAppliedMessage(taskNo, wrong, inputs.nameServers ?? ["Alibaba Cloud DNS"], settled.current[wrong]));
  return settled;
}

/** Each domain's name servers now, READ_CONCURRENCY requests at a time (one request per domain). */
export async function currentNameServers(api: ResourceApi, domainNames: readonly string[]): Promise<Record<string, string[]>> {
  const current: Record<string, string[]> = {};
  const reads = fetchInOrder(0, () => domainNames.length - 1, READ_CONCURRENCY, async (i, signal) => ({
    domain: domainNames[i],
    nameServers: (await queryDomainNameServers(api, domainNames[i], { signal })).nameServers,
  }));
  for await (const read of reads) current[read.domain] = read.nameServers;
  return current;
}

/** Whether `actual` is what the inputs ask for (any order: registries reorder). */
export function matches(inputs: { nameServers?: string[] | null; aliyunDns?: boolean | null }, actual: readonly string[] | undefined): boolean {
  if (!actual) return false;
  if (inputs.aliyunDns === true) return actual.length > 0 && actual.every((h) => ALIYUN_DNS_HOST.test(h));
  return sameNameServers(inputs.nameServers ?? [], actual);
}

/**
 * A change for exactly these domains submitted within LOOKBACK_MS: one still open, or the latest finished one if
 * the domains already have the name servers asked for (it was this change, and it went through; `current` is
 * what the registry listed then, so it is not read twice).
 */
async function submittedBefore(ctx: OperationContext, api: ResourceApi, inputs: NameServersInputs): Promise<{ task: TaskInfo; current?: Record<string, string[]> } | undefined> {
  const now = ctx.clock.now();
  const found = await findTask(api, { domainNames: inputs.domainNames, sinceMs: now - LOOKBACK_MS }, { nowMs: now });
  const open = found.find((t) => t.taskStatus !== "COMPLETE");
  if (open) return { task: open };
  if (found.length === 0) return undefined;
  const current = await currentNameServers(api, inputs.domainNames);
  return inputs.domainNames.every((d) => matches(inputs, current[d])) ? { task: found[0], current } : undefined;
}

/** Waits for the task, fails with each failed domain's reason, then reads the domains' name servers. */
async function settle(ctx: OperationContext, api: ResourceApi, taskNo: string, inputs: NameServersInputs, known?: Record<string, string[]>): Promise<AppliedChange> {
  const query = { taskNo, ...(inputs.lang !== undefined && { lang: inputs.lang }) };
  const outcome = await ctx.wait(api, query, {
    settings: inputs,
    until: inputs.failFast ? "firstFailure" : "complete",
    resource: `DomainNameServers ${idOf(inputs.domainNames)}: task`,
    onTimeout: (err) => {
      const last = err.lastState;
      const seen = last ? `${last.succeededCount + last.failedCount} of ${last.total} details finished` : "the task was never read";
      return timedOutMessage(`task ${taskNo} did not complete within timeoutSeconds=${inputs.timeoutSeconds} (${seen})`);
    },
  });
  const outputs = outcomeOutputs(outcome, inputs.maxDetails, ctx.clock.now());
  if (!outputs.succeeded) throw new Error(changeFailedMessage(taskNo, outputs));
  return { taskNo, outcome: outputs, current: known ?? (await currentNameServers(api, inputs.domainNames)) };
}
