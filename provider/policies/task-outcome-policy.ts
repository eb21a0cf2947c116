/**
 * A stack policy: the deployment is out of policy when a DomainTask ended in EXECUTE_FAILURE, or has not
 * completed (e.g. `waitFor: "none"`, or a refresh saw it still running). It reads the resources' outputs,
 * so it judges what the tasks actually came to; DomainTasks whose outcome is unknown during preview are
 * skipped (they are judged when the update runs).
 */
import type { PolicyResource, ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import type { EnforcementLevel } from "@pulumi/policy";
import { DOMAIN_TASK_TOKEN } from "../token";
import { unlessUnknown } from "./unknown";

/** Name of the stack policy, as it appears in policy reports. */
export const TASK_OUTCOME_POLICY_NAME = "domain-task-succeeded";

/** Pack configuration of the stack policy. */
export interface TaskOutcomePolicyConfig {
  /** Accept DomainTasks that have not completed (only failures are violations). Default false. */
  allowIncomplete?: boolean;
}

/** Options of {@link taskOutcomePolicy}. */
export interface TaskOutcomePolicyOptions {
  /** Default "mandatory": a failed domain task blocks the deployment. */
  enforcementLevel?: EnforcementLevel;
  /** Default for the `allowIncomplete` config property. */
  allowIncomplete?: boolean;
}

/** How many failed domains one violation message names. */
const LISTED_FAILURES = 20;

/** Builds the stack policy. `domainTaskSucceeded` is this with the defaults. */
export function taskOutcomePolicy(options: TaskOutcomePolicyOptions = {}): StackValidationPolicy {
  return {
    name: TASK_OUTCOME_POLICY_NAME,
    description: "Every DomainTask completed and none ended in EXECUTE_FAILURE.",
    enforcementLevel: options.enforcementLevel ?? "mandatory",
    configSchema: {
      properties: {
        allowIncomplete: { type: "boolean", default: options.allowIncomplete ?? false },
      },
    },
    validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
      const config = args.getConfig<TaskOutcomePolicyConfig>();
      for (const resource of args.resources) {
        if (resource.type !== DOMAIN_TASK_TOKEN) continue;
        const violation = unlessUnknown(() => judge(resource, config.allowIncomplete ?? false));
        if (violation) reportViolation(violation, resource.urn);
      }
    },
  };
}

/** The default stack policy: mandatory, incomplete tasks are violations. */
export const domainTaskSucceeded: StackValidationPolicy = taskOutcomePolicy();

/** The violation message for one DomainTask, or undefined when it is fine (or not known yet). */
function judge(resource: PolicyResource, allowIncomplete: boolean): string | undefined {
  const props = resource.props;
  const status = props.status as string | undefined;
  if (status === undefined) return undefined; // not created yet: nothing to judge
  const who = `DomainTask "${resource.name}" (taskNo ${String(props.taskNo)})`;
  if (status === "EXECUTE_FAILURE") {
    const failed = (props.failed ?? []) as { domainName?: string; failReason?: string; errorMsg?: string }[];
    const listed = failed
      .slice(0, LISTED_FAILURES)
      .map((f) => `${f.domainName || "(no domain name)"}: ${reasonOf(f)}`);
    // The state lists the first failures only (failedOmitted counts the rest): count them all.
    const listedInState = failed.length + Number(props.failedOmitted ?? 0);
    const failures = Math.max(listedInState, (props.counts as { EXECUTE_FAILURE?: number } | undefined)?.EXECUTE_FAILURE ?? 0);
    const unlisted = failures - listed.length;
    const more = unlisted > 0 ? `; and ${unlisted} more` : "";
    return `${who} ended in EXECUTE_FAILURE: ${failures} of ${String(props.total)} domains failed: ${listed.join("; ")}${more}. ` +
      "Fix them and submit a new task.";
  }
  if (props.verified === false && props.complete === true) {
    return `${who} was recorded from answers of the Domain API that could not be verified (${String((props.anomalies as string[] | undefined)?.[0] ?? "no detail")}). ` +
      "Run `pulumi refresh` to read it again.";
  }
  if (props.complete !== true && !allowIncomplete) {
    return `${who} has not completed (status ${status}, counts ${JSON.stringify(props.counts ?? {})}). ` +
      'Wait for it (waitFor "success" or "completion"), or run `pulumi refresh` once it has finished.';
  }
  return undefined;
}

/** "FailReason (ErrorMsg)", either alone when the other is empty, as the provider's failure error gives both. */
function reasonOf(f: { failReason?: string; errorMsg?: string }): string {
  if (f.failReason && f.errorMsg) return `${f.failReason} (${f.errorMsg})`;
  return f.failReason || f.errorMsg || "no reason given";
}
