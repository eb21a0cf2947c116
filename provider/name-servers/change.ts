/**
 * The name-server change, submitted or resumed, then gated: the one place the DomainNameServers calls the SDK's
 * submit-or-resume path (sdk/tasks/submit-or-resume) with the name servers' operation (NAME_SERVER_CHANGE). The
 * path looks for the same change already submitted (a run interrupted after its write), waits for an open one of
 * these domains before deciding, submits nothing when the domains already have the name servers asked, writes at
 * most once, and passes only with one succeeded detail per domain and every domain reading back what was asked.
 * What is left here is the resource's words: its log lines, its errors, its outputs.
 */
import { fetchInOrder } from "../../sdk/pager/ordered-window";
import { TimeoutError } from "../../sdk/waiter/timeout-error";
import type { DomainNameServersInfo } from "../../sdk/name-servers/models";
import { NAME_SERVER_CHANGE, nameServersApplied } from "../../sdk/name-servers/operation";
import { queryDomainNameServers } from "../../sdk/name-servers/query-domain";
import { summarizeTask } from "../../sdk/outcome";
import type { ChangeResult, SubmitEvent } from "../../sdk/tasks/models";
import { submitOrResume } from "../../sdk/tasks/submit-or-resume";
import type { OperationContext, ResourceApi } from "../core/declaration";
import { outcomeOutputs, type OutcomeOutputs } from "../core/outcome-outputs";
import { throttledProgress } from "../core/progress";
import type { NameServersInputs } from "./inputs";
import { changeFailedMessage, notAppliedMessage, timedOutMessage } from "./messages";
import { idOf } from "./state";

/** Domains read at once on refresh: a batch of hundreds must not burst into throttling. */
const READ_CONCURRENCY = 4;

/** What a change came to: its task, the task's outcome outputs, and each domain's name servers after it. */
export interface AppliedChange {
  taskNo: string;
  outcome: OutcomeOutputs;
  current: Record<string, string[]>;
}

/** The resource's log line for each step of the path. */
const logLine = (e: SubmitEvent): string => {
  switch (e.kind) {
    case "waitingOnEarlier": return `task ${e.taskNo} was already submitted for these domains; waiting on it instead of submitting again`;
    case "notThisChange": return `task ${e.taskNo} did not set these name servers; submitting the change`;
    case "submitted": return `submitted the change as task ${e.taskNo}`;
    default: return e.message;
  }
};

/** The outputs of a change already in effect with no task of it in the lookback window: nothing was submitted. */
const nothingSubmitted = (nowMs: number): OutcomeOutputs => ({
  ...outcomeOutputs({ ...summarizeTask("", [], { verified: true }), status: "EXECUTE_SUCCESS", statusCode: 2, succeeded: true, complete: true }, 0, nowMs),
  anomalies: ["no task: every domain already had these name servers, so nothing was submitted"],
});

/** Makes the change (or finds the one already made) and gates on it; fails unless every domain has the name servers asked for. */
export async function applyChange(ctx: OperationContext, api: ResourceApi, inputs: NameServersInputs): Promise<AppliedChange> {
  const id = idOf(inputs.domainNames);
  let result: ChangeResult<DomainNameServersInfo>;
  try {
    result = await submitOrResume(api, NAME_SERVER_CHANGE, { domainNames: inputs.domainNames, nameServers: inputs.nameServers, aliyunDns: inputs.aliyunDns, lang: inputs.lang }, {
      timeoutSeconds: inputs.timeoutSeconds,
      minDelaySeconds: inputs.minDelaySeconds,
      maxDelaySeconds: inputs.maxDelaySeconds,
      failFast: inputs.failFast,
      lang: inputs.lang,
      clock: ctx.clock,
      signal: ctx.signal,
      onProgress: throttledProgress({ clock: ctx.clock, log: ctx.log, resource: `DomainNameServers ${id}: task` }),
      onEvent: (e) => ctx.log(`DomainNameServers ${id}: ${logLine(e)}`),
    });
  } catch (err) {
    if (TimeoutError.isInstance(err)) throw new Error(timedOutMessage(err.message.replace(/\.$/, "")), { cause: err });
    throw err;
  }
  const now = ctx.clock.now();
  const outcome = result.outcome ? outcomeOutputs(result.outcome, inputs.maxDetails, now) : nothingSubmitted(now);
  const current = Object.fromEntries(Object.entries(result.states).map(([d, s]) => [d, s.nameServers]));
  const taskNo = result.taskNo ?? "";
  if (result.verdict === "failed") throw new Error(changeFailedMessage(taskNo, outcome));
  if (result.verdict === "notApplied") {
    const wrong = inputs.domainNames.find((d) => !matches(inputs, current[d])) ?? inputs.domainNames[0];
    throw new Error(notAppliedMessage(taskNo, wrong, inputs.nameServers ?? ["Alibaba Cloud DNS"], current[wrong] ?? []));
  }
  return { taskNo, outcome, current };
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

/** Whether `actual` is what the inputs ask for (any order: registries reorder) - the SDK's rule, for refresh. */
export function matches(inputs: { nameServers?: string[] | null; aliyunDns?: boolean | null }, actual: readonly string[] | undefined): boolean {
  return nameServersApplied({ nameServers: inputs.nameServers ?? undefined, aliyunDns: inputs.aliyunDns ?? undefined }, actual);
}
