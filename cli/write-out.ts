/**
 * Writing to a stream with backpressure: a chunk the stream could not take at once is waited for ('drain'),
 * so output produced faster than a slow reader takes it never piles up in memory.
 */
import type { OutputStream } from "./io";

interface Drainable {
  once(event: "drain" | "error" | "close", listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

const isDrainable = (stream: unknown): stream is Drainable =>
  typeof (stream as Drainable).once === "function" && typeof (stream as Drainable).removeListener === "function";

export const writeOut = (stream: OutputStream, chunk: string): Promise<void> => {
  if (chunk === "") return Promise.resolve();
  const accepted = stream.write(chunk);
  if (accepted !== false) return Promise.resolve();
  // The process's own streams (cli/process-streams.ts) say when they take more, or reject with why they failed.
  if (stream.drained) return stream.drained();
  if (!isDrainable(stream)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (error?: unknown) => {
      stream.removeListener("drain", onDrain);
      stream.removeListener("error", onError);
      stream.removeListener("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onError = (error: unknown) => done(error);
    const onClose = () => done(new Error("the output stream closed before everything was written"));
    stream.once("drain", onDrain);
    stream.once("error", onError);
    stream.once("close", onClose);
  });
};
