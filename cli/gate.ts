/**
 * The gate behind `wait` and the demo: poll a task until it finishes (or check it once), then judge the
 * outcome against the condition and pick the exit code.
 */
import type { DomainTaskApi } from "../sdk/api/client";
import { TimeoutError } from "../sdk/errors";
import { statusCode, type TaskQuery } from "../sdk/api/schemas";
import { overallStatus, summarizeTask, type StatusCounts, type TaskOutcome } from "../sdk/outcome";
import { listTaskDetails } from "../sdk/pager";
import { waitForTask, type WaitProgress } from "../sdk/waiter";
import { formatDuration } from "./duration";
import { ExitCode } from "./exit-codes";
import { formatCounts, plural } from "./render/counts";

export type Condition = "success" | "completion";

export interface GateOptions {
  condition: Condition;
  /** 0 = check once, do not wait. */
  timeoutMs: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: WaitProgress) => void;
}

export interface GateResult {
  exitCode: typeof ExitCode.OK | typeof ExitCode.CONDITION_FALSE | typeof ExitCode.TIMEOUT;
  /** The final outcome, or the last one seen before the timeout. */
  outcome: TaskOutcome;
  /** One sentence for people: what was expected and what was found. */
  verdict: string;
}

/** Judges a finished outcome, or reports the open details of an unfinished one as a timeout. */
export const judge = (outcome: TaskOutcome, condition: Condition, timeoutMs: number): GateResult => {
  const failed = outcome.counts.EXECUTE_FAILURE;
  if (!outcome.complete) {
    const open = outcome.total - outcome.counts.EXECUTE_SUCCESS - failed;
    const when = timeoutMs === 0 ? "checked once (--timeout 0)" : `timed out after ${formatDuration(timeoutMs)}`;
    const what = outcome.total === 0 ? "the task has no details yet" : `${open} of ${plural(outcome.total, "detail")} still open`;
    return { exitCode: ExitCode.TIMEOUT, outcome, verdict: `${when}: ${what} (${formatCounts(outcome.counts)}).` };
  }
  if (condition === "success" && !outcome.succeeded) {
    return {
      exitCode: ExitCode.CONDITION_FALSE,
      outcome,
      verdict: `condition false: ${failed} of ${plural(outcome.total, "detail")} failed (${formatCounts(outcome.counts)}).`,
    };
  }
  const how = condition === "success" ? `all ${plural(outcome.total, "detail")} succeeded` : `all ${plural(outcome.total, "detail")} finished (${formatCounts(outcome.counts)})`;
  return { exitCode: ExitCode.OK, outcome, verdict: `condition met: ${how}.` };
};

/** Runs the gate. API, credential and abort errors propagate; a timeout becomes exit code 4. */
export const runGate = async (api: DomainTaskApi, query: TaskQuery, options: GateOptions): Promise<GateResult> => {
  if (options.timeoutMs === 0) {
    const { details } = await listTaskDetails(api, query, { pageSize: options.pageSize, signal: options.signal });
    return judge(summarizeTask(query.taskNo, details), options.condition, 0);
  }
  try {
    const outcome = await waitForTask(api, query, {
      maxWaitSeconds: options.timeoutMs / 1000,
      minDelaySeconds: options.minDelayMs === undefined ? undefined : options.minDelayMs / 1000,
      maxDelaySeconds: options.maxDelayMs === undefined ? undefined : options.maxDelayMs / 1000,
      pageSize: options.pageSize,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    return judge(outcome, options.condition, options.timeoutMs);
  } catch (error) {
    if (TimeoutError.isInstance(error)) return judge(lastOutcome(query.taskNo, error.lastState), options.condition, options.timeoutMs);
    throw error;
  }
};

/**
 * The outcome to report after a timeout. The waiter hands over the last full outcome when its last poll read
 * every detail; for a large task it polls counts only, and then the outcome carries the counts with
 * `details` and `failed` empty (`domain-tasks get` reads them in full).
 */
export const lastOutcome = (taskNo: string, lastState: unknown): TaskOutcome => {
  if (typeof lastState !== "object" || lastState === null || !("counts" in lastState) || !("total" in lastState)) {
    return summarizeTask(taskNo, []);
  }
  if ("details" in lastState) return lastState as TaskOutcome;
  const { counts, total } = lastState as { counts: StatusCounts; total: number };
  const status = overallStatus(counts);
  return {
    ...summarizeTask(taskNo, []),
    status,
    statusCode: statusCode(status),
    total,
    counts: { ...counts },
  };
};
