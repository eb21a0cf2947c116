/**
 * The gate behind `wait` and the demo: poll a task until it finishes (or check it once), then judge the
 * verified outcome against the condition and pick the exit code. Nothing passes unless its read verified.
 */
import type { DomainTaskApi } from "../sdk/api/client";
import type { TaskDetail, TaskQuery } from "../sdk/api/schemas";
import { InconsistentAnswerError } from "../sdk/errors";
import { summarizeTask, type TaskOutcome } from "../sdk/outcome";
import { readTaskOutcome } from "../sdk/read";
import { TimeoutError, waitForTask, type WaitProgress } from "../sdk/waiter";
import { formatDuration } from "./duration";
import { ExitCode } from "./exit-codes";
import { formatCounts, plural } from "./render/counts";

export type Condition = "success" | "completion";

/** How an outcome is judged. Times are in seconds, the SDK's unit: the CLI hands them over as they are. */
export interface Verdict {
  condition: Condition;
  /** 0 = checked once, without waiting. */
  timeoutSeconds: number;
  /** With `success`: a failed detail decides the gate at once, without waiting for the open ones. */
  failFast?: boolean;
}

export interface GateOptions extends Verdict {
  minDelaySeconds?: number;
  maxDelaySeconds?: number;
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: WaitProgress) => void;
  /** Stream the details (each once) instead of holding them in the outcome (see WaitOptions.onDetails). */
  onDetails?: (details: TaskDetail[]) => void | Promise<void>;
  /** Failures the outcome lists (the rest counted in failedOmitted). Default: all. */
  keepFailed?: number;
}

export interface GateResult {
  exitCode: typeof ExitCode.OK | typeof ExitCode.CONDITION_FALSE | typeof ExitCode.API_ERROR | typeof ExitCode.TIMEOUT;
  /** The final outcome, or the last one seen before the timeout or the contradiction. */
  outcome: TaskOutcome;
  /** One sentence for people: what was expected and what was found. */
  verdict: string;
}

/** Judges an outcome: 0 or 1 once every detail has finished (or at the first failure with failFast), else 4. */
export const judge = (outcome: TaskOutcome, verdict: Verdict): GateResult => {
  const { condition, timeoutSeconds } = verdict;
  const failed = outcome.counts.EXECUTE_FAILURE;
  const details = plural(outcome.total, "detail");
  const open = outcome.total - outcome.counts.EXECUTE_SUCCESS - failed;
  if (!outcome.verified) {
    return { exitCode: ExitCode.API_ERROR, outcome, verdict: "not verified: the service's answers contradict each other; nothing concluded." };
  }
  if (!outcome.complete && !(verdict.failFast && condition === "success" && failed > 0)) {
    const when = timeoutSeconds === 0 ? "checked once (--timeout 0)" : `timed out after ${formatDuration(timeoutSeconds * 1000)}`;
    const what = outcome.total === 0
      ? "the task has no details yet (check the TaskNo, and --product: domain or domain-intl)"
      : `${open} of ${details} still open (${formatCounts(outcome.counts)})`;
    return { exitCode: ExitCode.TIMEOUT, outcome, verdict: `${when}: ${what}.` };
  }
  if (condition === "success" && !outcome.succeeded) {
    const early = outcome.complete ? "" : `; stopped early (--fail-fast) with ${open} still open`;
    return {
      exitCode: ExitCode.CONDITION_FALSE,
      outcome,
      verdict: `condition false: ${failed} of ${details} failed${early} (${formatCounts(outcome.counts)}).`,
    };
  }
  const how = condition === "success" ? `all ${details} succeeded` : `all ${details} finished (${formatCounts(outcome.counts)})`;
  return { exitCode: ExitCode.OK, outcome, verdict: `condition met: ${how}.` };
};

/** Runs the gate. API, credential and abort errors propagate; a timeout is exit 4, a contradiction exit 3. */
export const runGate = async (api: DomainTaskApi, query: TaskQuery, options: GateOptions): Promise<GateResult> => {
  try {
    const { onDetails, keepFailed } = options;
    const outcome = options.timeoutSeconds === 0
      ? await readTaskOutcome(api, query, { pageSize: options.pageSize, signal: options.signal, onDetails, keepFailed, ...(onDetails && { keepDetails: 0 }) })
      : await waitForTask(api, query, {
        maxWaitSeconds: options.timeoutSeconds,
        minDelaySeconds: options.minDelaySeconds,
        maxDelaySeconds: options.maxDelaySeconds,
        until: options.failFast === true && options.condition === "success" ? "firstFailure" : "complete",
        pageSize: options.pageSize,
        signal: options.signal,
        onProgress: options.onProgress,
        onDetails,
        keepFailed,
      });
    return judge(outcome, options);
  } catch (error) {
    const judged = judgeError(error, query.taskNo, options);
    if (judged) return judged;
    throw error;
  }
};

/**
 * The verdict of a gate that ended in an error a verdict can be given for: a timeout (exit 4, the last counts seen)
 * or answers that never verified (exit 3); undefined for any other error, which the caller reports.
 */
export const judgeError = (
  error: unknown,
  taskNo: string,
  verdict: Verdict,
  /** What to say of a timeout before any poll came back; default: no request was answered in time. */
  unanswered: (error: Error) => string = () => `timed out after ${formatDuration(verdict.timeoutSeconds * 1000)}: the Domain API answered no request in time.`,
): GateResult | undefined => {
  if (TimeoutError.isInstance(error)) {
    if (error.lastState === undefined) {
      // Not one poll came back in time: nothing is known about the task, and the verdict must not guess.
      const outcome = { ...summarizeTask(taskNo, []), anomalies: [error.message] };
      return { exitCode: ExitCode.TIMEOUT, outcome, verdict: unanswered(error) };
    }
    // What the last poll saw (its counts, every failure the wait saw, the contradictions): the SDK's WaitState.seen.
    return judge(error.lastState.seen, verdict);
  }
  if (InconsistentAnswerError.isInstance(error)) {
    const outcome = error.lastOutcome ?? { ...summarizeTask(taskNo, []), anomalies: [...error.problems] };
    return { exitCode: ExitCode.API_ERROR, outcome: { ...outcome, verified: false, succeeded: false }, verdict: `not verified: ${error.message}.` };
  }
  return undefined;
};
