/**
 * process.stdout and process.stderr as the commands see them. A write error on a standard stream arrives as
 * an 'error' event after the write returned; unhandled, it crashes the process with exit 1 - which a gate's
 * caller reads as "a detail failed". Here each failure is kept instead: stderr goes quiet (a reader that went
 * away must not change the verdict), stdout's failure is reported by main.ts and ends the command non-zero.
 */
import { OutputError, type OutputStream } from "./io";

export interface GuardedOutput extends OutputStream {
  /** The first write error, if any. */
  readonly failure: NodeJS.ErrnoException | undefined;
  drained(): Promise<void>;
  /** Resolves once everything written so far has reached the OS, or writing failed. Never rejects. */
  flush(): Promise<void>;
}

/** What a failed stdout means, in the words a user needs. */
export const outputFailure = (error: NodeJS.ErrnoException): OutputError => {
  const why = error.code === "EPIPE"
    ? "the reader closed the pipe (EPIPE)"
    : error.code === "ENOSPC"
      ? "no space left on the device (ENOSPC)"
      : `${error.code ?? "write error"}: ${error.message}`;
  return new OutputError(error.code, `could not write to standard output: ${why}; the output is incomplete.`);
};

const closedError = (): NodeJS.ErrnoException => Object.assign(new Error("the stream was closed"), { code: "ERR_STREAM_DESTROYED" });

/** Wraps a writable so its failure is kept, not thrown; `onFailure` hears about the first one. */
export const guardOutput = (
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; writableNeedDrain?: boolean; destroyed?: boolean; closed?: boolean; errored?: Error | null },
  onFailure?: (error: NodeJS.ErrnoException) => void,
): GuardedOutput => {
  let failure: NodeJS.ErrnoException | undefined;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (failure) return;
    failure = error;
    onFailure?.(error);
  });
  return {
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    get failure() {
      return failure;
    },
    write(chunk: string): boolean {
      // After a failure every write would fail again (and emit again): drop it.
      if (failure) return false;
      return stream.write(chunk);
    },
    drained(): Promise<void> {
      return new Promise((resolve, reject) => {
        if (failure) return reject(outputFailure(failure));
        // A stream that failed inside write() is marked errored at once, but says why only on the next tick.
        const broken = stream.destroyed === true || (stream.errored ?? null) !== null;
        if (!broken && !stream.writableNeedDrain) return resolve();
        if (stream.closed) return reject(outputFailure(closedError()));
        const settle = (): void => {
          stream.off("drain", settle);
          stream.off("error", settle);
          stream.off("close", settle);
          if (failure || stream.destroyed || stream.errored) reject(outputFailure(failure ?? closedError()));
          else resolve();
        };
        stream.on("drain", settle);
        stream.on("error", settle);
        stream.on("close", settle);
      });
    },
    flush(): Promise<void> {
      return new Promise((resolve) => {
        if (failure) return resolve();
        // The callback runs once the empty write - queued behind every earlier one - is done, or failed.
        stream.write("", () => resolve());
      });
    },
  };
};
