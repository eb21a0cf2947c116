/**
 * The documented shape of `-o json`: the SDK's TaskOutcome, as a zod schema. The CLI's tests validate real
 * output against it, and the type proof below fails the typecheck (tsconfig.json covers test/) if the SDK's
 * TaskOutcome drifts from what is documented here. Test support, not shipped: the CLI never loads it. Strict objects: a new field is a deliberate, documented change.
 */
import { z } from "zod";
import { TASK_STATUSES } from "../../sdk/api/schemas";
import type { TaskOutcome } from "../../sdk/outcome";
import type { Proof, Same } from "../../sdk/type-proofs";

/** One task detail, camelCase, exactly as the SDK hands it out (see sdk/api/schemas.ts). */
export const TaskDetailOutputSchema = z.strictObject({
  taskNo: z.string(),
  taskDetailNo: z.string(),
  instanceId: z.string(),
  domainName: z.string(),
  taskType: z.string(),
  taskTypeDescription: z.string(),
  /** Verbatim from the API: one of the four documented statuses, or an unknown one (never hidden). */
  taskStatus: z.string(),
  /** 0-3, or -1 when the API omitted it. */
  taskStatusCode: z.number().int().min(-1),
  taskResult: z.string(),
  errorMsg: z.string(),
  failReason: z.string(),
  tryCount: z.number().int().min(0),
  /** As the API sent it: "2018-01-25 20:46:57", no zone. */
  createTime: z.string(),
  updateTime: z.string(),
});

export const FailedDetailOutputSchema = z.strictObject({
  domainName: z.string(),
  taskDetailNo: z.string(),
  instanceId: z.string(),
  failReason: z.string(),
  errorMsg: z.string(),
  taskResult: z.string(),
});

const count = z.number().int().min(0);

export const TaskOutcomeOutputSchema = z.strictObject({
  taskNo: z.string().min(1),
  /** EXECUTE_FAILURE if any detail failed; EXECUTE_SUCCESS if all succeeded; else EXECUTING or WAITING_EXECUTE. */
  status: z.enum(TASK_STATUSES),
  /** The status's TaskStatusCode, 0-3. */
  statusCode: z.number().int().min(0).max(3),
  /** Every detail succeeded (and there is at least one), and the read was verified. */
  succeeded: z.boolean(),
  /** Every detail finished, successfully or not (and there is at least one). */
  complete: z.boolean(),
  /** The read was proven consistent (see the README, "What verified means"). */
  verified: z.boolean(),
  total: count,
  counts: z.strictObject({
    WAITING_EXECUTE: count,
    EXECUTING: count,
    EXECUTE_SUCCESS: count,
    EXECUTE_FAILURE: count,
    UNKNOWN: count,
  }),
  failed: z.array(FailedDetailOutputSchema),
  /** Failures not listed in `failed` (a bound on the list); 0 when all are. */
  failedOmitted: count,
  /** Distinct TaskStatus values the API sent that are not documented. */
  unknownStatuses: z.array(z.string()),
  /** Single-detail tasks only; null for batch tasks. */
  taskResult: z.string().nullable(),
  failReason: z.string().nullable(),
  errorMsg: z.string().nullable(),
  details: z.array(TaskDetailOutputSchema),
  /** Details not listed in `details` (a bound on the list); 0 when all are. */
  detailsOmitted: count,
  /** Contradictions read around (or not) and paging facts the service got wrong, one sentence each. */
  anomalies: z.array(z.string()),
});

export type TaskOutcomeOutput = z.infer<typeof TaskOutcomeOutputSchema>;

/** A gate's exit code (docs/cli.md, "Exit codes"). */
const exitCode = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** One task of a gate over several (`wait T1 T2`, `--tasks-from`, `--since`): also each `-o jsonl` line. */
export const TaskVerdictOutputSchema = z.strictObject({
  taskNo: z.string().min(1),
  /** This task's own exit code. */
  exitCode,
  /** One sentence: what was expected and what was found. */
  verdict: z.string(),
  /** Its outcome; null when its wait ended in an error that has none (an API error, a TaskNo without details). */
  outcome: TaskOutcomeOutputSchema.nullable(),
});

/**
 * `-o json` of a gate over several tasks - several TaskNos, `--tasks-from` or `--since`, even when that finds one
 * task: the combined exit code (the worst verdict) and each task's. `wait` with one TaskNo prints its outcome alone.
 */
export const WaitManyOutputSchema = z.strictObject({
  exitCode,
  tasks: z.array(TaskVerdictOutputSchema),
});

/** `set-ns -o json` without `--wait`: what was submitted (or found). */
export const SetNsOutputSchema = z.strictObject({
  /** The task that makes the change; null when the domains already had the name servers and no task of it was found. */
  taskNo: z.string().min(1).nullable(),
  /** The write's RequestId; null when nothing was written (or its answer was lost). */
  requestId: z.string().nullable(),
  /** True when this run submitted the change. */
  submitted: z.boolean(),
  /** submitted: written now; resumed: an earlier submission of it was found; applied: already in effect, nothing sent. */
  how: z.enum(["submitted", "resumed", "applied"]),
});

/** Compile-time proof that the schema and the SDK's TaskOutcome describe the same object (sdk/type-proofs.ts). */
export type OutputSchemaMatchesSdk = Proof<Same<TaskOutcomeOutput, TaskOutcome>>;
