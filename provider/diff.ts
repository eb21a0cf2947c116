/**
 * What a change to a DomainTask's inputs means. The task it watches (taskNo, the filters, where the API
 * lives) identifies it: a change there is a different task, so the resource is replaced. `triggers` also
 * replaces, as in pulumi-command: any change re-runs the wait. How to wait (mode, timeout, delays,
 * language) and how much to record (maxDetails) change in place: `update` re-evaluates the task with the new settings.
 */
import { INPUT_DEFAULTS, UNKNOWN_VALUE } from "./inputs";

/** Inputs whose change replaces the resource. */
export const REPLACE_KEYS = ["taskNo", "domainName", "instanceId", "endpoint", "product", "region", "triggers"] as const;
/** Inputs whose change is applied by `update`. */
export const UPDATE_KEYS = ["waitFor", "failFast", "timeoutSeconds", "minDelaySeconds", "maxDelaySeconds", "maxDetails", "lang"] as const;

/** What `diff` concluded: whether anything changed, and which changes replace the resource. */
export interface DomainTaskDiff {
  changes: boolean;
  replaces: string[];
  /** Which inputs changed, replacing or not (for messages and tests). */
  changed: string[];
  deleteBeforeReplace: false;
}

/**
 * Compares the prior state (`olds`, which echoes the old inputs, absent ones as null) with the new,
 * checked inputs. A value not known yet (preview) counts as changed. An input missing on either side reads
 * as its default, so a state written before an input existed does not show a change for it.
 */
export function diffInputs(olds: Record<string, unknown>, news: Record<string, unknown>): DomainTaskDiff {
  const orDefault = (key: string, value: unknown) =>
    value === undefined || value === null ? (INPUT_DEFAULTS as Record<string, unknown>)[key] : value;
  const changed = [...REPLACE_KEYS, ...UPDATE_KEYS].filter((key) => !sameValue(orDefault(key, olds[key]), orDefault(key, news[key])));
  const replaces = changed.filter((key) => (REPLACE_KEYS as readonly string[]).includes(key));
  return { changes: changed.length > 0, replaces, changed, deleteBeforeReplace: false };
}

/** Deep equality of JSON values, with null and undefined (an absent input) the same. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === UNKNOWN_VALUE || b === UNKNOWN_VALUE) return false;
  const norm = (v: unknown) => (v === undefined ? null : v);
  return JSON.stringify(canonical(norm(a))) === JSON.stringify(canonical(norm(b)));
}

/** Objects with sorted keys, so key order never reads as a change. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}
