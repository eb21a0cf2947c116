/**
 * The DomainTask's state: its inputs (so `diff` can compare against them) plus the task's outcome, as plain
 * JSON. Absent values are `null`, never `undefined`: the engine stores exactly what is returned, and a
 * dynamic provider's outputs must survive a round trip through a protobuf Struct.
 *
 * State size: a detail takes about 400 bytes of JSON, so a 3000-domain batch would add over 1 MB to the state,
 * rewritten at every checkpoint. `details` therefore keeps the first `maxDetails` (default 100) and
 * `detailsOmitted` counts the rest; `failed` keeps the first FAILED_KEPT failures and `failedOmitted` counts
 * the rest; `counts`/`total` cover every detail.
 */
import type { TaskDetail } from "../sdk/api/schemas";
import type { TaskOutcome } from "../sdk/outcome";
import type { DomainTaskInputs } from "./inputs";

/** The inputs as the state echoes them (defaults applied): every one present, an absent optional one `null`. */
export type EchoedInputs = {
  [K in keyof DomainTaskInputs]-?: undefined extends DomainTaskInputs[K] ? Exclude<DomainTaskInputs[K], undefined> | null : DomainTaskInputs[K];
};

/** Failures the state lists at most (about 250 bytes each); `failedOmitted` counts the rest. */
export const FAILED_KEPT = 1000;

/** The outcome fields a DomainTask records, as the SDK's TaskOutcome defines them (see there). */
export type RecordedOutcome = Pick<
  TaskOutcome,
  | "status" | "statusCode" | "succeeded" | "complete" | "verified" | "total" | "counts" | "failed" | "failedOmitted"
  | "unknownStatuses" | "taskResult" | "failReason" | "errorMsg" | "anomalies"
>;

/** Everything a DomainTask resource records: the echoed inputs, the task's outcome, and when it was seen. */
export interface DomainTaskState extends EchoedInputs, RecordedOutcome {
  /** The first `maxDetails` details, as the API reported them. */
  details: TaskDetail[];
  /** Details not kept in `details` (beyond `maxDetails`); 0 when all are. */
  detailsOmitted: number;
  /** When the provider last queried the task (ISO 8601, UTC). */
  checkedAt: string;
  /** When the provider first saw the task complete (ISO 8601, UTC); null while it is not. */
  completedAt: string | null;
}

/** The state for `inputs` and `outcome`, observed at `nowMs`. `previous` keeps a known `completedAt`. */
export function toState(
  inputs: DomainTaskInputs,
  outcome: TaskOutcome,
  nowMs: number,
  previous?: Partial<DomainTaskState>,
): DomainTaskState {
  const now = new Date(nowMs).toISOString();
  const kept = outcome.details.slice(0, inputs.maxDetails);
  const failed = outcome.failed.slice(0, FAILED_KEPT);
  const completedAt = outcome.complete ? (previous?.complete && previous.completedAt ? previous.completedAt : now) : null;
  return {
    ...echoInputs(inputs),
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
    taskResult: outcome.taskResult,
    failReason: outcome.failReason,
    errorMsg: outcome.errorMsg,
    anomalies: [...outcome.anomalies],
    details: kept.map((d) => ({ ...d })),
    detailsOmitted: outcome.detailsOmitted + outcome.details.length - kept.length,
    checkedAt: now,
    completedAt,
  };
}

/** The inputs as the state records them: every one present, absent ones `null`, triggers as plain JSON. */
export function echoInputs(inputs: DomainTaskInputs): EchoedInputs {
  return {
    taskNo: inputs.taskNo,
    domainName: inputs.domainName ?? null,
    instanceId: inputs.instanceId ?? null,
    waitFor: inputs.waitFor,
    failFast: inputs.failFast,
    timeoutSeconds: inputs.timeoutSeconds,
    minDelaySeconds: inputs.minDelaySeconds,
    maxDelaySeconds: inputs.maxDelaySeconds,
    maxDetails: inputs.maxDetails,
    lang: inputs.lang ?? null,
    triggers: inputs.triggers ? plainJson(inputs.triggers) : null,
    endpoint: inputs.endpoint ?? null,
    product: inputs.product ?? null,
    region: inputs.region ?? null,
  };
}

/**
 * The state when the service no longer lists the task (old tasks age out): the last known outcome, kept
 * as it was, with the current inputs and `checkedAt` now. Fills outputs a state written by an older
 * version of this package lacks.
 */
export function keepLastOutcome(inputs: DomainTaskInputs, previous: Partial<DomainTaskState>, nowMs: number): Partial<DomainTaskState> {
  return {
    ...previous,
    ...echoInputs(inputs),
    detailsOmitted: previous.detailsOmitted ?? Math.max(0, (previous.total ?? 0) - (previous.details?.length ?? 0)),
    failedOmitted: previous.failedOmitted ?? 0,
    // A state written before reads were verified was a single, unchecked answer.
    verified: previous.verified ?? false,
    anomalies: previous.anomalies ?? [],
    checkedAt: new Date(nowMs).toISOString(),
  };
}

/** A JSON round trip: drops `undefined`, so the value is what the engine will store. */
const plainJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
