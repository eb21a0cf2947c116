/**
 * The gate behind `wait` and the demo: poll a task until it finishes (or check it once), then judge the
 * outcome against the condition and pick the exit code.
 */
import type { DomainTaskApi } from "../sdk/api/client";
import { statusCode, type TaskQuery } from "../sdk/api/schemas";
import { TimeoutError } from "../sdk/errors";
import { overallStatus, summarizeTask, type StatusCounts, type TaskOutcome } from "../sdk/outcome";
import { listTaskDetails } from "../sdk/pager";
import { waitForTask, type WaitProgress } from "../sdk/waiter";
import { formatDuration } from "./duration";
import { ExitCode } from "./exit-codes";
import { formatCounts, plural } from "./render/counts";

export type Condition = "success" | "completion";

/** How an outcome is judged. */
export interface Verdict {
  condition: Condition;
  /** 0 = checked once, without waiting. */
  timeoutMs: number;
  /** With `success`: a failed detail decides the gate at once, without waiting for the open ones. */
  failFast?: boolean;
}

export interface GateOptions extends Verdict {
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

/** Judges an outcome: 0 or 1 once every detail has finished (or at the first failure with failFast), else 4. */
export const judge = (outcome: TaskOutcome, verdict: Verdict): GateResult => {
  const { condition, timeoutMs } = verdict;
  const failed = outcome.counts.EXECUTE_FAILURE;
  const details = plural(outcome.total, "detail");
  const open = outcome.total - outcome.counts.EXECUTE_SUCCESS - failed;
  if (!outcome.complete && !(verdict.failFast && condition === "success" && failed > 0)) {
    const when = timeoutMs === 0 ? "checked once (--timeout 0)" : `timed out after ${formatDuration(timeoutMs)}`;
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

/** Thrown from onProgress to end the wait at the first failure (the waiter ends on an onProgress error). */
class FailedEarly extends Error {}

/** Runs the gate. API, credential and abort errors propagate; a timeout becomes exit code 4. */
export const runGate = async (api: DomainTaskApi, query: TaskQuery, options: GateOptions): Promise<GateResult> => {
  const readOnce = async (): Promise<TaskOutcome> => {
    const { details } = await listTaskDetails(api, query, { pageSize: options.pageSize, signal: options.signal });
    return summarizeTask(query.taskNo, details);
  };
  if (options.timeoutMs === 0) return judge(await readOnce(), options);
  const stopAtFailure = options.failFast === true && options.condition === "success";
  try {
    const outcome = await waitForTask(api, query, {
      maxWaitSeconds: options.timeoutMs / 1000,
      minDelaySeconds: options.minDelayMs === undefined ? undefined : options.minDelayMs / 1000,
      maxDelaySeconds: options.maxDelayMs === undefined ? undefined : options.maxDelayMs / 1000,
      pageSize: options.pageSize,
      signal: options.signal,
      onProgress: (progress) => {
        options.onProgress?.(progress);
        if (stopAtFailure && progress.counts.EXECUTE_FAILURE > 0 && progress.open > 0) throw new FailedEarly();
      },
    });
    return judge(outcome, options);
  } catch (error) {
    // The waiter polled counts only; read the details once, so the failures can be shown with their reasons.
    if (error instanceof FailedEarly) return judge(await readOnce(), options);
    if (TimeoutError.isInstance(error)) return judge(lastOutcome(query.taskNo, error.lastState), options);
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
