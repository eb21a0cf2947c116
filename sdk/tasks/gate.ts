/**
 * The gate of a submitted change: wait for its task through the verified wait, then prove it is the change - one
 * detail per domain asked, of the asked type, each succeeded - and read every domain back in the asked state.
 * Details that appear one by one are waited for (within the deadline); a detail of anything else means the TaskNo
 * is not this change's, and nothing is concluded.
 */
import type { Clock } from "../clock";
import { InconsistentAnswerError } from "../errors";
import { TimeoutError } from "../waiter/timeout-error";
import type { TaskOutcome } from "../outcome";
import { waitForTask } from "../waiter";
import { pollDelayMs } from "../waiter/poll-delay";
import { coverageOf } from "./coverage";
import type { Deadline } from "./deadline";
import type { ChangeResult, SubmitOptions, TaskApi, TaskOperation } from "./models";
import { readBack } from "./read-back";

export interface GateContext {
  deadline: Deadline;
  clock: Clock;
  timeoutSeconds: number;
  options: SubmitOptions;
}

/** A TimeoutError carrying what the last outcome showed, for a gate whose task did not yet cover every domain. */
const notCovered = (taskNo: string, outcome: TaskOutcome, missing: readonly string[], timeoutSeconds: number) =>
  new TimeoutError(
    `timed out after ${timeoutSeconds} s: task ${taskNo} lists ${outcome.total} of the ${outcome.total + missing.length} domain(s) asked ` +
      `(no detail yet for ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? `, and ${missing.length - 3} more` : ""}); raise the timeout to wait longer`,
    {
      taskNo, total: outcome.total, succeededCount: outcome.counts.EXECUTE_SUCCESS, failedCount: outcome.counts.EXECUTE_FAILURE,
      open: outcome.total - outcome.counts.EXECUTE_SUCCESS - outcome.counts.EXECUTE_FAILURE, breakdown: { ...outcome.counts },
      outcome, seen: outcome, verified: outcome.verified, problems: [],
    },
  );

/** Waits until the task's verified outcome covers every domain asked (or holds a failure), within the deadline. */
const waitCovering = async <C, S>(api: TaskApi, op: TaskOperation<C, S>, domains: readonly string[], taskNo: string, ctx: GateContext): Promise<TaskOutcome> => {
  const { options, deadline, clock } = ctx;
  for (let round = 1; ; round++) {
    const outcome = await waitForTask(api, { taskNo, ...(options.lang && { lang: options.lang }) }, {
      maxWaitSeconds: deadline.leftMs() / 1000,
      minDelaySeconds: options.minDelaySeconds,
      maxDelaySeconds: options.maxDelaySeconds,
      until: options.failFast ? "firstFailure" : "complete",
      clock,
      signal: options.signal,
      onProgress: options.onProgress,
      random: options.random,
    });
    const { missing, foreign } = coverageOf(outcome, domains, op.taskType);
    if (foreign.length > 0) {
      throw new InconsistentAnswerError(
        `task ${taskNo} is not the change asked (${foreign.slice(0, 3).join("; ")}): the service answered with a TaskNo that is not this ` +
          `change's. Nothing was concluded; the change may have been submitted under another TaskNo - run again, and it is found by its domains`,
        { problems: foreign, reads: round, lastOutcome: { ...outcome, verified: false, succeeded: false } },
      );
    }
    if (missing.length === 0 || outcome.counts.EXECUTE_FAILURE > 0) return outcome;
    const delay = pollDelayMs(round, (options.minDelaySeconds ?? 2) * 1000, (options.maxDelaySeconds ?? 30) * 1000, options.random);
    if (deadline.leftMs() <= 0) throw notCovered(taskNo, outcome, missing, ctx.timeoutSeconds);
    await clock.sleep(Math.min(delay, deadline.leftMs()), options.signal);
  }
};

/** The verdict on `taskNo` as the change: waited on, covered, and read back. */
export async function gateChange<C, S>(
  api: TaskApi,
  op: TaskOperation<C, S>,
  change: C,
  taskNo: string,
  base: Pick<ChangeResult<S>, "how" | "requestId">,
  ctx: GateContext,
): Promise<ChangeResult<S>> {
  const domains = op.domainsOf(change);
  const outcome = await waitCovering(api, op, domains, taskNo, ctx);
  const result = { ...base, taskNo, outcome };
  if (!outcome.succeeded) {
    const failed = outcome.failed.map((f) => f.domainName).slice(0, 3).join(", ");
    return { ...result, verdict: "failed", states: {}, summary: `task ${taskNo} failed for ${outcome.counts.EXECUTE_FAILURE} of ${outcome.total} domain(s)${failed ? ` (${failed})` : ""}` };
  }
  const { deadline, clock, options } = ctx;
  const { states, notApplied } = await readBack(api, op, change, domains, {
    clock, signal: options.signal, random: options.random, settle: true, timeLeftMs: () => deadline.graceLeftMs(),
  });
  if (notApplied.length === 0) return { ...result, verdict: "applied", states, summary: `task ${taskNo} succeeded and every domain reads back ${op.describeChange(change)}` };
  const d = notApplied[0];
  return {
    ...result,
    verdict: "notApplied",
    states,
    summary: `task ${taskNo} succeeded, but ${d} reads back ${op.describeState(states[d])}, not ${op.describeChange(change)}` +
      `${notApplied.length > 1 ? ` (and ${notApplied.length - 1} more domain(s))` : ""}: another change may have overridden it`,
  };
}
