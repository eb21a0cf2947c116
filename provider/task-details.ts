/**
 * getTaskDetails without Pulumi: its arguments and result, where the connection comes from (explicit args, then the
 * caller's configuration, then the environment and the credential chain), and the read itself. The program-side
 * functions (./functions: stack config through `pulumi.Config`) and the plugin's Invoke (the plugin's own config)
 * both call `readTaskDetails`, so their results are the same.
 */
import type { TaskDetail, TaskStatus } from "../sdk/api/schemas";
import { DomainTaskClient, type ClientOptions } from "../sdk/api/client";
import { clientOptionsFromStackConfig, STACK_CONFIG_KEYS } from "../sdk/config";
import { ValidationError } from "../sdk/errors";
import { hiddenLocationKeys, withLocation } from "../sdk/location";
import type { FailedDetail, StatusCounts } from "../sdk/outcome";
import { readTaskOutcome } from "../sdk/read";

/** A collection of arguments for invoking getTaskDetails. */
export interface GetTaskDetailsArgs {
  /** The TaskNo returned by a SaveSingleTaskFor* / SaveBatchTaskFor* call. */
  taskNo: string;
  /** Only details in this state: 0-3 or its name (WAITING_EXECUTE, EXECUTING, EXECUTE_SUCCESS, EXECUTE_FAILURE). */
  taskStatus?: number | TaskStatus;
  /** Only the detail of this domain. */
  domainName?: string;
  /** Only the detail of this instance ID. */
  instanceId?: string;
  /** Language of the service's messages (FailReason, TaskTypeDescription): `en` (default) or `zh`. */
  lang?: "zh" | "en";
  /** Details per request, 1-1000 (default 1000). */
  pageSize?: number;
  /** The API endpoint, e.g. `https://domain-intl.aliyuncs.com` or an emulator's `http://127.0.0.1:PORT`. Overrides product and region. */
  endpoint?: string;
  /** `domain` (mainland site, domain.aliyuncs.com) or `domain-intl` (international site). */
  product?: "domain" | "domain-intl";
  /** Region; `ap-southeast-1` selects domain-intl. Default: `alicloud:region`, then ALICLOUD_REGION. */
  region?: string;
  /** AccessKey ID. Default: `alicloud:accessKey`, then the environment and the Alibaba Cloud credential chain. */
  accessKey?: string;
  /** AccessKey secret, required with accessKey. Default: `alicloud:secretKey`. */
  secretKey?: string;
  /** STS security token, for temporary credentials. Default: `alicloud:securityToken`. */
  securityToken?: string;
}

/**
 * A collection of values returned by getTaskDetails: every detail the query selects and their outcome.
 * With a filter (taskStatus, domainName, instanceId) the outcome fields describe the selected details only.
 */
export interface GetTaskDetailsResult {
  /** The provider-assigned unique ID for this data source: the TaskNo. */
  readonly id: string;
  readonly taskNo: string;
  readonly taskStatus?: number | TaskStatus;
  readonly domainName?: string;
  readonly instanceId?: string;
  readonly lang?: "zh" | "en";
  /** Every selected detail, once each, in the service's order. */
  readonly details: readonly TaskDetail[];
  /** Overall status (see TaskOutcome.status): EXECUTE_FAILURE if any failed, EXECUTE_SUCCESS if all succeeded, ... */
  readonly status: TaskStatus;
  /** TaskStatusCode of `status` (0-3). */
  readonly statusCode: number;
  /** Every detail succeeded (and there is at least one), by a verified read. */
  readonly succeeded: boolean;
  /** Always true on a result: answers that could not be verified end in an InconsistentAnswerError instead. */
  readonly verified: boolean;
  /** Every detail is terminal (and there is at least one). */
  readonly complete: boolean;
  readonly total: number;
  readonly counts: Readonly<StatusCounts>;
  /** The failed details with their FailReason and ErrorMsg. */
  readonly failed: readonly FailedDetail[];
  /** Failures not listed in `failed`: always 0 here (every failure is listed). */
  readonly failedOmitted: number;
  /** Details not listed in `details`: always 0 here (every detail is listed). */
  readonly detailsOmitted: number;
  /** TaskStatus values outside the documented four; such details count as UNKNOWN, never as success. */
  readonly unknownStatuses: readonly string[];
  /** Single-detail result: that detail's TaskResult; null when the result holds zero or several details. */
  readonly taskResult: string | null;
  /** Single-detail result: that detail's FailReason ("" if none); null for zero or several details (see `failed`). */
  readonly failReason: string | null;
  /** Single-detail result: that detail's ErrorMsg ("" if none); null for zero or several details. */
  readonly errorMsg: string | null;
  /** Paging facts the service got wrong (e.g. a wrong TotalPageNum) and contradictions read around; usually empty. */
  readonly anomalies: readonly string[];
}

/**
 * Connection settings: explicit args win, as a group (an explicit endpoint, product or region hides all three
 * from config: sdk/location.ts; explicit keys hide the configured keys, token and profile), then `config` (stack
 * config keys as `ns:name`);
 * the client itself falls back to the environment and the Alibaba Cloud credential chain.
 */
const clientOptions = (args: GetTaskDetailsArgs, config: (key: string) => string | undefined): ClientOptions => {
  const k = STACK_CONFIG_KEYS;
  const explicitKeys = args.accessKey !== undefined || args.secretKey !== undefined || args.securityToken !== undefined;
  const hidden = new Set<string>([
    ...hiddenLocationKeys(args),
    ...(explicitKeys ? [k.accessKey, k.secretKey, k.securityToken, k.profile] : []),
  ]);
  const options = withLocation(clientOptionsFromStackConfig((key) => (hidden.has(key) ? undefined : config(key))), args);
  if (explicitKeys) {
    if (!args.accessKey || !args.secretKey) {
      const missing = args.accessKey ? "secretKey" : "accessKey";
      throw new ValidationError(missing, undefined,
        `getTaskDetails: ${missing} is missing; pass accessKey and secretKey together (or neither, to use stack config and the environment)`);
    }
    options.credentials = { accessKeyId: args.accessKey, accessKeySecret: args.secretKey, securityToken: args.securityToken };
  }
  return options;
};

/**
 * Reads every detail of a task, verified, and summarizes its outcome, once: it does not wait (the DomainTask resource
 * does). Answers that never verify end in an error, never in a result. With a filter (taskStatus, domainName,
 * instanceId) the outcome describes the selected details only.
 *
 * @param config reads a stack config key given as "namespace:name" (`alicloud:accessKey`, `alicloud-domain-tasks:endpoint`).
 */
export async function readTaskDetails(args: GetTaskDetailsArgs, config: (key: string) => string | undefined): Promise<GetTaskDetailsResult> {
  const client = new DomainTaskClient(clientOptions(args, config));
  const query = { taskNo: args.taskNo, taskStatus: args.taskStatus, domainName: args.domainName, instanceId: args.instanceId, lang: args.lang };
  const outcome = await readTaskOutcome(client, query, { pageSize: args.pageSize });
  const echoed = Object.fromEntries(
    Object.entries({ taskStatus: args.taskStatus, domainName: args.domainName, instanceId: args.instanceId, lang: args.lang })
      .filter(([, v]) => v !== undefined),
  );
  return { id: args.taskNo, ...echoed, ...outcome };
}
