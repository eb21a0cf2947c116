/**
 * The DomainTask's state: its inputs (so `diff` can compare against them) plus the task's outcome, as plain
 * JSON. Absent values are `null`, never `undefined`: the engine stores exactly what is returned, and a
 * dynamic provider's outputs must survive a round trip through a protobuf Struct.
 *
 * State size: a detail takes about 350 bytes, so a 3000-domain batch would add about 1 MB to the state,
 * rewritten at every checkpoint. `details` therefore keeps the first `maxDetails` (default 100) and
 * `detailsOmitted` counts the rest; `failed` always lists every failed detail, and `counts`/`total` cover all.
 */
import type { TaskDetail, TaskStatus } from "../sdk/api/schemas";
import type { FailedDetail, StatusCounts, TaskOutcome } from "../sdk/outcome";
import type { DomainTaskInputs, WaitMode } from "./inputs";

/** Everything a DomainTask resource records. Input fields echo the (defaulted) inputs. */
export interface DomainTaskState {
  // Inputs.
  taskNo: string;
  domainName: string | null;
  instanceId: string | null;
  waitFor: WaitMode;
  failFast: boolean;
  timeoutSeconds: number;
  minDelaySeconds: number;
  maxDelaySeconds: number;
  maxDetails: number;
  lang: string | null;
  triggers: unknown[] | null;
  endpoint: string | null;
  product: string | null;
  region: string | null;
  // Outcome.
  /** The overall status (see the SDK's TaskOutcome): EXECUTE_FAILURE if any detail failed, etc. */
  status: TaskStatus;
  /** TaskStatusCode of `status`: 0 waiting, 1 executing, 2 success, 3 failure. */
  statusCode: number;
  /** Every detail succeeded. */
  succeeded: boolean;
  /** Every detail is terminal (succeeded or failed). */
  complete: boolean;
  /** Number of details. */
  total: number;
  counts: StatusCounts;
  failed: FailedDetail[];
  unknownStatuses: string[];
  /** Single-detail task: its TaskResult; batch task: null (see `details`). */
  taskResult: string | null;
  failReason: string | null;
  errorMsg: string | null;
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
  const completedAt = outcome.complete ? (previous?.complete && previous.completedAt ? previous.completedAt : now) : null;
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
    status: outcome.status,
    statusCode: outcome.statusCode,
    succeeded: outcome.succeeded,
    complete: outcome.complete,
    total: outcome.total,
    counts: { ...outcome.counts },
    failed: outcome.failed.map((f) => ({ ...f })),
    unknownStatuses: [...outcome.unknownStatuses],
    taskResult: outcome.taskResult,
    failReason: outcome.failReason,
    errorMsg: outcome.errorMsg,
    details: kept.map((d) => ({ ...d })),
    detailsOmitted: outcome.details.length - kept.length,
    checkedAt: now,
    completedAt,
  };
}

/** A JSON round trip: drops `undefined`, so the value is what the engine will store. */
const plainJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
