/**
 * `domain-tasks wait T1 T2 ...` (or `--tasks-from FILE|-`): one gate over several tasks. Each task is waited on
 * and judged exactly as a single `wait` judges one (cli/gate.ts), all at once, through one client (one rate
 * limit) and against one deadline; one progress view sums them. The exit code is the worst verdict: 1 if any
 * detail failed, else 3 if any task's answers could not be verified (or its calls failed), else 2 if a TaskNo
 * has no details, else 4 if any task is still open at the deadline, else 0.
 */
import type { DomainTaskApi } from "../../sdk/api/client";
import type { TaskQuery } from "../../sdk/api/schemas";
import { DomainApiError, TaskNotFoundError } from "../../sdk/errors";
import { knownCounts, type WaitProgress } from "../../sdk/waiter";
import { ExitCode } from "../exit-codes";
import { runGate, type GateOptions, type GateResult } from "../gate";
import type { ProgressSnapshot } from "../render/progress";

/** One task's verdict, or the error that stopped its wait. */
export interface TaskVerdict {
  taskNo: string;
  exitCode: number;
  verdict: string;
  result?: GateResult;
}

/** The progress of every task, summed into one snapshot ("3 tasks"). */
export const summedProgress = (latest: ReadonlyMap<string, WaitProgress>, tasks: number): ProgressSnapshot => {
  const counts: Record<string, number> = {};
  let total = 0;
  let elapsedMs = 0;
  let nextDelayMs: number | null = null;
  for (const p of latest.values()) {
    for (const [status, n] of Object.entries(knownCounts(p))) counts[status] = (counts[status] ?? 0) + n;
    total += p.total;
    elapsedMs = Math.max(elapsedMs, p.elapsedMs);
    if (p.nextDelayMs !== null) nextDelayMs = Math.min(nextDelayMs ?? p.nextDelayMs, p.nextDelayMs);
  }
  return { taskNo: `${latest.size}/${tasks} tasks`, counts, total, elapsedMs, nextDelayMs };
};

export const gateMany = async (
  api: DomainTaskApi,
  queries: readonly TaskQuery[],
  options: Omit<GateOptions, "onProgress">,
  onProgress: (snapshot: ProgressSnapshot) => void,
): Promise<TaskVerdict[]> => {
  const latest = new Map<string, WaitProgress>();
  return Promise.all(queries.map(async (query): Promise<TaskVerdict> => {
    try {
      const result = await runGate(api, query, {
        ...options,
        onProgress: (p) => {
          latest.set(query.taskNo, p);
          onProgress(summedProgress(latest, queries.length));
        },
      });
      return { taskNo: query.taskNo, exitCode: result.exitCode, verdict: result.verdict, result };
    } catch (error) {
      // One task's error is its verdict; the others go on. Anything else (an abort) ends the command.
      if (TaskNotFoundError.isInstance(error)) return { taskNo: query.taskNo, exitCode: ExitCode.USAGE, verdict: error.message };
      if (DomainApiError.isInstance(error)) {
        return { taskNo: query.taskNo, exitCode: ExitCode.API_ERROR, verdict: `${error.message} (Code ${error.code}, RequestId ${error.requestId ?? "none"})` };
      }
      throw error;
    }
  }));
};
