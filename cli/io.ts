/**
 * The streams and environment a command runs with. Commands take an Io rather than touching `process`, so
 * the renderers can be exercised with fake streams and the rules for colour and TTYs live in one place.
 */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal: live progress and colours are only drawn there. */
  isTTY?: boolean;
  /** Terminal width, when the stream is a terminal. */
  columns?: number;
}

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /** Fires on the first Ctrl-C: every wait and request stops at once. */
  signal: AbortSignal;
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
