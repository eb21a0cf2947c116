/**
 * How a failed resource ends a test stack. A provider that fails (check failures, a failed task) stops the
 * deployment there, as `pulumi up` does: its registration never completes, so nothing that depends on it is
 * registered. (Letting the registration reject instead leaves Pulumi's runtime with a rejected promise nobody
 * awaits, which jest reports against whichever test runs at that moment, or which ends the process.) The first
 * failure is kept here, and `outputOf` rejects with it: a deployment with a failed resource has failed.
 */
export class StackFailures {
  private rejectFirst!: (error: Error) => void;
  /** Rejects with the first failure; never resolves. */
  readonly first: Promise<never>;

  constructor() {
    this.first = new Promise<never>((_resolve, reject) => (this.rejectFirst = reject));
    this.first.catch(() => undefined); // observed through outputOf only
  }

  record(error: Error): void {
    this.rejectFirst(error);
  }
}

/** The failures of the test stack started last (mocks are process-wide, so only one stack runs at a time). */
let current: StackFailures | undefined;

export const startFailures = (): StackFailures => (current = new StackFailures());
export const currentFailures = (): StackFailures | undefined => current;
