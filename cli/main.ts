/**
 * The `domain-tasks` command (bin/domain-tasks.js loads the compiled dist/cli/main.js): wires the process -
 * streams, signals, the exit code - around cli/run.ts.
 */
import { parseArgs, type ParsedArgs } from "./args";
import { exitCodeAfterOutputFailure, exitCodeForSignal } from "./exit-codes";
import { Interrupted } from "./io";
import { guardOutput, outputFailure } from "./process-streams";
import { run } from "./run";

/** Wires the process: streams, Ctrl-C and SIGTERM, and the exit. */
const main = async (): Promise<void> => {
  const argv = process.argv.slice(2);
  const controller = new AbortController();
  // A failed stdout stops the work too: nobody will read what it would print.
  const stdout = guardOutput(process.stdout, (error) => controller.abort(outputFailure(error)));
  // A failed stderr (`2>&1 >out.json | head -c 10`) is ignored: it must not change the verdict's exit code.
  const stderr = guardOutput(process.stderr);
  if (parseArgsSafely(argv)?.command !== "emulator") {
    // First Ctrl-C or SIGTERM (CI runners, `timeout`): stop polling at once and say so. A second: leave now.
    let signalled = false;
    const onSignal = (name: "SIGINT" | "SIGTERM"): void => {
      if (signalled) process.exit(exitCodeForSignal(name));
      signalled = true;
      controller.abort(new Interrupted(name));
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  let code = await run(argv, { stdout, stderr, stdin: process.stdin, env: process.env, signal: controller.signal });
  await stdout.flush();
  if (stdout.failure) {
    stderr.write(`domain-tasks: ${outputFailure(stdout.failure).message}\n`);
    // The output is incomplete, whatever the verdict was: exit-codes.ts says which code that is.
    code = exitCodeAfterOutputFailure(code, stdout.failure.code);
  }
  await stderr.flush();
  // Exit explicitly: an idle keep-alive socket or an open stdin must not hold a pipeline step open.
  process.exit(code);
};

const parseArgsSafely = (argv: readonly string[]): ParsedArgs | undefined => {
  try {
    return parseArgs(argv);
  } catch {
    return undefined;
  }
};

void main();
