/**
 * No MaxListenersExceededWarning: however many requests a read keeps in flight (concurrency up to 64), however
 * often it reads again, and however many waits share one AbortSignal, the caller's signal gets one listener per
 * call and the signals the SDK owns are told how many to expect. Each scenario runs in a child process against
 * the built SDK (./abort-listeners.child.js), which reports the warnings Node emitted on its `process`.
 * Requires `npm run build` (npm test builds first).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

const CHILD = join(__dirname, "abort-listeners.child.js");

const run = (...args: string[]): Promise<{ ok: boolean; warnings: string[] }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as { ok: boolean; warnings: string[] }) : reject(new Error(`child exited ${code}: ${err}`))));
  });

it.concurrent.each([["list", "8"], ["list", "16"], ["list", "64"], ["reread", ""], ["waitMany", ""]])("%s %s: no listener warning", async (name, arg) => {
  const { ok, warnings } = await run(name, arg);
  expect(ok).toBe(true);
  expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
});
