/**
 * Pulumi functions: read a task's details and outcome from a Pulumi program, in the shape of Pulumi's
 * generated invokes (`getX(args, opts): Promise<GetXResult>` and `getXOutput(args, opts): Output<GetXResult>`).
 *
 * They live on the Pulumi side (provider/), so no module under sdk/ imports `@pulumi/pulumi`: the SDK (and the
 * CLI) load fast and work outside Pulumi. The functions call the Domain API directly from the program (there is no provider
 * plugin behind them): `opts.provider`, `opts.version` and `opts.pluginDownloadURL` have no effect.
 */
import * as pulumi from "@pulumi/pulumi";
import { readTaskDetails, type GetTaskDetailsArgs, type GetTaskDetailsResult } from "./task-details";

export type { GetTaskDetailsArgs, GetTaskDetailsResult } from "./task-details";

/** A collection of arguments for invoking getTaskDetails, as Pulumi inputs. */
export type GetTaskDetailsOutputArgs = { [K in keyof GetTaskDetailsArgs]: pulumi.Input<GetTaskDetailsArgs[K]> };

/** Reads one stack config key given as "namespace:name". */
const stackConfig = (key: string): string | undefined => {
  const colon = key.indexOf(":");
  return new pulumi.Config(key.slice(0, colon)).get(key.slice(colon + 1));
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
  return readTaskDetails(args, stackConfig);
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
