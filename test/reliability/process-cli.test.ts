/**
 * The built command as a process in a pipeline: closed and failing standard streams, SIGTERM and Ctrl-C.
 * The exit code must mean what exit-codes.ts says whatever happens to the streams around it.
 */
import type { ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { cliEnv, DEFAULT_CREDENTIAL, useCliEmulator } from "../cli/emulator-env";
import { ROOT, startCli, waitForStderr } from "../cli/harness";
import { isolatedEnv } from "../support/isolated-env";

const FAST = ["--min-delay", "50ms", "--max-delay", "100ms"];
const cli = useCliEmulator({
  tasks: [
    // A batch that ends with a failure: `wait` (--for success) exits 1.
    { taskNo: "T-FAILS", details: [{ domainName: "a.example.com", finishAfterSeconds: 0.5 }, { domainName: "b.example.com", finishAfterSeconds: 0.5, outcome: "failure", failReason: "locked" }] },
    { taskNo: "T-DONE", details: [{ domainName: "c.example.com" }] },
    { taskNo: "T-SLOW", details: [{ domainName: "slow.example.com", finishAfterSeconds: 1e6 }] },
  ],
});
/** Children a failing test may leave running (one that ignores the signal it was sent): killed at the end. */
const leftovers: ChildProcess[] = [];
afterAll(async () => {
  for (const child of leftovers) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

describe("a closed stderr never changes the verdict", () => {
  it("`wait ... 2>&1 >out.json | head -c 10`: the gate still exits 1 for a failed detail, with the outcome on stdout", async () => {
    const { child, done } = startCli(["wait", "T-FAILS", ...cli.endpoint, ...FAST, "-o", "json"], { env: cliEnv() });
    // The reader of stderr goes away before the command writes its first progress line.
    child.stderr!.destroy();
    const result = await done;
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ taskNo: "T-FAILS", complete: true, counts: { EXECUTE_FAILURE: 1 } });
  });
});

describe("a failed stdout is reported and ends non-zero", () => {
  it("`get -o json > /dev/full`: exit 3, naming ENOSPC", async () => {
    const full = openSync("/dev/full", "w");
    try {
      const result = await startCli(["get", "T-DONE", ...cli.endpoint, "-o", "json"], { env: cliEnv(), stdoutFd: full }).done;
      expect(result.code).toBe(3);
      expect(result.stderr).toBe("domain-tasks: could not write to standard output: no space left on the device (ENOSPC); the output is incomplete.\n");
    } finally {
      closeSync(full);
    }
  });

  it("`--version > /dev/full` as well: nothing is written without an error", async () => {
    const full = openSync("/dev/full", "w");
    try {
      const result = await startCli(["--version"], { stdoutFd: full }).done;
      expect(result.code).toBe(3);
      expect(result.stderr).toContain("(ENOSPC)");
    } finally {
      closeSync(full);
    }
  });

  it("a reader that closed the pipe: exit 141 (not an API failure's 3), naming EPIPE", async () => {
    const { child, done } = startCli(["get", "T-DONE", ...cli.endpoint, "-o", "jsonl"], { env: cliEnv() });
    child.stdout!.destroy();
    const result = await done;
    expect(result.code).toBe(141);
    expect(result.stderr).toBe("domain-tasks: could not write to standard output: the reader closed the pipe (EPIPE); the output is incomplete.\n");
  });

  it("a gate whose outcome could not be written exits 141, not its verdict: the output is incomplete", async () => {
    const { child, done } = startCli(["wait", "T-FAILS", ...cli.endpoint, ...FAST, "-q", "-o", "json"], { env: cliEnv() });
    child.stdout!.destroy();
    const result = await done;
    expect(result.code).toBe(141);
    expect(result.stderr).toContain("could not write to standard output: the reader closed the pipe (EPIPE)");
  });
});

describe("signals", () => {
  it("SIGTERM (CI runners, `timeout`) stops polling like Ctrl-C, says so and exits 143", async () => {
    const { child, done } = startCli(["wait", "T-SLOW", ...cli.endpoint, "--timeout", "10m", "--min-delay", "1m", "--max-delay", "1m"], { env: cliEnv() });
    await waitForStderr(child, "next poll in 1m");
    child.kill("SIGTERM");
    const result = await done;
    expect(result).toMatchObject({ code: 143, signal: null, stdout: "" });
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("domain-tasks: terminated (SIGTERM); stopped polling.");
  });

  it("the first Ctrl-C interrupts --secret-from-stdin while stdin is open but empty", async () => {
    const { child, done } = startCli(["get", "T-DONE", ...cli.endpoint, "--access-key-id", DEFAULT_CREDENTIAL.accessKeyId, "--secret-from-stdin"], {
      env: isolatedEnv(),
      keepStdinOpen: true,
      nodeArgs: ["--require", join(ROOT, "test", "cli", "fixtures", "announce-stdin-read.js")],
    });
    leftovers.push(child);
    await waitForStderr(child, "[test] reading standard input");
    child.kill("SIGINT");
    const result = await done;
    expect(result).toMatchObject({ code: 130, signal: null, stdout: "" });
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("domain-tasks: interrupted; stopped polling.");
  });
});
