/**
 * `DomainTask`: a resource that stands for "this Domain API task has finished (successfully)". Create it
 * with the TaskNo a SaveSingleTaskFor... or SaveBatchTaskFor... call returned, and make the next step of the
 * deployment `dependsOn` it: that step runs only once the task is done, and the deployment stops with
 * every failed domain's reason when it failed.
 *
 * Deleting a DomainTask only removes it from the stack: a Domain API task cannot be deleted.
 */
import type * as pulumi from "@pulumi/pulumi";
import { serializableProvider } from "./dynamic/serialized-provider";
import { TaskResource, type LocationArgs, type WaitArgs } from "./dynamic/task-resource";
import { INPUT_NAMES, type WaitMode } from "./inputs";
import { DOMAIN_TASK_OUTPUT_NAMES } from "./outputs";
import { DOMAIN_TASK_TYPE } from "./token";

/** The inputs of a {@link DomainTask}. */
export interface DomainTaskArgs extends WaitArgs, LocationArgs {
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
  /** Any change to these values replaces the resource, re-running the wait (as in pulumi-command). */
  triggers?: pulumi.Input<unknown[]>;
}

/** Waits for a Domain API task and records its outcome. See the module documentation. */
export class DomainTask extends TaskResource {
  declare readonly taskNo: pulumi.Output<string>;
  declare readonly domainName: pulumi.Output<string | null>;
  declare readonly instanceId: pulumi.Output<string | null>;
  declare readonly waitFor: pulumi.Output<WaitMode>;
  declare readonly triggers: pulumi.Output<unknown[] | null>;
  /** Single-detail task: its TaskResult; null for batch tasks. */
  declare readonly taskResult: pulumi.Output<string | null>;
  /** Single-detail task: its FailReason; null for batch tasks (see `failed`). */
  declare readonly failReason: pulumi.Output<string | null>;
  /** Single-detail task: its ErrorMsg; null for batch tasks. */
  declare readonly errorMsg: pulumi.Output<string | null>;

  constructor(name: string, args: DomainTaskArgs, opts?: pulumi.CustomResourceOptions) {
    super(serializableProvider, { type: DOMAIN_TASK_TYPE, inputNames: INPUT_NAMES, outputNames: DOMAIN_TASK_OUTPUT_NAMES }, name, args, opts);
  }
}
