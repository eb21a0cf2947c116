/**
 * writeOut (cli/write-out.ts) over a guarded process stream: it waits while the reader is slow (so output
 * never piles up in memory), and once the stream has failed it rejects with an OutputError instead of
 * writing into the void.
 */
import { Writable } from "node:stream";
import { OutputError, type OutputStream } from "../../cli/io";
import { guardOutput } from "../../cli/process-streams";
import { writeOut } from "../../cli/write-out";

/** A stream that holds each chunk until `release()`, with room for 16 bytes. */
const slowStream = () => {
  const pending: (() => void)[] = [];
  const written: string[] = [];
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, callback) {
      written.push(chunk.toString());
      pending.push(() => callback());
    },
  });
  return { stream, written, release: () => pending.splice(0).forEach((done) => done()) };
};

describe("writeOut", () => {
  it("returns at once while the stream has room, and waits for 'drain' once it is full", async () => {
    const { stream, written, release } = slowStream();
    const out: OutputStream = guardOutput(stream);
    await writeOut(out, "small");
    let resolved = false;
    const full = writeOut(out, "x".repeat(64)).then(() => (resolved = true));
    await new Promise((r) => setImmediate(r));
    expect(resolved).toBe(false);
    release();
    await new Promise((r) => setImmediate(r));
    release();
    await full;
    expect(resolved).toBe(true);
    expect(written.join("")).toBe(`small${"x".repeat(64)}`);
  });

  it("rejects with an OutputError naming the cause once the stream failed, and drops later writes", async () => {
    const stream = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const failures: string[] = [];
    const guarded = guardOutput(stream, (e) => failures.push(String(e.code)));
    const out: OutputStream = guarded;
    const first = writeOut(out, "x".repeat(64));
    await expect(first).rejects.toThrow(new OutputError("EPIPE", "could not write to standard output: the reader closed the pipe (EPIPE); the output is incomplete."));
    await expect(writeOut(out, "more")).rejects.toBeInstanceOf(OutputError);
    expect(failures).toEqual(["EPIPE"]);
    expect(guarded.failure?.code).toBe("EPIPE");
  });

  it("never waits on a stream without backpressure (an in-memory one)", async () => {
    const chunks: string[] = [];
    await writeOut({ write: (c: string) => chunks.push(c) }, "a");
    expect(chunks).toEqual(["a"]);
  });
});
