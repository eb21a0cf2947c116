/**
 * What the dynamic resources on the core share: the wait and location inputs (./core/wait-inputs, as Pulumi
 * inputs), the outcome outputs every task-gated resource records (../core/outcome-outputs), and the constructor
 * that registers a declared resource with its serialized loader - every input present (absent ones read back as
 * null) and every output a property of the object.
 */
import * as pulumi from "@pulumi/pulumi";
import type { TaskDetail, TaskStatus } from "../../sdk/api/schemas";
import type { FailedDetail, StatusCounts } from "../../sdk/outcome";
import { DOMAIN_TASK_MODULE } from "../token";
import { announceCancellation } from "./cancellation";

/** How a resource waits for its task. */
export interface WaitArgs {
  /**
   * Stop at the first failed detail instead of waiting for the others to finish (the error then lists the
   * failures seen so far). Default false, like the CLI's `wait --fail-fast`. DomainTask: with `waitFor: "success"`.
   */
  failFast?: pulumi.Input<boolean>;
  /** How long create/update wait before failing with the counts last seen. Default 1800; `pulumi up` again resumes the wait. */
  timeoutSeconds?: pulumi.Input<number>;
  /** Shortest delay between polls. Default 2. */
  minDelaySeconds?: pulumi.Input<number>;
  /** Longest delay between polls. Default 30. */
  maxDelaySeconds?: pulumi.Input<number>;
  /**
   * How many details the `details` output keeps (the first ones; `detailsOmitted` counts the rest). Default
   * 100, which keeps the state small for big batches; `failed`, `counts` and `total` always cover every detail.
   */
  maxDetails?: pulumi.Input<number>;
  /** Language of FailReason/ErrorMsg texts: "en" (the API's default) or "zh". */
  lang?: pulumi.Input<"en" | "zh">;
}

/** Where the Domain API lives; any of them replaces all three from the stack config. Replaces on change. */
export interface LocationArgs {
  /**
   * The API endpoint, overriding the stack config (`alicloud-domain-tasks:endpoint`, `alicloud:region`): e.g.
   * `https://domain.aliyuncs.com`, or an emulator's `http://127.0.0.1:PORT`.
   */
  endpoint?: pulumi.Input<string>;
  /** `domain` (mainland, default) or `domain-intl`. */
  product?: pulumi.Input<"domain" | "domain-intl">;
  /** A region; `ap-southeast-1` selects domain-intl. */
  region?: pulumi.Input<string>;
}

/** What the constructor needs of a declared resource: its type name, its inputs and every output its state holds. */
export interface ResourceShape {
  type: string;
  inputNames: readonly string[];
  outputNames: readonly string[];
}

/** A dynamic resource that waits for a Domain API task and records its outcome. */
export abstract class TaskResource extends pulumi.dynamic.Resource {
  declare readonly failFast: pulumi.Output<boolean>;
  declare readonly timeoutSeconds: pulumi.Output<number>;
  declare readonly minDelaySeconds: pulumi.Output<number>;
  declare readonly maxDelaySeconds: pulumi.Output<number>;
  declare readonly maxDetails: pulumi.Output<number>;
  declare readonly lang: pulumi.Output<string | null>;
  declare readonly endpoint: pulumi.Output<string | null>;
  declare readonly product: pulumi.Output<string | null>;
  declare readonly region: pulumi.Output<string | null>;
  /** Overall status: EXECUTE_FAILURE if any detail failed; EXECUTE_SUCCESS if all succeeded; else EXECUTING or WAITING_EXECUTE. */
  declare readonly status: pulumi.Output<TaskStatus>;
  /** TaskStatusCode of `status`: 0 waiting, 1 executing, 2 success, 3 failure. */
  declare readonly statusCode: pulumi.Output<number>;
  /** True when every detail succeeded (by a verified read). */
  declare readonly succeeded: pulumi.Output<boolean>;
  /** True when every detail is terminal. */
  declare readonly complete: pulumi.Output<boolean>;
  /** True when the read behind these outputs was verified (see docs/verdict.md); `succeeded` requires it. */
  declare readonly verified: pulumi.Output<boolean>;
  /** Number of task details (domains). */
  declare readonly total: pulumi.Output<number>;
  /** Details per status (`WAITING_EXECUTE`, `EXECUTING`, `EXECUTE_SUCCESS`, `EXECUTE_FAILURE`, `UNKNOWN`). */
  declare readonly counts: pulumi.Output<StatusCounts>;
  /** Each failed detail: domainName, taskDetailNo, instanceId, failReason, errorMsg, taskResult. */
  declare readonly failed: pulumi.Output<FailedDetail[]>;
  /** Failed details not listed in `failed` (it keeps the first 1000); 0 when all are. */
  declare readonly failedOmitted: pulumi.Output<number>;
  /** What the provider noticed about the service's answers (contradictions read around, paging facts). */
  declare readonly anomalies: pulumi.Output<string[]>;
  /** TaskStatus values seen that the package does not know. */
  declare readonly unknownStatuses: pulumi.Output<string[]>;
  /** The first `maxDetails` details, as the API reported them. */
  declare readonly details: pulumi.Output<TaskDetail[]>;
  /** Details not kept in `details` because of `maxDetails`; 0 when all are. */
  declare readonly detailsOmitted: pulumi.Output<number>;
  /** When the provider last queried the task (ISO 8601). */
  declare readonly checkedAt: pulumi.Output<string>;
  /** When the provider first saw the task complete (ISO 8601); null while it is not. */
  declare readonly completedAt: pulumi.Output<string | null>;

  /** Registers `name` of the declared resource, served by `provider` (its serialized loader). */
  protected constructor(
    provider: pulumi.dynamic.ResourceProvider,
    shape: ResourceShape,
    name: string,
    args: object,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const given = args as Record<string, unknown>;
    const props: Record<string, unknown> = Object.fromEntries(shape.outputNames.map((key) => [key, undefined]));
    for (const key of shape.inputNames) props[key] = given[key];
    super(provider, name, props, opts, DOMAIN_TASK_MODULE, shape.type);
    // Ctrl-C must reach the wait in the provider host (./cancellation.ts): the program passes it on.
    announceCancellation();
  }
}
