/**
 * One deadline for every phase of submitting a change - the search for the same change, the write, the wait and
 * the read-back - so a `--timeout` bounds the whole command, not only its wait. Each call gets the time left;
 * the read-back after a wait that ended at the deadline gets SUBMIT_GRACE_MS more, and no phase more than that.
 */
import type { Clock } from "../clock";
import { DomainApiError } from "../errors";
import { TimeoutError } from "../waiter/timeout-error";
import { TRANSPORT_CODES } from "../api/error-mapping";

/**
 * How far past its timeout a submit-and-wait may end: the waiter's poll at the deadline (within 1 s past it)
 * and the read-back of the domains after it. The documented grace of `set-ns --timeout` and `submitOrResume`.
 */
export const SUBMIT_GRACE_MS = 2000;

export class Deadline {
  readonly at: number;
  constructor(private readonly clock: Clock, timeoutMs: number) {
    this.at = clock.now() + timeoutMs;
  }

  /** Ms left before the deadline (0 when past it). */
  leftMs(): number {
    return Math.max(0, this.at - this.clock.now());
  }

  /** Ms left for the requests that close a phase which reached the deadline: up to the deadline plus the grace. */
  graceLeftMs(): number {
    return Math.max(0, this.at + SUBMIT_GRACE_MS - this.clock.now());
  }

  /**
   * A phase cut short by the deadline as a TimeoutError saying which phase, and what is known; other errors
   * unchanged. `DeadlineExceeded` is the client's word for the time a call was given running out.
   */
  timedOut(err: unknown, phase: string, timeoutSeconds: number): unknown {
    const ranOut = DomainApiError.isInstance(err) && err.code === TRANSPORT_CODES.deadlineExceeded;
    if (!ranOut && !(this.leftMs() === 0 && DomainApiError.isInstance(err) && err.statusCode === 0)) return err;
    return new TimeoutError(`timed out after ${timeoutSeconds} s ${phase}; nothing more was sent. Allow more time (timeout) and run again`, undefined, err);
  }
}
