/**
 * Running one `pulumi` command and collecting what it did: exit code, stdout, stderr, how long it took. Every
 * run is also kept in `transcript` so a test can search everything the CLI printed (for a secret, say).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { descendantsOf, killAll } from "./processes";

export interface RunResult {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Killed (with everything it started) after this long; the result then says so. Default 240 s. */
  timeoutMs?: number;
  stdin?: string;
}

/** A command that is running: its process, what it printed so far, and its result once it ends. */
export interface Running {
  child: ChildProcess;
  output(): string;
  result: Promise<RunResult>;
}

const DEFAULT_TIMEOUT_MS = 240_000;

export function start(bin: string, args: string[], options: RunOptions, transcript?: RunResult[]): Running {
  const started = Date.now();
  const child = spawn(bin, args, { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin?.end(options.stdin ?? "");
  const result = new Promise<RunResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      stderr += `\n[engine suite] killed after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms\n`;
      if (child.pid !== undefined) killAll([...descendantsOf(child.pid), child.pid]);
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const run: RunResult = { args, code, signal, stdout, stderr, ms: Date.now() - started };
      transcript?.push(run);
      resolve(run);
    });
  });
  return { child, output: () => stdout + stderr, result };
}

/** Runs a command to its end. */
export const run = (bin: string, args: string[], options: RunOptions, transcript?: RunResult[]): Promise<RunResult> =>
  start(bin, args, options, transcript).result;

/** A run as a test failure message shows it: the command, its exit and its output. */
export const describeRun = (r: RunResult): string =>
  `pulumi ${r.args.join(" ")} exited ${r.code ?? r.signal} after ${r.ms} ms\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** The run, when it exited 0; otherwise an error showing the command and everything it printed. */
export function passed(r: RunResult): RunResult {
  if (r.code !== 0) throw new Error(describeRun(r));
  return r;
}
