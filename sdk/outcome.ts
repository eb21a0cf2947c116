/**
 * The outcome of a task, summarized from its details: one overall status, counts by status, the failures,
 * and for a single-detail task its result at the top level.
 *
 * Every field is plain JSON (strings, numbers, booleans, arrays, objects and `null`, never `undefined`), so
 * an outcome can be a Pulumi output or a dynamic provider's state as is.
 */
import { isKnownStatus, statusCode, TASK_STATUSES, type TaskDetail, type TaskStatus } from "./api/schemas";

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
  /**
   * True only when every detail succeeded (and there is at least one) AND the read was verified: the one flag
   * a gate may pass on.
   */
  succeeded: boolean;
  /**
   * True when every detail is terminal (`EXECUTE_SUCCESS` or `EXECUTE_FAILURE`) and there is at least one.
   * A detail with an unknown status is never terminal.
   */
  complete: boolean;
  /**
   * True when the read behind this outcome was proven consistent: every detail the service counted was seen,
   * each belongs to the TaskNo and filters asked, each status agrees with its code, and a second view (the
   * failure count, or the waiter's counts) agrees with the details (see docs/verdict.md).
   * An outcome that is not verified never has `succeeded: true`.
   */
  verified: boolean;
  /** Number of details. */
  total: number;
  /** Details per status; the five counts add up to `total`. */
  counts: StatusCounts;
  /** The failed details, in the order read: the first ones, up to the reader's bound (see `failedOmitted`). */
  failed: FailedDetail[];
  /** Failed details not listed in `failed` because of the reader's bound; 0 when all are. */
  failedOmitted: number;
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
  /** The details summarized, in the order read: the first ones, up to the reader's bound (see `detailsOmitted`). */
  details: TaskDetail[];
  /** Details not listed in `details` because of the reader's bound; 0 when all are. */
  detailsOmitted: number;
  /**
   * What the reader noticed about the service's answers: contradictions it read around (and, on an outcome
   * that is not verified, the ones it could not), and paging facts the service got wrong. Usually empty.
   */
  anomalies: string[];
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

/** How much of a task an outcome lists, and what an earlier look established. */
export interface OutcomeBounds {
  /** List at most this many details in `details` (the rest are counted in `detailsOmitted`). Default: all. */
  keepDetails?: number;
  /** List at most this many failures in `failed` (the rest are counted in `failedOmitted`). Default: all. */
  keepFailed?: number;
  /**
   * Details an earlier look saw fail, by identity (see `identityOf`). A failure stays a failure unless the
   * service shows it retried: read as EXECUTE_SUCCESS with no retry seen, or no longer listed, it is counted
   * failed, with an anomaly saying so.
   */
  remembered?: ReadonlyMap<string, FailedDetail>;
}

/** The proof behind an outcome: whether its read verified, and what the reader noticed. */
export interface OutcomeProof {
  verified: boolean;
  anomalies?: readonly string[];
}

/** What an outcome is made of; every reader (summarizeTask, the verified read, the waiter) assembles it here. */
export interface OutcomeParts {
  taskNo: string;
  counts: StatusCounts;
  /** The failures listed (the first ones, up to the reader's bound). */
  failed: FailedDetail[];
  /** Failures in all (listed or not). */
  failures: number;
  unknownStatuses: Iterable<string>;
  /** The task's only detail, when it has exactly one. */
  single?: TaskDetail;
  details: TaskDetail[];
  detailsOmitted: number;
  anomalies: readonly string[];
}

/** The outcome of `parts`, by the rules documented on {@link TaskOutcome}: a success needs a verified read. */
export const assembleOutcome = (parts: OutcomeParts, proof: OutcomeProof): TaskOutcome => {
  const counts = { ...parts.counts };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const status = overallStatus(counts);
  const single = total === 1 ? parts.single : undefined;
  // A single detail kept failed while it now reads otherwise: its reason is the failure's.
  const reason = single && counts.EXECUTE_FAILURE === 1 && parts.failed.length === 1 ? parts.failed[0].failReason : single?.failReason;
  return {
    taskNo: parts.taskNo,
    status,
    statusCode: statusCode(status),
    succeeded: proof.verified && total > 0 && counts.EXECUTE_SUCCESS === total,
    complete: total > 0 && counts.EXECUTE_SUCCESS + counts.EXECUTE_FAILURE === total,
    verified: proof.verified,
    total,
    counts,
    failed: [...parts.failed],
    failedOmitted: Math.max(0, parts.failures - parts.failed.length),
    unknownStatuses: [...new Set(parts.unknownStatuses)].sort(),
    taskResult: single ? single.taskResult : null,
    failReason: single ? (reason ?? "") : null,
    errorMsg: single ? single.errorMsg : null,
    details: [...parts.details],
    detailsOmitted: parts.detailsOmitted,
    anomalies: [...(proof.anomalies ?? []), ...parts.anomalies],
  };
};

/** One failed detail as an outcome lists it. */
export const toFailedDetail = (d: Pick<TaskDetail, keyof FailedDetail>): FailedDetail => ({
  domainName: d.domainName,
  taskDetailNo: d.taskDetailNo,
  instanceId: d.instanceId,
  failReason: d.failReason,
  errorMsg: d.errorMsg,
  taskResult: d.taskResult,
});

/**
 * Summarizes details as they stream in, each counted by its TaskStatus, in memory bounded by `keepDetails` and
 * `keepFailed`: a 200,000-detail task need not be held to be judged.
 */
export class OutcomeBuilder {
  private readonly counts = emptyCounts();
  private readonly unknown = new Set<string>();
  private readonly kept: TaskDetail[] = [];
  private readonly failed: FailedDetail[] = [];
  private failures = 0;
  private first: TaskDetail | undefined;

  constructor(
    private readonly taskNo: string,
    private readonly bounds: Pick<OutcomeBounds, "keepDetails" | "keepFailed"> = {},
  ) {}

  add(d: TaskDetail): void {
    this.first ??= d;
    const status = d.taskStatus;
    if (isKnownStatus(status)) this.counts[status] += 1;
    else {
      this.counts.UNKNOWN += 1;
      this.unknown.add(status);
    }
    if (status === "EXECUTE_FAILURE") {
      this.failures += 1;
      if (this.failed.length < (this.bounds.keepFailed ?? Infinity)) this.failed.push(toFailedDetail(d));
    }
    if (this.kept.length < (this.bounds.keepDetails ?? Infinity)) this.kept.push(d);
  }

  finish(proof: OutcomeProof): TaskOutcome {
    const total = Object.values(this.counts).reduce((a, b) => a + b, 0);
    return assembleOutcome({
      taskNo: this.taskNo,
      counts: this.counts,
      failed: this.failed,
      failures: this.failures,
      unknownStatuses: this.unknown,
      single: this.first,
      details: this.kept,
      detailsOmitted: total - this.kept.length,
      anomalies: [],
    }, proof);
  }
}

/**
 * Summarizes the details of one task into a {@link TaskOutcome}.
 *
 * @param taskNo The task the details belong to (echoed, not checked against the details).
 * @param details Every detail of the task. Pass all of them: the outcome of a partial list describes only that list.
 * @param proof Whether the read that produced `details` was verified. Default: not verified, so `succeeded` is
 *   false: use `readTaskOutcome` (or `waitForTask`) for a verdict; this function only summarizes.
 */
export function summarizeTask(taskNo: string, details: readonly TaskDetail[], proof: OutcomeProof = { verified: false }): TaskOutcome {
  const builder = new OutcomeBuilder(taskNo);
  for (const d of details) builder.add(d);
  return builder.finish(proof);
}

/**
 * Counts by the API's status names, in the order of their status codes, then any other (e.g. the waiter's
 * OPEN): "2 WAITING_EXECUTE, 1 EXECUTING, 7 EXECUTE_SUCCESS", for logs and errors that quote the service.
 * Zero counts are left out; none at all reads "no details". (The CLI says the same in words and colours:
 * cli/render/counts.ts.)
 */
export const formatStatusCounts = (counts: Readonly<Partial<Record<string, number>>>): string => {
  const order: string[] = [...TASK_STATUSES, "UNKNOWN"];
  const keys = [...order.filter((k) => k in counts), ...Object.keys(counts).filter((k) => !order.includes(k))];
  return keys.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${k}`).join(", ") || "no details";
};
