/**
 * Runs one command line and resolves to its exit code, with the process's streams passed in (cli/main.ts).
 *
 * Startup time matters (it runs in every pipeline step), so each command's module - and with it the SDK,
 * zod and the HTTP client - is loaded only when that command runs, and nothing here ever loads
 * @pulumi/pulumi: the SDK is imported by module path, never through the package root.
 */
import { parseArgs, type ParsedArgs } from "./args";
import { ExitCode, exitCodeAfterOutputFailure, exitCodeForSignal } from "./exit-codes";
import { helpText, usageHint } from "./help";
import { Interrupted, OutputError, type Io } from "./io";
import { UsageError } from "./usage-error";
import { packageVersion } from "./version";

const dispatch = async (args: ParsedArgs, io: Io): Promise<number> => {
  switch (args.command) {
    case "get": return (await import("./commands/get")).runGet(args, io);
    case "wait": return (await import("./commands/wait")).runWait(args, io);
    case "set-ns": return (await import("./commands/set-ns")).runSetNs(args, io);
    case "demo": return (await import("./commands/demo")).runDemo(args, io);
    case "emulator": return (await import("./commands/emulator")).runEmulator(args.passthrough);
    default: throw new UsageError("no command given: use get, wait, set-ns, emulator or demo.");
  }
};

/** Runs the command line `argv` (without node and the script) and resolves to the exit code. */
export const run = async (argv: readonly string[], io: Io): Promise<number> => {
  let args: ParsedArgs | undefined;
  try {
    args = parseArgs(argv);
    if (args.values.version === true && args.command !== "emulator") {
      io.stdout.write(`${packageVersion()}\n`);
      return ExitCode.OK;
    }
    if (args.command === "help" && args.positionals[0] === "emulator") {
      return await dispatch({ ...args, command: "emulator", passthrough: ["--help"] }, io);
    }
    if (args.command === "help") {
      io.stdout.write(`${helpText(args.positionals[0])}\n`);
      return ExitCode.OK;
    }
    if (args.values.help === true && args.command !== "emulator") {
      io.stdout.write(`${helpText(args.command)}\n`);
      return ExitCode.OK;
    }
    return await dispatch(args, io);
  } catch (error) {
    const reason: unknown = io.signal.aborted ? io.signal.reason : undefined;
    // A failed stdout is reported by main.ts once the stream has settled, whatever the command was doing.
    const failed = error instanceof OutputError ? error : reason instanceof OutputError ? reason : undefined;
    if (failed) return exitCodeAfterOutputFailure(ExitCode.API_ERROR, failed.code);
    if (io.signal.aborted) {
      const name = reason instanceof Interrupted ? reason.signalName : "SIGINT";
      io.stderr.write(`domain-tasks: ${name === "SIGTERM" ? "terminated (SIGTERM)" : "interrupted"}; stopped polling.\n`);
      return exitCodeForSignal(name);
    }
    if (error instanceof UsageError) {
      io.stderr.write(`domain-tasks: ${error.message}\n${usageHint(error.command ?? args?.command)}\n`);
      return ExitCode.USAGE;
    }
    const { reportError } = await import("./report-error");
    const report = reportError(error, args?.command);
    io.stderr.write(`${report.lines.join("\n")}\n`);
    return report.exitCode;
  }
};

