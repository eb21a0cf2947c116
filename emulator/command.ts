/**
 * The emulator as a process: `domain-tasks emulator ...` (the CLI hands over its arguments) or
 * `node dist/emulator/command.js ...`. Starts the emulator, prints where it listens, which credentials to use
 * and a sample call, and serves until SIGINT/SIGTERM (or the `stop` signal, for tests), then closes cleanly.
 */
import { isLoopbackHost } from "../sdk/endpoint";
import { CommandArgsError, EMULATOR_HELP, parseEmulatorArgs } from "./command-args";
import { startEmulator } from "./index";
import { loadFaultConfig, loadScenario } from "./scenario-file";
import { EmulatorSpecError } from "./spec-schemas";
import { DEFAULT_CREDENTIAL, type Emulator } from "./types";

export interface EmulatorCommandIo {
  stdout?: { write(text: string): unknown };
  stderr?: { write(text: string): unknown };
  /** Stops the emulator when aborted (in addition to SIGINT/SIGTERM). */
  stop?: AbortSignal;
  /** Called once the emulator listens, e.g. for a test to talk to it. */
  onListening?: (emulator: Emulator) => void;
}

/** How many seeded TaskNos the banner lists before it summarizes the rest. */
const LISTED_TASKS = 10;

interface Seeded {
  taskNo: string;
  taskType: string;
  details: number;
}

const seededLines = (seeded: readonly Seeded[]): string[] => {
  const lines = seeded.slice(0, LISTED_TASKS).map((t) => `                   ${t.taskNo}  ${t.taskType}, ${t.details} detail${t.details === 1 ? "" : "s"}`);
  if (seeded.length > LISTED_TASKS) lines.push(`                   ... and ${seeded.length - LISTED_TASKS} more`);
  return lines;
};

/** The registered domains, a few by name. */
const domainsLine = (domains: readonly string[]): string =>
  domains.length === 0
    ? "none (a scenario's \"domains\" registers them; set-ns needs them)"
    : `${domains.length} registered: ${domains.slice(0, 3).join(", ")}${domains.length > 3 ? `, ... and ${domains.length - 3} more` : ""}`;

const banner = (emulator: Emulator, args: ReturnType<typeof parseEmulatorArgs>, seeded: readonly Seeded[], domains: readonly string[]): string => {
  const { accessKeyId, accessKeySecret } = DEFAULT_CREDENTIAL;
  const lines = [
    `Domain API emulator listening on ${emulator.url}`,
    `  serves           QueryTaskDetailList, QueryTaskList, QueryDomainByDomainName, SaveBatchTaskForModifyingDomainDns;`,
    `                   Domain 2018-01-29 and Domain-intl 2017-12-18 (POST or GET, V3 or V1 signatures)`,
    // The URL with its http://: a bare host:port is read as https by the SDK and `--endpoint`.
    `  endpoint         ${emulator.url}   (openapi-client: endpoint "${emulator.endpoint}", protocol "HTTP")`,
    `  AccessKeyId      ${accessKeyId}`,
    `  AccessKeySecret  ${accessKeySecret}   (throwaway: it only opens this emulator)`,
    `  tasks            ${args.scenario ? `${seeded.length} seeded from ${args.scenario}${seeded.length ? ":" : ""}` : "none (use --scenario FILE|demo or --admin)"}`,
    ...seededLines(seeded),
    `  domains          ${domainsLine(domains)}`,
  ];
  if (args.admin) lines.push(`  admin            POST ${emulator.url}/__emulator/tasks, PUT /__emulator/faults, GET|DELETE /__emulator/stats`);
  if (args.latencyMs) lines.push(`  latency          ${args.latencyMs} ms added to every response`);
  if (args.faults) lines.push(`  faults           from ${args.faults}`);
  lines.push(
    "",
    "Try:",
    `  ALIBABA_CLOUD_ACCESS_KEY_ID=${accessKeyId} ALIBABA_CLOUD_ACCESS_KEY_SECRET=${accessKeySecret} \\`,
    `    domain-tasks get ${seeded[0]?.taskNo ?? "<TaskNo>"} --endpoint ${emulator.url}`,
  );
  if (args.admin) {
    lines.push(
      `  curl -s -X POST ${emulator.url}/__emulator/tasks -d '{"details":[{"domainName":"example.com","finishAfterSeconds":30}]}'`,
    );
  }
  lines.push("", "Press Ctrl+C to stop.", "");
  return lines.join("\n");
};

/** Runs the emulator until interrupted; resolves with the exit code. */
export async function runEmulatorCommand(argv: string[], io: EmulatorCommandIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let args;
  try {
    args = parseEmulatorArgs(argv);
  } catch (error) {
    if (!(error instanceof CommandArgsError)) throw error;
    stderr.write(`domain-tasks emulator: ${error.message}\n`);
    return 2;
  }
  if (args.help) {
    stdout.write(`${EMULATOR_HELP}\n`);
    return 0;
  }
  let emulator: Emulator;
  const seeded: Seeded[] = [];
  let domains: string[] = [];
  try {
    const scenario = args.scenario ? loadScenario(args.scenario) : undefined;
    const faults = args.faults ? loadFaultConfig(args.faults) : scenario?.faults;
    domains = (scenario?.domains ?? []).map((d) => d.domainName);
    emulator = await startEmulator({
      host: args.host,
      port: args.port,
      admin: args.admin,
      faults: args.latencyMs ? { ...faults, latencyMs: args.latencyMs } : faults,
      // The scenario's domains and unknown name servers are registered by startEmulator; its tasks below.
      ...(scenario && { scenario: { ...scenario, tasks: [] } }),
    });
    // Seeded here rather than through `scenario`, to print each task's TaskNo (generated ones included).
    for (const task of scenario?.tasks ?? []) {
      const details = (task.details?.length ?? 0) + (task.batch?.count ?? 0);
      try {
        seeded.push({ taskNo: emulator.addTask(task), taskType: task.taskType ?? "CHG_DNS", details });
      } catch (error) {
        await emulator.close();
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof EmulatorSpecError) {
      stderr.write(`domain-tasks emulator: ${error.message}\n`);
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    stderr.write(`domain-tasks emulator: cannot listen on ${args.host}:${args.port} (${e.code ?? e.message}). Pick another --port or --host.\n`);
    return 1;
  }
  stdout.write(banner(emulator, args, seeded, domains));
  if (!isLoopbackHost(args.host)) {
    stderr.write(
      `domain-tasks emulator: warning: bound to ${args.host}, so other machines can reach it with the throwaway key printed above` +
        `${args.admin ? ", and seed tasks and switch faults through the admin endpoints" : ""}. ` +
        "Leave --host out (127.0.0.1) unless you need that.\n",
    );
  }
  io.onListening?.(emulator);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      io.stop?.removeEventListener("abort", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    if (io.stop?.aborted) stop();
    else io.stop?.addEventListener("abort", stop, { once: true });
  });
  await emulator.close();
  stdout.write("Emulator stopped.\n");
  return 0;
}

if (require.main === module) {
  runEmulatorCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`domain-tasks emulator: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
