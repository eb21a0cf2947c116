/**
 * `DomainTask`: a resource that stands for "this Domain API task has finished (successfully)". Create it
 * with the TaskNo a SaveSingleTaskFor... or SaveBatchTaskFor... call returned, and make the next step of the
 * deployment `dependsOn` it: that step runs only once the task is done, and the deployment stops with
 * every failed domain's reason when it failed.
 *
 * Deleting a DomainTask only removes it from the stack: a Domain API task cannot be deleted.
 */
import * as pulumi from "@pulumi/pulumi";
import type { TaskDetail, TaskStatus } from "../sdk/api/schemas";
import type { FailedDetail, StatusCounts } from "../sdk/outcome";
import { announceCancellation } from "./cancellation";
import type { WaitMode } from "./inputs";
import { serializableProvider } from "./serialized-provider";
import { DOMAIN_TASK_MODULE, DOMAIN_TASK_TYPE } from "./token";


/** The inputs of a {@link DomainTask}. */
export interface DomainTaskArgs {
  /** The TaskNo returned by the call that submitted the task. Changing it replaces the resource. */
  taskNo: pulumi.Input<string>;
  /** Only the detail of this domain (QueryTaskDetailList's DomainName filter). Replaces on change. */
  domainName?: pulumi.Input<string>;
  /** Only the detail of this instance (InstanceId filter). Replaces on change. */
  instanceId?: pulumi.Input<string>;
  /**
   * `success` (default): wait until every detail has finished; fail unless all succeeded, listing each
   * failed domain with its FailReason and ErrorMsg. `completion`: wait until terminal and record the
   * outcome, never failing on it. `none`: record the state now without waiting.
   */
  waitFor?: pulumi.Input<WaitMode>;
  /**
   * With `waitFor: "success"`: fail at the first failed detail instead of waiting for the others to finish
   * (the error then lists the failures seen so far). Default false, like the CLI's `wait --fail-fast`.
   */
  failFast?: pulumi.Input<boolean>;
  /** How long create/update wait before failing with the counts last seen. Default 1800. */
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
  /** Any change to these values replaces the resource, re-running the wait (as in pulumi-command). */
  triggers?: pulumi.Input<unknown[]>;
  /**
   * Where the Domain API lives, overriding the stack config (`alicloud-domain-tasks:endpoint`,
   * `alicloud:region`): e.g. `https://domain.aliyuncs.com`, or an emulator's `http://127.0.0.1:PORT`.
   */
  endpoint?: pulumi.Input<string>;
  /** `domain` (mainland, default) or `domain-intl`. */
  product?: pulumi.Input<"domain" | "domain-intl">;
  /** A region; `ap-southeast-1` selects domain-intl. */
  region?: pulumi.Input<string>;
}

/** Waits for a Domain API task and records its outcome. See the module documentation. */
export class DomainTask extends pulumi.dynamic.Resource {
  declare readonly taskNo: pulumi.Output<string>;
  declare readonly domainName: pulumi.Output<string | null>;
  declare readonly instanceId: pulumi.Output<string | null>;
  declare readonly waitFor: pulumi.Output<WaitMode>;
  declare readonly failFast: pulumi.Output<boolean>;
  declare readonly timeoutSeconds: pulumi.Output<number>;
  declare readonly minDelaySeconds: pulumi.Output<number>;
  declare readonly maxDelaySeconds: pulumi.Output<number>;
  declare readonly maxDetails: pulumi.Output<number>;
  declare readonly lang: pulumi.Output<string | null>;
  declare readonly triggers: pulumi.Output<unknown[] | null>;
  declare readonly endpoint: pulumi.Output<string | null>;
  declare readonly product: pulumi.Output<string | null>;
  declare readonly region: pulumi.Output<string | null>;
  /** Overall status: EXECUTE_FAILURE if any detail failed; EXECUTE_SUCCESS if all succeeded; else EXECUTING or WAITING_EXECUTE. */
  declare readonly status: pulumi.Output<TaskStatus>;
  /** TaskStatusCode of `status`: 0 waiting, 1 executing, 2 success, 3 failure. */
  declare readonly statusCode: pulumi.Output<number>;
  /** True when every detail succeeded. */
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
  /** Single-detail task: its TaskResult; null for batch tasks. */
  declare readonly taskResult: pulumi.Output<string | null>;
  /** Single-detail task: its FailReason; null for batch tasks (see `failed`). */
  declare readonly failReason: pulumi.Output<string | null>;
  /** Single-detail task: its ErrorMsg; null for batch tasks. */
  declare readonly errorMsg: pulumi.Output<string | null>;
  /** The first `maxDetails` details, as the API reported them. */
  declare readonly details: pulumi.Output<TaskDetail[]>;
  /** Details not kept in `details` because of `maxDetails`; 0 when all are. */
  declare readonly detailsOmitted: pulumi.Output<number>;
  /** When the provider last queried the task (ISO 8601). */
  declare readonly checkedAt: pulumi.Output<string>;
  /** When the provider first saw the task complete (ISO 8601); null while it is not. */
  declare readonly completedAt: pulumi.Output<string | null>;

  constructor(name: string, args: DomainTaskArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      serializableProvider,
      name,
      {
        // Every input, present or not, so each is a property of this object (absent ones read back as null).
        taskNo: args.taskNo,
        domainName: args.domainName,
        instanceId: args.instanceId,
        waitFor: args.waitFor,
        failFast: args.failFast,
        timeoutSeconds: args.timeoutSeconds,
        minDelaySeconds: args.minDelaySeconds,
        maxDelaySeconds: args.maxDelaySeconds,
        maxDetails: args.maxDetails,
        lang: args.lang,
        triggers: args.triggers,
        endpoint: args.endpoint,
        product: args.product,
        region: args.region,
        // Outputs the provider fills in; listing them makes them properties of this object.
        status: undefined,
        statusCode: undefined,
        succeeded: undefined,
        complete: undefined,
        verified: undefined,
        total: undefined,
        counts: undefined,
        failed: undefined,
        failedOmitted: undefined,
        anomalies: undefined,
        unknownStatuses: undefined,
        taskResult: undefined,
        failReason: undefined,
        errorMsg: undefined,
        details: undefined,
        detailsOmitted: undefined,
        checkedAt: undefined,
        completedAt: undefined,
      },
      opts,
      DOMAIN_TASK_MODULE,
      DOMAIN_TASK_TYPE,
    );
    // Ctrl-C must reach the wait in the provider host (./cancellation.ts): the program passes it on.
    announceCancellation();
  }
}
