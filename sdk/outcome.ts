/**
 * The outcome of a task, summarized from its details: one overall status, counts by status, the failures,
 * and for a single-detail task its result at the top level.
 *
 * Every field is plain JSON (strings, numbers, booleans, arrays, objects and `null`, never `undefined`), so
 * an outcome can be a Pulumi output or a dynamic provider's state as is.
 */
import { isKnownStatus, isTerminalStatus, statusCode, TASK_STATUSES, type TaskDetail, type TaskStatus } from "./api/schemas";

/** Details per status. `UNKNOWN` counts details whose TaskStatus is none of the four documented values. */
export type StatusCounts = Record<TaskStatus | "UNKNOWN", number>;

/** One failed detail: which domain, and what the service said about it. Absent fields are "". */
export interface FailedDetail {
  domainName: string;
  taskDetailNo: string;
  instanceId: string;
  failReason: string;
  errorMsg: string;
  taskResult: string;
}

/** What a task came to (or has come to so far). */
export interface TaskOutcome {
  taskNo: string;
  /**
   * The overall status: `EXECUTE_FAILURE` if any detail failed (even while others still run); else
   * `EXECUTE_SUCCESS` if there is at least one detail and every detail succeeded; else `EXECUTING` if any
   * detail is executing or has an unknown status, or some but not all have finished; else `WAITING_EXECUTE`
   * (which is also the status of a task with no details).
   */
  status: TaskStatus;
  /** The TaskStatusCode of `status`: 0 waiting, 1 executing, 2 success, 3 failure. */
  statusCode: number;
  /** True only when every detail succeeded (and there is at least one). */
  succeeded: boolean;
  /**
   * True when every detail is terminal (`EXECUTE_SUCCESS` or `EXECUTE_FAILURE`) and there is at least one.
   * A detail with an unknown status is never terminal.
   */
  complete: boolean;
  /** Number of details. */
  total: number;
  /** Details per status; the five counts add up to `total`. */
  counts: StatusCounts;
  /** Every detail whose status is `EXECUTE_FAILURE`, in the order given. */
  failed: FailedDetail[];
  /** The distinct TaskStatus values seen that are none of the four documented ones, sorted. */
  unknownStatuses: string[];
  /**
   * Single-detail task: that detail's TaskResult (`""` when the service sent none). Batch task (two or more
   * details) and task without details: `null`; read each detail's `taskResult` in `details`.
   */
  taskResult: string | null;
  /**
   * Single-detail task: that detail's FailReason (`""` when it has none, e.g. it succeeded). Batch task and
   * task without details: `null`; the failures with their reasons are in `failed`.
   */
  failReason: string | null;
  /** Single-detail task: that detail's ErrorMsg (`""` when none). Batch task and no details: `null`. */
  errorMsg: string | null;
  /** The details summarized, in the order given. */
  details: TaskDetail[];
}

/** Zero for every status; a fresh object each call. */
export const emptyCounts = (): StatusCounts => ({
  WAITING_EXECUTE: 0,
  EXECUTING: 0,
  EXECUTE_SUCCESS: 0,
  EXECUTE_FAILURE: 0,
  UNKNOWN: 0,
});

/** The overall status from counts, by the rules documented on {@link TaskOutcome.status}. */
export const overallStatus = (counts: StatusCounts): TaskStatus => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (counts.EXECUTE_FAILURE > 0) return "EXECUTE_FAILURE";
  if (total > 0 && counts.EXECUTE_SUCCESS === total) return "EXECUTE_SUCCESS";
  if (counts.EXECUTING > 0 || counts.UNKNOWN > 0 || counts.EXECUTE_SUCCESS > 0) return "EXECUTING";
  return "WAITING_EXECUTE";
};

/** Number of details not yet terminal (waiting, executing or unknown). */
export const openCount = (counts: StatusCounts): number => counts.WAITING_EXECUTE + counts.EXECUTING + counts.UNKNOWN;

const toFailed = (d: TaskDetail): FailedDetail => ({
  domainName: d.domainName,
  taskDetailNo: d.taskDetailNo,
  instanceId: d.instanceId,
  failReason: d.failReason,
  errorMsg: d.errorMsg,
  taskResult: d.taskResult,
});

/**
 * Summarizes the details of one task into a {@link TaskOutcome}.
 *
 * @param taskNo The task the details belong to (echoed, not checked against the details).
 * @param details Every detail of the task, e.g. from `listTaskDetails`. Pass all of them: the outcome of a
 *   partial list describes only that list.
 */
export function summarizeTask(taskNo: string, details: readonly TaskDetail[]): TaskOutcome {
  const counts = emptyCounts();
  const unknown = new Set<string>();
  for (const d of details) {
    if (isKnownStatus(d.taskStatus)) counts[d.taskStatus] += 1;
    else {
      counts.UNKNOWN += 1;
      unknown.add(d.taskStatus);
    }
  }
  const status = overallStatus(counts);
  const total = details.length;
  const single = total === 1 ? details[0] : undefined;
  return {
    taskNo,
    status,
    statusCode: statusCode(status),
    succeeded: total > 0 && counts.EXECUTE_SUCCESS === total,
    complete: total > 0 && details.every((d) => isTerminalStatus(d.taskStatus)),
    total,
    counts,
    failed: details.filter((d) => d.taskStatus === "EXECUTE_FAILURE").map(toFailed),
    unknownStatuses: [...unknown].sort(),
    taskResult: single ? single.taskResult : null,
    failReason: single ? single.failReason : null,
    errorMsg: single ? single.errorMsg : null,
    details: [...details],
  };
}

/** Counts in the order of their status codes, e.g. "2 WAITING_EXECUTE, 1 EXECUTING, 7 EXECUTE_SUCCESS". */
export const formatCounts = (counts: StatusCounts): string =>
  [...TASK_STATUSES, "UNKNOWN" as const]
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(", ") || "no details";
