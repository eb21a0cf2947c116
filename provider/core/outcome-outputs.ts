/**
 * The outcome outputs every task-gated resource records for its task, as plain JSON: the SDK's TaskOutcome
 * (status, counts, failures, what did not add up) plus the details kept and when the task was seen.
 *
 * State size: a detail takes about 400 bytes of JSON, so a 3000-domain batch would add over 1 MB to the state,
 * rewritten at every checkpoint. `details` therefore keeps the first `maxDetails` and `detailsOmitted` counts the
 * rest; `failed` keeps the first FAILED_KEPT failures and `failedOmitted` counts the rest; `counts`/`total` cover
 * every detail.
 */
import type { TaskDetail } from "../../sdk/api/schemas";
import type { TaskOutcome } from "../../sdk/outcome";

/** Failures a state lists at most (about 250 bytes each); `failedOmitted` counts the rest. */
export const FAILED_KEPT = 1000;

/** The outcome fields a resource records for its task, as the SDK's TaskOutcome defines them (see there). */
export interface OutcomeOutputs
  extends Pick<
    TaskOutcome,
    "status" | "statusCode" | "succeeded" | "complete" | "verified" | "total" | "counts" | "failed" | "failedOmitted" | "unknownStatuses" | "anomalies"
  > {
  /** The first `maxDetails` details, as the API reported them. */
  details: TaskDetail[];
  /** Details not kept in `details` (beyond `maxDetails`); 0 when all are. */
  detailsOmitted: number;
  /** When the provider last queried the task (ISO 8601, UTC). */
  checkedAt: string;
  /** When the provider first saw the task complete (ISO 8601, UTC); null while it is not. */
  completedAt: string | null;
}

/** The names of the outcome outputs, in the order states list them. */
export const OUTCOME_OUTPUT_NAMES = [
  "status", "statusCode", "succeeded", "complete", "verified", "total", "counts", "failed", "failedOmitted",
  "unknownStatuses", "anomalies", "details", "detailsOmitted", "checkedAt", "completedAt",
] as const satisfies readonly (keyof OutcomeOutputs)[];

/** The outcome outputs of `outcome` observed at `nowMs`, keeping `maxDetails` details. `previous` keeps a known `completedAt`. */
export function outcomeOutputs(outcome: TaskOutcome, maxDetails: number, nowMs: number, previous?: Partial<OutcomeOutputs>): OutcomeOutputs {
  const now = new Date(nowMs).toISOString();
  const kept = outcome.details.slice(0, maxDetails);
  const failed = outcome.failed.slice(0, FAILED_KEPT);
  return {
    status: outcome.status,
    statusCode: outcome.statusCode,
    succeeded: outcome.succeeded,
    complete: outcome.complete,
    verified: outcome.verified,
    total: outcome.total,
    counts: { ...outcome.counts },
    failed: failed.map((f) => ({ ...f })),
    failedOmitted: outcome.failedOmitted + outcome.failed.length - failed.length,
    unknownStatuses: [...outcome.unknownStatuses],
    anomalies: [...outcome.anomalies],
    details: kept.map((d) => ({ ...d })),
    detailsOmitted: outcome.detailsOmitted + outcome.details.length - kept.length,
    checkedAt: now,
    completedAt: outcome.complete ? (previous?.complete && previous.completedAt ? previous.completedAt : now) : null,
  };
}
