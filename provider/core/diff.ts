/**
 * Diff, for every resource: which inputs changed between the prior state (which echoes the inputs, absent ones
 * as null) and the new, checked inputs, and which of those changes replace the resource. An input missing on
 * either side reads as its default, so a state written before an input existed shows no change for it; a value
 * not known yet (preview) counts as changed; values compare as JSON with sorted keys, through the resource's
 * own normalizer where it has one (name servers as sets, say).
 */
import { holdsUnknown } from "./check-failure";

/** What a resource declares about its inputs' changes. */
export interface ChangeRules {
  /** Inputs whose change replaces the resource. */
  replace: readonly string[];
  /** Inputs whose change `update` applies in place. */
  update: readonly string[];
  /** The value an absent input stands for. */
  defaults: Readonly<Record<string, unknown>>;
  /** How an input's values are compared, where plain JSON equality is not the meaning (e.g. sets). */
  comparable?: Readonly<Record<string, (value: unknown) => unknown>>;
}

/** What `diff` concluded. */
export interface InputsDiff {
  changes: boolean;
  /** The changed inputs that replace the resource. */
  replaces: string[];
  /** Every changed input, replacing or not (for messages, tests and the update that follows). */
  changed: string[];
  deleteBeforeReplace: false;
}

export function diffWith(rules: ChangeRules, olds: Record<string, unknown>, news: Record<string, unknown>): InputsDiff {
  const value = (key: string, v: unknown) => {
    const given = v === undefined || v === null ? (rules.defaults[key] ?? null) : v;
    return JSON.stringify(canonical((rules.comparable?.[key] ?? ((x: unknown) => x))(given)));
  };
  const same = (key: string) => !holdsUnknown(olds[key]) && !holdsUnknown(news[key]) && value(key, olds[key]) === value(key, news[key]);
  const changed = [...rules.replace, ...rules.update].filter((key) => !same(key));
  return { changes: changed.length > 0, replaces: changed.filter((key) => rules.replace.includes(key)), changed, deleteBeforeReplace: false };
}

/** Objects with sorted keys, so key order never reads as a change. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}
