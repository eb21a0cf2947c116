/**
 * The documented shape of `-o json`: the SDK's TaskOutcome, as a zod schema. The CLI's tests validate real
 * output against it, and the type assertions below fail the typecheck if the SDK's TaskOutcome drifts
 * from what is documented here. Strict objects: a new field is a deliberate, documented change.
 */
import { z } from "zod";
import { TASK_STATUSES } from "../sdk/api/schemas";
import type { TaskOutcome } from "../sdk/outcome";

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

/** Compile-time proof that the schema and the SDK's TaskOutcome describe the same object. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type OutputSchemaMatchesSdk = Same<TaskOutcomeOutput, TaskOutcome> extends true ? true : never;
export const OUTPUT_SCHEMA_MATCHES_SDK: OutputSchemaMatchesSdk = true;
