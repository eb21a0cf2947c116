/** One bad input: the property and what to do about it (the shape of Pulumi's CheckFailure, without loading Pulumi). */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** The checked inputs, or every failure found. */
export type CheckOutcome<I> = { ok: true; inputs: I & Record<string, unknown> } | { ok: false; failures: CheckFailure[] };

/** The engine's marker for a value that is not known yet (during preview). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Whether `value` is, or holds anywhere, a value not known yet. */
export const holdsUnknown = (value: unknown): boolean => value === UNKNOWN_VALUE || (JSON.stringify(value) ?? "").includes(UNKNOWN_VALUE);
