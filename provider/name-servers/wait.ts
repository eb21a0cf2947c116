/**
 * The one place a DomainNameServers waits for its task and turns the result into outcome outputs: the SDK waiter
 * (`waitForTask`) and the DomainTask's state builder (../outputs `toState`), so both resources record an outcome
 * the same way. Keep it the only caller of either: when the waiter becomes a verified read, this is what moves.
 */
import type { DomainTaskApi } from "../../sdk/api/client";
import type { Clock } from "../../sdk/clock";
import { TimeoutError } from "../../sdk/errors";
import { summarizeTask, type TaskOutcome } from "../../sdk/outcome";
import { listTaskDetails } from "../../sdk/pager";
import { waitForTask } from "../../sdk/waiter";
import { INPUT_DEFAULTS } from "../inputs";
import { lastSeen } from "../messages";
import { toState, type DomainTaskState } from "../outputs";
import { throttledProgress } from "../progress";
import type { NameServersInputs } from "./inputs";

/** The outcome outputs a DomainNameServers records for its task (the DomainTask's, without its echoed inputs). */
export type ChangeOutcome = Pick<
  DomainTaskState,
  | "status" | "statusCode" | "succeeded" | "complete" | "total" | "counts" | "failed" | "unknownStatuses"
  | "details" | "detailsOmitted" | "checkedAt" | "completedAt"
>;

export interface WaitContext {
  clock: Clock;
  log: (message: string) => void;
  progressIntervalMs?: number;
}

/** Why a wait ended without an outcome: the task did not finish in time (the counts last seen are in `message`). */
export class ChangeTimedOut extends Error {}

/** Ends a `failFast` wait at the first failed detail (the waiter ends on an error from onProgress). */
class FailedEarly extends Error {}

/**
 * Waits until every detail of `taskNo` is terminal (with `failFast`, until the first failure) and returns the
 * outcome outputs. Throws ChangeTimedOut after `timeoutSeconds`; API errors pass through.
 */
export async function waitForChange(api: DomainTaskApi, taskNo: string, inputs: NameServersInputs, ctx: WaitContext): Promise<ChangeOutcome> {
  const query = { taskNo, ...(inputs.lang !== undefined && { lang: inputs.lang }) };
  const report = throttledProgress({ clock: ctx.clock, log: ctx.log, intervalMs: ctx.progressIntervalMs });
  let outcome: TaskOutcome;
  try {
    outcome = await waitForTask(api, query, {
      maxWaitSeconds: inputs.timeoutSeconds,
      minDelaySeconds: inputs.minDelaySeconds,
      maxDelaySeconds: inputs.maxDelaySeconds,
      clock: ctx.clock,
      onProgress: (p) => {
        report(p);
        if (inputs.failFast && p.counts.EXECUTE_FAILURE > 0 && p.open > 0) throw new FailedEarly();
      },
    });
  } catch (err) {
    if (err instanceof FailedEarly) outcome = summarizeTask(taskNo, (await listTaskDetails(api, query)).details);
    else if (TimeoutError.isInstance(err)) {
      const last = lastSeen(err.lastState);
      const seen = last ? `${last.total - last.counts.EXECUTING - last.counts.WAITING_EXECUTE - last.counts.UNKNOWN} of ${last.total} details finished` : "the task was never read";
      throw new ChangeTimedOut(`task ${taskNo} did not complete within timeoutSeconds=${inputs.timeoutSeconds} (${seen})`, { cause: err });
    } else throw err;
  }
  const state = toState({ ...INPUT_DEFAULTS, ...inputs, taskNo, waitFor: "success" }, outcome, ctx.clock.now());
  return {
    status: state.status,
    statusCode: state.statusCode,
    succeeded: state.succeeded,
    complete: state.complete,
    total: state.total,
    counts: state.counts,
    failed: state.failed,
    unknownStatuses: state.unknownStatuses,
    details: state.details,
    detailsOmitted: state.detailsOmitted,
    checkedAt: state.checkedAt,
    completedAt: state.completedAt,
  };
}
