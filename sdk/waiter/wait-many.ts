/**
 * `waitForTasks`: several tasks waited on together - one client (so one rate limit), one deadline, one
 * signal, a result per task. Each task is waited on exactly as `waitForTask` waits on one, so the requests
 * stay proportional to the number of tasks (the per-poll cost of one task, times the tasks), never to their size.
 */
import type { TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { followSignal } from "../clock";
import { AbortError, ValidationError } from "../errors";
import type { TaskOutcome } from "../outcome";
import type { WaitOptions } from "./models";
import { readWaitSettings } from "./settings";
import { waitForTask } from "./wait";

/** How one task's wait ended: its verified outcome, or the error it ended in (a timeout, a contradiction...). */
export type TaskWaitResult =
  | { taskNo: string; outcome: TaskOutcome; error?: undefined }
  | { taskNo: string; outcome?: undefined; error: Error };

/**
 * Waits for every task of `queries` at once and returns a result per task, in the order given. A task's own
 * failure (TimeoutError, InconsistentAnswerError, TaskNotFoundError, DomainApiError) is its result, not the
 * call's: the others go on.
 *
 * @throws ValidationError for a bad query or option (before anything is sent), or duplicate TaskNos;
 *   AbortError when `signal` fires.
 */
export async function waitForTasks(api: DomainTaskApi, queries: readonly TaskQuery[], options: WaitOptions = {}): Promise<TaskWaitResult[]> {
  if (queries.length === 0) throw new ValidationError("queries", queries, "queries must hold at least one TaskNo to wait for");
  const checked = queries.map((q) => readWaitSettings(q, options).query);
  const seen = new Set<string>();
  for (const q of checked) {
    const key = JSON.stringify([q.taskNo, q.domainName, q.instanceId]);
    if (seen.has(key)) throw new ValidationError("queries", q.taskNo, `TaskNo ${q.taskNo} is listed twice with the same filters; list each task once`);
    seen.add(key);
  }
  // One listener on the caller's signal for every task's wait.
  const linked = followSignal(options.signal);
  try {
    return await Promise.all(checked.map(async (query): Promise<TaskWaitResult> => {
      try {
        return { taskNo: query.taskNo, outcome: await waitForTask(api, query, { ...options, signal: linked.signal }) };
      } catch (error) {
        if (AbortError.isInstance(error)) throw error;
        return { taskNo: query.taskNo, error: error instanceof Error ? error : new Error(String(error)) };
      }
    }));
  } finally {
    linked.release();
  }
}
