/**
 * Runs the BUILT command (node bin/domain-tasks.js -> dist/cli/main.js) as a child process, the way a
 * pipeline runs it. The build is `npm test`'s build step; when iterating, run `npm run build` first. A
 * missing or stale dist/ fails loudly here rather than testing old code.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "domain-tasks.js");
const BUILT_MAIN = join(ROOT, "dist", "cli", "main.js");

const newestSource = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
};

/** Throws unless dist/cli/main.js exists and is newer than every source file of the CLI. */
export const assertBuilt = (): void => {
  if (!existsSync(BUILT_MAIN)) {
    throw new Error(`${BUILT_MAIN} is missing: run \`npm run build\` (npm test builds before running jest).`);
  }
  if (newestSource(join(ROOT, "cli")) > statSync(BUILT_MAIN).mtimeMs) {
    throw new Error("dist/ is older than cli/: run `npm run build` before these tests (npm test does).");
  }
};

/** A clean environment: no real credentials, no profile files, no ECS metadata lookups, no colour forcing. */
export const baseEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  HOME: mkdtempSync(join(tmpdir(), "domain-tasks-cli-")),
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
  ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
  ...extra,
});

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Leave stdin open after `input` (a pipe nobody writes to), instead of closing it. */
  keepStdinOpen?: boolean;
  /** A file descriptor for the child's stdout (e.g. /dev/full opened for writing) instead of a pipe. */
  stdoutFd?: number;
  /** Extra node flags, e.g. `--require` a preload module. */
  nodeArgs?: string[];
}

/** Starts the command; the caller may signal it before awaiting `done`. */
export const startCli = (args: string[], options: RunOptions = {}): { child: ChildProcess; done: Promise<CliResult> } => {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: ROOT,
    env: options.env ?? baseEnv(),
    stdio: ["pipe", options.stdoutFd ?? "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (c: string) => (stdout += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  if (options.keepStdinOpen) child.stdin!.write(options.input ?? "");
  else child.stdin!.end(options.input ?? "");
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
};

export const runCli = (args: string[], options: RunOptions = {}): Promise<CliResult> => startCli(args, options).done;

/** Resolves once the child's stderr contains `text` (or rejects when the child exits first). */
export const waitForStderr = (child: ChildProcess, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer | string) => {
      seen += String(chunk);
      if (seen.includes(text)) {
        child.stderr!.off("data", onData);
        resolve();
      }
    };
    child.stderr!.on("data", onData);
    child.once("close", () => reject(new Error(`exited before printing ${JSON.stringify(text)}; stderr: ${seen}`)));
  });

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f]/;
