/**
 * The DomainTask's state: its inputs (so `diff` can compare against them) plus the task's outcome (the core's
 * outcome outputs, ./core/outcome-outputs, and a single-detail task's texts), as plain JSON. Absent values are
 * `null`, never `undefined`: the engine stores exactly what is returned, and outputs must survive a round trip
 * through a protobuf Struct.
 */
import type { TaskOutcome } from "../sdk/outcome";
import type { Proof, Same } from "../sdk/type-proofs";
import { OUTCOME_OUTPUT_NAMES, outcomeOutputs, type OutcomeOutputs } from "./core/outcome-outputs";
import { echoSharedInputs, SHARED_INPUT_NAMES } from "./core/wait-inputs";
import type { DomainTaskInputs } from "./inputs";

export { FAILED_KEPT } from "./core/outcome-outputs";

/** The inputs as the state echoes them (defaults applied): every one present, an absent optional one `null`. */
export type EchoedInputs = {
  [K in keyof DomainTaskInputs]-?: undefined extends DomainTaskInputs[K] ? Exclude<DomainTaskInputs[K], undefined> | null : DomainTaskInputs[K];
};

/** The outcome fields a DomainTask records, as the SDK's TaskOutcome defines them (see there). */
export type RecordedOutcome = OutcomeOutputs & Pick<TaskOutcome, "taskResult" | "failReason" | "errorMsg">;

/** Everything a DomainTask resource records: the echoed inputs, the task's outcome, and when it was seen. */
export interface DomainTaskState extends EchoedInputs, RecordedOutcome {}

/**
 * A state as the engine hands it back: one this provider wrote, or an older version did (which may lack
 * fields added since), so every field is optional when read.
 */
export type StoredState = Partial<DomainTaskState>;

/** Every output of a DomainTask, in state order. */
export const DOMAIN_TASK_OUTPUT_NAMES = [
  "taskNo", "domainName", "instanceId", "waitFor", "triggers", ...SHARED_INPUT_NAMES, ...OUTCOME_OUTPUT_NAMES, "taskResult", "failReason", "errorMsg",
] as const satisfies readonly (keyof DomainTaskState)[];

/** The state for `inputs` and `outcome`, observed at `nowMs`. `previous` keeps a known `completedAt`. */
export function toState(
  inputs: DomainTaskInputs,
  outcome: TaskOutcome,
  nowMs: number,
  previous?: Partial<DomainTaskState>,
): DomainTaskState {
  return {
    ...echoInputs(inputs),
    ...outcomeOutputs(outcome, inputs.maxDetails, nowMs, previous),
    taskResult: outcome.taskResult,
    failReason: outcome.failReason,
    errorMsg: outcome.errorMsg,
  };
}

/** The inputs as the state records them: every one present, absent ones `null`, triggers as plain JSON. */
export function echoInputs(inputs: DomainTaskInputs): EchoedInputs {
  return {
    taskNo: inputs.taskNo,
    domainName: inputs.domainName ?? null,
    instanceId: inputs.instanceId ?? null,
    waitFor: inputs.waitFor,
    triggers: inputs.triggers ? plainJson(inputs.triggers) : null,
    ...echoSharedInputs(inputs),
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

/** @internal Compile-time proof that DOMAIN_TASK_OUTPUT_NAMES lists every field of DomainTaskState, and only those. */
export type OutputNamesProof = Proof<Same<(typeof DOMAIN_TASK_OUTPUT_NAMES)[number], keyof DomainTaskState>>;
