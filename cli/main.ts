/**
 * The `domain-tasks` command (bin/domain-tasks.js loads the compiled dist/cli/main.js): wires the process -
 * streams, Ctrl-C, the exit code - around cli/run.ts.
 */
import { parseArgs, type ParsedArgs } from "./args";
import { ExitCode } from "./exit-codes";
import { run } from "./run";

/** Wires the process: streams, Ctrl-C, and the exit. */
const main = async (): Promise<void> => {
  const argv = process.argv.slice(2);
  const controller = new AbortController();
  const isEmulator = parseArgsSafely(argv)?.command === "emulator";
  if (!isEmulator) {
    // First Ctrl-C: stop polling at once (the command exits 130). A second one: leave immediately.
    process.once("SIGINT", () => {
      controller.abort(new Error("interrupted (SIGINT)"));
      process.once("SIGINT", () => process.exit(ExitCode.INTERRUPTED));
    });
  }
  // `domain-tasks get T -o jsonl | head` closes stdout early: that is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(ExitCode.OK);
    throw error;
  });
  const code = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    signal: controller.signal,
  });
  // Exit explicitly: an idle keep-alive socket must not hold a pipeline step open.
  process.stdout.write("", () => process.exit(code));
};

const parseArgsSafely = (argv: readonly string[]): ParsedArgs | undefined => {
  try {
    return parseArgs(argv);
  } catch {
    return undefined;
  }
};

void main();
