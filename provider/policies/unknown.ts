/**
 * During preview, outputs a deployment has not produced yet are unknown. The policy server hands
 * policies a proxy that throws `UnknownValueError` when one is read; a DomainTask not yet (re)created is
 * skipped this way instead of failing the whole policy.
 */
import { UnknownValueError } from "@pulumi/policy";

/** True for the policy server's "value not known during preview" error (from any copy of @pulumi/policy). */
export const isUnknownValueError = (err: unknown): boolean =>
  err instanceof UnknownValueError || (err instanceof Error && err.constructor.name === "UnknownValueError");

/** Runs `read`; returns undefined when it touched an unknown value. */
export function unlessUnknown<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if (isUnknownValueError(err)) return undefined;
    throw err;
  }
}
