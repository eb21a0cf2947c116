/**
 * The DomainTask on the provider core (./core): "this Domain API task has finished (successfully)".
 *
 * - `create` and `update` wait for the task as `waitFor` says: `success` (wait until every detail has
 *   finished, then fail listing every failed domain unless all succeeded; `failFast` stops at the first
 *   failure instead), `completion` (record whatever it came to) or `none` (record the state now).
 * - `read` (refresh, and import by TaskNo) reads the task once more (verified), so the state follows the task
 *   (drift is logged) - but never backwards: a recorded failure stays failed unless the service shows the
 *   detail retried, and a read listing fewer details than recorded keeps the recorded outcome, saying so.
 * - `delete` only forgets the resource: a Domain API task cannot be deleted.
 */
import type { TaskQuery } from "../sdk/api/schemas";
import type { FailedDetail, TaskOutcome } from "../sdk/outcome";
import { identityOf } from "../sdk/read/ledger";
import type { OperationContext, ResourceDeclaration } from "./core/declaration";
import { DOMAIN_TASK_CHANGES } from "./diff";
import { DOMAIN_TASK_INPUT_RULES, parseInputs, type DomainTaskInputs } from "./inputs";
import { taskFailedMessage, timeoutMessage } from "./messages";
import { DOMAIN_TASK_OUTPUT_NAMES, FAILED_KEPT, keepLastOutcome, toState, type DomainTaskState, type StoredState } from "./outputs";
import { DOMAIN_TASK_TYPE } from "./token";

export const domainTask: ResourceDeclaration<DomainTaskInputs, DomainTaskState> = {
  type: DOMAIN_TASK_TYPE,
  inputs: DOMAIN_TASK_INPUT_RULES,
  changes: DOMAIN_TASK_CHANGES,
  outputNames: DOMAIN_TASK_OUTPUT_NAMES,
  id: (inputs) => inputs.taskNo,
  label: (taskNo) => `DomainTask ${taskNo}`,
  create: (ctx, inputs) => evaluate(ctx, inputs),
  update: (ctx, _id, olds, inputs) => evaluate(ctx, inputs, olds),
  read: (ctx, id, previous) => refresh(ctx, id, previous),
  delete: async () => undefined,
};

/** Waits as `inputs.waitFor` says and returns the state; throws when the task failed or time ran out. */
async function evaluate(ctx: OperationContext, inputs: DomainTaskInputs, previous?: StoredState): Promise<DomainTaskState> {
  const outcome = await (inputs.waitFor === "none" ? observe(ctx, inputs) : wait(ctx, inputs));
  if (inputs.waitFor === "success" && !outcome.succeeded) throw new Error(taskFailedMessage(outcome));
  return toState(inputs, outcome, ctx.clock.now(), previous);
}

/** Refresh: one more verified look at the task, never a wait, and never one that rewrites history. */
async function refresh(ctx: OperationContext, id: string, previous: StoredState): Promise<StoredState> {
  // Reading an existing task by ID (`new DomainTask(name, args, { id })`, `pulumi import`): the ID is the TaskNo.
  const inputs = parseInputs({ taskNo: id, ...previous });
  const outcome = await observe(ctx, inputs, rememberedFailures(previous));
  const recorded = previous.total ?? 0;
  if (outcome.total < recorded) {
    // Old details age out, or the answer was partial: what the task came to is still what the state says.
    ctx.log(outcome.total === 0
      ? `DomainTask ${inputs.taskNo}: the task is no longer listed by the Domain API; keeping its last known outcome`
      : `DomainTask ${inputs.taskNo}: the Domain API now lists ${outcome.total} of the ${recorded} details recorded; keeping the recorded outcome`);
    return keepLastOutcome(inputs, previous, ctx.clock.now());
  }
  const recordedFailures = previous.counts?.EXECUTE_FAILURE ?? 0;
  if (outcome.counts.EXECUTE_FAILURE < recordedFailures && (previous.failedOmitted ?? 0) > 0 && outcome.complete) {
    // Failures beyond those the state lists cannot be traced one by one: fewer now, with nothing retrying,
    // is not evidence that they succeeded.
    ctx.log(`DomainTask ${inputs.taskNo}: the Domain API now counts ${outcome.counts.EXECUTE_FAILURE} failed details where ` +
      `${recordedFailures} were recorded, with none retrying; keeping the recorded outcome`);
    return keepLastOutcome(inputs, previous, ctx.clock.now());
  }
  const state = toState(inputs, outcome, ctx.clock.now(), previous);
  if (previous.status !== undefined && previous.status !== state.status) {
    ctx.log(`DomainTask ${inputs.taskNo}: status was ${previous.status}, is now ${state.status}`);
  }
  for (const anomaly of outcome.anomalies) ctx.log(`DomainTask ${inputs.taskNo}: ${anomaly}`);
  return state;
}

/** One verified read, holding no more details than the state keeps. */
const observe = (ctx: OperationContext, inputs: DomainTaskInputs, remembered?: ReadonlyMap<string, FailedDetail>): Promise<TaskOutcome> =>
  ctx.read(ctx.api(inputs), queryOf(inputs), { keepDetails: inputs.maxDetails, keepFailed: FAILED_KEPT, remembered });

/**
 * Waits until every detail is terminal, so a failed task's error lists every failed domain (as the CLI's
 * `wait` does by default). With `failFast` (and `waitFor: "success"`) it stops at the first failed detail
 * a verified read shows instead: success is out of reach then, and the deployment stops without waiting
 * for the rest.
 */
const wait = (ctx: OperationContext, inputs: DomainTaskInputs): Promise<TaskOutcome> =>
  ctx.wait(ctx.api(inputs), queryOf(inputs), {
    settings: inputs,
    until: inputs.failFast && inputs.waitFor === "success" ? "firstFailure" : "complete",
    resource: "DomainTask",
    onTimeout: (err) => timeoutMessage(inputs.taskNo, inputs.timeoutSeconds, err.lastState),
  });

/** The failures a state recorded, by identity: a refresh keeps them failed unless it sees them retried. */
const rememberedFailures = (state: StoredState): ReadonlyMap<string, FailedDetail> => {
  const failures = new Map<string, FailedDetail>();
  for (const f of state.failed ?? []) {
    const key = identityOf(f);
    if (key !== undefined) failures.set(key, f);
  }
  return failures;
};

const queryOf = (inputs: DomainTaskInputs): TaskQuery => ({
  taskNo: inputs.taskNo,
  ...(inputs.domainName !== undefined && { domainName: inputs.domainName }),
  ...(inputs.instanceId !== undefined && { instanceId: inputs.instanceId }),
  ...(inputs.lang !== undefined && { lang: inputs.lang }),
});
