/**
 * Pulumi functions: read a task's details and outcome from a Pulumi program, in the shape of Pulumi's
 * generated invokes (`getX(args, opts): Promise<GetXResult>` and `getXOutput(args, opts): Output<GetXResult>`).
 *
 * This is the only SDK module that imports `@pulumi/pulumi`, so the rest of the SDK (and the CLI) load fast
 * and work outside Pulumi. The functions call the Domain API directly from the program (there is no provider
 * plugin behind them): `opts.provider`, `opts.version` and `opts.pluginDownloadURL` have no effect.
 */
import * as pulumi from "@pulumi/pulumi";
import type { TaskDetail, TaskStatus } from "./api/schemas";
import { DomainTaskClient, type ClientOptions } from "./api/client";
import { clientOptionsFromStackConfig, STACK_CONFIG_KEYS } from "./config";
import { ValidationError } from "./errors";
import type { FailedDetail, StatusCounts } from "./outcome";
import { readTaskOutcome } from "./read";

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

/** A collection of arguments for invoking getTaskDetails, as Pulumi inputs. */
export type GetTaskDetailsOutputArgs = { [K in keyof GetTaskDetailsArgs]: pulumi.Input<GetTaskDetailsArgs[K]> };

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

/** Reads one stack config key given as "namespace:name". */
const stackConfig = (key: string): string | undefined => {
  const colon = key.indexOf(":");
  return new pulumi.Config(key.slice(0, colon)).get(key.slice(colon + 1));
};

/**
 * Connection settings: explicit args win, as a group (an explicit endpoint, product or region hides all three
 * from config; explicit keys hide the configured keys, token and profile), then stack config; the client
 * itself falls back to the environment and the Alibaba Cloud credential chain.
 */
const clientOptions = (args: GetTaskDetailsArgs): ClientOptions => {
  const k = STACK_CONFIG_KEYS;
  const explicitLocation = args.endpoint !== undefined || args.product !== undefined || args.region !== undefined;
  const explicitKeys = args.accessKey !== undefined || args.secretKey !== undefined || args.securityToken !== undefined;
  const hidden = new Set<string>([
    ...(explicitLocation ? [k.endpoint, k.product, k.region] : []),
    ...(explicitKeys ? [k.accessKey, k.secretKey, k.securityToken, k.profile] : []),
  ]);
  const options = clientOptionsFromStackConfig((key) => (hidden.has(key) ? undefined : stackConfig(key)));
  if (args.endpoint !== undefined) options.endpoint = args.endpoint;
  if (args.product !== undefined) options.product = args.product;
  if (args.region !== undefined) options.region = args.region;
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
 * Reads every detail of a task, verified (see `readTaskOutcome`), and summarizes its outcome, once (it does
 * not wait; see `DomainTask` or `waitForTask` for that). Answers that never verify end in an
 * InconsistentAnswerError: a result is never built from them.
 *
 * ```ts
 * const task = await getTaskDetails({ taskNo: "8a3f..." });
 * if (!task.succeeded) pulumi.log.warn(task.failed.map((f) => `${f.domainName}: ${f.failReason}`).join("\n"));
 * ```
 */
export async function getTaskDetails(args: GetTaskDetailsArgs, _opts?: pulumi.InvokeOptions): Promise<GetTaskDetailsResult> {
  const client = new DomainTaskClient(clientOptions(args));
  const query = { taskNo: args.taskNo, taskStatus: args.taskStatus, domainName: args.domainName, instanceId: args.instanceId, lang: args.lang };
  const outcome = await readTaskOutcome(client, query, { pageSize: args.pageSize });
  const echoed = Object.fromEntries(
    Object.entries({ taskStatus: args.taskStatus, domainName: args.domainName, instanceId: args.instanceId, lang: args.lang })
      .filter(([, v]) => v !== undefined),
  );
  return { id: args.taskNo, ...echoed, ...outcome };
}

/** Waits for the resources in `dependsOn` (their IDs, or URNs for components) before the read. */
const dependencies = (dependsOn: pulumi.InvokeOutputOptions["dependsOn"]): pulumi.Output<unknown[]> =>
  pulumi.output(dependsOn ?? []).apply((deps) => {
    const list = (Array.isArray(deps) ? deps : [deps]) as pulumi.Resource[];
    return pulumi.all(list.map((r) => (pulumi.CustomResource.isInstance(r) ? r.id : r.urn)));
  });

/**
 * The Output form of {@link getTaskDetails}: takes inputs, returns an Output. Runs once every input is
 * known (and every resource in `opts.dependsOn` exists). If any input is secret (an access key from
 * `config.requireSecret`, say) the result is secret too.
 *
 * ```ts
 * const task = getTaskDetailsOutput({ taskNo: renewal.taskNo });
 * export const renewalStatus = task.status;
 * ```
 */
export function getTaskDetailsOutput(args: GetTaskDetailsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetTaskDetailsResult> {
  return pulumi
    .all([pulumi.output(args), dependencies(opts?.dependsOn)])
    .apply(([plain]) => getTaskDetails(plain as GetTaskDetailsArgs, opts));
}
