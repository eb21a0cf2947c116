/**
 * The streams and environment a command runs with. Commands take an Io rather than touching `process`, so
 * the renderers can be exercised with fake streams and the rules for colour and TTYs live in one place.
 */
export interface OutputStream {
  /** Returns false when the stream's buffer is full (Node's backpressure signal): wait for `drained()`. */
  write(chunk: string): unknown;
  /** True when the stream is a terminal: live progress and colours are only drawn there. */
  isTTY?: boolean;
  /** Terminal width, when the stream is a terminal. */
  columns?: number;
  /**
   * Resolves once the stream takes more output; rejects with an OutputError once writing failed (a full disk,
   * a closed pipe). Absent on in-memory streams, which never push back.
   */
  drained?(): Promise<void>;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /**
   * Fires on Ctrl-C, SIGTERM or a failed stdout: every wait and request stops at once. Its `reason` says
   * which (an Interrupted or an OutputError), so the exit code can too.
   */
  signal: AbortSignal;
}

/** Why the command was stopped from outside: a signal from the user, the CI runner or `timeout`. */
export class Interrupted extends Error {
  constructor(readonly signalName: "SIGINT" | "SIGTERM") {
    super(`interrupted (${signalName})`);
    this.name = "Interrupted";
  }
}

/** Standard output could not be written, so the command's output is incomplete. */
export class OutputError extends Error {
  constructor(readonly code: string | undefined, detail: string) {
    super(detail);
    this.name = "OutputError";
  }
}

/**
 * Whether to colour a stream: only on a terminal, never with NO_COLOR set (https://no-color.org) or
 * TERM=dumb; FORCE_COLOR (non-zero) forces it on, for CI systems that render ANSI colours.
 */
export const colorEnabled = (stream: OutputStream, env: Record<string, string | undefined>): boolean => {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
};
