/**
 * The waiter's error: a wait ran out of time. It lives with the waiter because it carries the waiter's state
 * (./models.ts); the brand mechanism that makes `isInstance` work across two loaded copies is ../errors.ts's.
 */
import { DomainTaskError } from "../errors";
import type { WaitState } from "./models";

/** A wait ran out of time. The message says what was expected, the last state seen and the time waited. */
export class TimeoutError extends DomainTaskError {
  static override readonly brand: string = "TimeoutError";
  /** What the last poll saw: exact counts, and the full outcome when it read one; undefined if no poll completed. */
  readonly lastState?: WaitState;
  constructor(message: string, lastState?: WaitState, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.lastState = lastState;
  }
}
