/**
 * What a change to a DomainTask's inputs means. The task it watches (taskNo, the filters, where the API
 * lives) identifies it: a change there is a different task, so the resource is replaced. `triggers` also
 * replaces, as in pulumi-command: any change re-runs the wait. How to wait (mode, timeout, delays,
 * language) and how much to record (maxDetails) change in place: `update` re-evaluates the task with the new
 * settings. Comparing is the core's (./core/diff).
 */
import { diffWith, type ChangeRules, type InputsDiff } from "./core/diff";
import { INPUT_DEFAULTS } from "./inputs";

/** Inputs whose change replaces the resource. */
export const REPLACE_KEYS = ["taskNo", "domainName", "instanceId", "endpoint", "product", "region", "triggers"] as const;
/** Inputs whose change is applied by `update`. */
export const UPDATE_KEYS = ["waitFor", "failFast", "timeoutSeconds", "minDelaySeconds", "maxDelaySeconds", "maxDetails", "lang"] as const;

/** How the core diffs a DomainTask. */
export const DOMAIN_TASK_CHANGES: ChangeRules = { replace: REPLACE_KEYS, update: UPDATE_KEYS, defaults: INPUT_DEFAULTS };

/** What `diff` concluded: whether anything changed, and which changes replace the resource. */
export type DomainTaskDiff = InputsDiff;

/** Compares the prior state (`olds`) with the new, checked inputs (see the core's rules). */
export const diffInputs = (olds: Record<string, unknown>, news: Record<string, unknown>): DomainTaskDiff => diffWith(DOMAIN_TASK_CHANGES, olds, news);
