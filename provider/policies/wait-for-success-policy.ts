/**
 * A resource policy: when the pack is configured to require it (`require: true`), every DomainTask must
 * wait for success - `waitFor` absent (its default is "success") or "success" - so no deployment moves on
 * past a task that failed or never finished. Off unless configured, so one pack serves both kinds of stack.
 */
import type { EnforcementLevel, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import type { DomainTaskState } from "../outputs";
import { DOMAIN_TASK_TOKEN } from "../token";
import { unlessUnknown } from "./unknown";

/** Name of the resource policy, as it appears in policy reports. */
export const WAIT_FOR_SUCCESS_POLICY_NAME = "domain-task-waits-for-success";

/** Pack configuration of the resource policy. */
export interface WaitForSuccessPolicyConfig {
  /** Reject DomainTasks whose waitFor is not "success". Default false (or the factory's `require`). */
  require?: boolean;
}

/** Options of {@link waitForSuccessPolicy}. */
export interface WaitForSuccessPolicyOptions {
  /** Default "mandatory". */
  enforcementLevel?: EnforcementLevel;
  /** Default for the `require` config property. Default false. */
  require?: boolean;
}

/** Builds the resource policy. `domainTaskWaitsForSuccess` is this with the defaults. */
export function waitForSuccessPolicy(options: WaitForSuccessPolicyOptions = {}): ResourceValidationPolicy {
  return {
    name: WAIT_FOR_SUCCESS_POLICY_NAME,
    description: 'DomainTasks wait for success (waitFor "success"), when the pack requires it.',
    enforcementLevel: options.enforcementLevel ?? "mandatory",
    configSchema: {
      properties: {
        require: { type: "boolean", default: options.require ?? false },
      },
    },
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
      if (args.type !== DOMAIN_TASK_TOKEN) return;
      if (!(args.getConfig<WaitForSuccessPolicyConfig>().require ?? false)) return;
      // An unknown waitFor (computed from another resource) is judged when the update runs.
      const props: Partial<DomainTaskState> = args.props;
      const waitFor = unlessUnknown(() => props.waitFor);
      if (waitFor === undefined || waitFor === null || waitFor === "success") return;
      reportViolation(
        `DomainTask "${args.name}" has waitFor ${JSON.stringify(waitFor)}; this stack requires waitFor "success" ` +
          "(or no waitFor, which defaults to it), so the deployment stops when a domain task fails.",
      );
    },
  };
}

/** The default resource policy: mandatory, active when the pack config sets `require: true`. */
export const domainTaskWaitsForSuccess: ResourceValidationPolicy = waitForSuccessPolicy();
