/**
 * The one place a DomainNameServers waits for its task and turns the result into outcome outputs: the SDK waiter
 * (`waitForTask`) and the DomainTask's state builder (../outputs `toState`), so both resources record an outcome
 * the same way. Keep it the only caller of either: when the waiter becomes a verified read, this is what moves.
 */
import type { DomainTaskApi } from "../../sdk/api/client";
import type { Clock } from "../../sdk/clock";
import { TimeoutError } from "../../sdk/errors";
import { waitForTask } from "../../sdk/waiter";
import type { WaitState } from "../../sdk/waiter/models";
import { INPUT_DEFAULTS } from "../inputs";
import { FAILED_KEPT, toState, type DomainTaskState } from "../outputs";
import { throttledProgress } from "../progress";
import type { NameServersInputs } from "./inputs";

/** The outcome outputs a DomainNameServers records for its task (the DomainTask's, without its echoed inputs). */
export type ChangeOutcome = Pick<
  DomainTaskState,
  | "status" | "statusCode" | "succeeded" | "complete" | "verified" | "total" | "counts" | "failed" | "failedOmitted"
  | "unknownStatuses" | "anomalies" | "details" | "detailsOmitted" | "checkedAt" | "completedAt"
>;

export interface WaitContext {
  clock: Clock;
  log: (message: string) => void;
  progressIntervalMs?: number;
  /** Stops the wait with an AbortError (the deployment was cancelled). */
  signal?: AbortSignal;
}

/** Why a wait ended without an outcome: the task did not finish in time. `lastState` is what the waiter saw last. */
export class ChangeTimedOut extends Error {
  constructor(message: string, readonly lastState: WaitState | undefined, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Waits until every detail of `taskNo` is terminal (with `failFast`, until a verified read shows a failure) and
 * returns the outcome outputs. Throws ChangeTimedOut after `timeoutSeconds`; API errors pass through.
 */
export async function waitForChange(api: DomainTaskApi, taskNo: string, inputs: NameServersInputs, ctx: WaitContext): Promise<ChangeOutcome> {
  const query = { taskNo, ...(inputs.lang !== undefined && { lang: inputs.lang }) };
  let outcome;
  try {
    outcome = await waitForTask(api, query, {
      maxWaitSeconds: inputs.timeoutSeconds,
      minDelaySeconds: inputs.minDelaySeconds,
      maxDelaySeconds: inputs.maxDelaySeconds,
      until: inputs.failFast ? "firstFailure" : "complete",
      keepDetails: inputs.maxDetails,
      keepFailed: FAILED_KEPT,
      clock: ctx.clock,
      onProgress: throttledProgress({ clock: ctx.clock, log: ctx.log, intervalMs: ctx.progressIntervalMs }),
      signal: ctx.signal,
    });
  } catch (err) {
    if (TimeoutError.isInstance(err)) {
      const last = err.lastState as WaitState | undefined;
      const seen = last ? `${last.succeededCount + last.failedCount} of ${last.total} details finished` : "the task was never read";
      throw new ChangeTimedOut(`task ${taskNo} did not complete within timeoutSeconds=${inputs.timeoutSeconds} (${seen})`, last, { cause: err });
    }
    throw err;
  }
  const state = toState({ ...INPUT_DEFAULTS, ...inputs, taskNo, waitFor: "success" }, outcome, ctx.clock.now());
  return {
    status: state.status,
    statusCode: state.statusCode,
    succeeded: state.succeeded,
    complete: state.complete,
    verified: state.verified,
    total: state.total,
    counts: state.counts,
    failed: state.failed,
    failedOmitted: state.failedOmitted,
    unknownStatuses: state.unknownStatuses,
    anomalies: state.anomalies,
    details: state.details,
    detailsOmitted: state.detailsOmitted,
    checkedAt: state.checkedAt,
    completedAt: state.completedAt,
  };
}
