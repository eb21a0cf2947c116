/**
 * The emulator command's own flags and their parsing, whether it runs as `domain-tasks emulator` (the CLI hands
 * the words after `emulator` over untouched) or as `node dist/emulator/command.js`. node:util's parseArgs lexes
 * them; the messages name the flag, the value and the fix. The flag table is the emulator's: the CLI's help and
 * docs/cli.md print it from here.
 */
import { parseArgs } from "node:util";

/** One flag of the emulator command (the shape of the CLI's option table rows, so its docs print them alike). */
export interface EmulatorFlag {
  name: string;
  short?: string;
  type: "string" | "boolean";
  valueName?: string;
  description: string;
  negatable?: boolean;
}

export const EMULATOR_OPTIONS: readonly EmulatorFlag[] = [
  { name: "port", type: "string", valueName: "<n>", description: "port to listen on (default 0: any free port, printed at start)" },
  { name: "host", type: "string", valueName: "<host>",
    description: "interface to bind (default 127.0.0.1; anything else exposes the emulator to the network)" },
  { name: "scenario", type: "string", valueName: "<file|name>",
    description: "JSON file to seed ({\"tasks\": [TaskSpec, ...], \"domains\"?, \"unregisteredNameServers\"?, \"faults\"?}), or a bundled scenario's name: demo, or hostile (one task per integrity quirk; docs/emulator.md). The seeded TaskNos and domains are printed at start" },
  { name: "faults", type: "string", valueName: "<file>",
    description: "JSON FaultConfig to start with, instead of the scenario's ({\"rules\", \"quirks\", \"taskQuirks\", \"taskListQuirks\", \"writeQuirks\", \"domainQuirks\"}; docs/emulator.md lists every quirk)" },
  { name: "admin", type: "boolean", negatable: true,
    description: "serve POST /__emulator/tasks, PUT /__emulator/faults, GET|DELETE /__emulator/stats" },
  { name: "latency", type: "string", valueName: "<ms>", description: "delay every API response by this many milliseconds" },
  { name: "help", short: "h", type: "boolean", description: "show this help" },
];

export interface EmulatorCommandArgs {
  host: string;
  port: number;
  scenario?: string;
  /** A JSON FaultConfig file to start with, instead of the scenario's faults. */
  faults?: string;
  admin: boolean;
  latencyMs?: number;
  help: boolean;
}

/** A bad emulator command line: the message names the flag, the value and the fix (exit 2). */
export class CommandArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandArgsError";
  }
}

const quote = (value: string): string => JSON.stringify(value);
const FLAG_LIST = EMULATOR_OPTIONS.map((f) => `--${f.name}`).join(", ");

const nonNegativeInt = (flag: string, raw: string, max: number): number => {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > max) {
    throw new CommandArgsError(`--${flag} ${quote(raw)} is not valid: give a whole number from 0 to ${max}.`);
  }
  return Number(raw);
};

const text = (flag: string, raw: string | boolean | undefined): string | undefined => {
  if (typeof raw !== "string") return undefined;
  if (raw.trim() === "") throw new CommandArgsError(`--${flag} ${quote(raw)} is empty: give a value or leave the flag out.`);
  return raw.trim();
};

/** The flags' values by name (a negated switch is false), checked word by word. */
const readFlags = (argv: readonly string[]): Record<string, string | boolean> => {
  const options = Object.fromEntries(EMULATOR_OPTIONS.map((f) => [f.name, { type: f.type, ...(f.short && { short: f.short }) }]));
  const { tokens = [] } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean> = {};
  for (const token of tokens) {
    if (token.kind === "positional") throw new CommandArgsError(`unexpected argument ${quote(token.value)}: domain-tasks emulator takes only flags.`);
    if (token.kind !== "option") continue;
    const negated = token.name.startsWith("no-") ? EMULATOR_OPTIONS.find((f) => f.negatable && f.name === token.name.slice(3)) : undefined;
    const flag = EMULATOR_OPTIONS.find((f) => f.name === token.name) ?? negated;
    const typed = token.rawName.startsWith("--") ? `--${token.name}` : token.rawName;
    if (!flag) throw new CommandArgsError(`unknown flag ${typed}: the emulator takes ${FLAG_LIST} (see domain-tasks emulator --help).`);
    if (flag.type === "boolean") {
      const word = token.value?.toLowerCase();
      if (token.value !== undefined && (negated || (word !== "true" && word !== "false"))) {
        throw new CommandArgsError(`${typed} is a switch and takes no value (got ${quote(token.value)}): write --${flag.name}${flag.negatable ? ` or --no-${flag.name}` : ""}.`);
      }
      values[flag.name] = negated ? false : word !== "false";
      continue;
    }
    const value = token.inlineValue ? token.value!.replace(token.rawName.startsWith("--") ? "" : /^=/, "") : token.value;
    // A negative number is a (bad) value, not the next flag: `--latency -5` is reported as a bad number.
    if (value === undefined || (!token.inlineValue && value.startsWith("-") && value !== "-" && !/^-\d/.test(value))) {
      throw new CommandArgsError(`${typed} needs a value: ${typed} ${flag.valueName ?? "<value>"}.`);
    }
    values[flag.name] = value;
  }
  return values;
};

export const parseEmulatorArgs = (argv: readonly string[]): EmulatorCommandArgs => {
  const values = readFlags(argv);
  const args: EmulatorCommandArgs = {
    host: text("host", values.host) ?? "127.0.0.1",
    port: 0,
    admin: values.admin === true,
    help: values.help === true,
  };
  const port = text("port", values.port);
  if (port !== undefined) args.port = nonNegativeInt("port", port, 65535);
  const scenario = text("scenario", values.scenario);
  if (scenario !== undefined) args.scenario = scenario;
  const faults = text("faults", values.faults);
  if (faults !== undefined) args.faults = faults;
  const latency = text("latency", values.latency);
  if (latency !== undefined) args.latencyMs = nonNegativeInt("latency", latency, 600_000);
  return args;
};

/** The options block of the help: one flag a line, descriptions aligned. */
const optionLines = (): string => {
  const labels = EMULATOR_OPTIONS.map((f) => `${f.short ? `-${f.short}, ` : "    "}--${f.negatable ? "[no-]" : ""}${f.name}${f.valueName ? ` ${f.valueName}` : ""}`);
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  return EMULATOR_OPTIONS.map((f, i) => `  ${labels[i].padEnd(width)}${f.description}`).join("\n");
};

export const EMULATOR_HELP = `domain-tasks emulator - the offline Alibaba Cloud Domain API

Usage: domain-tasks emulator [--port N] [--host H] [--scenario FILE|NAME] [--faults FILE] [--admin] [--latency MS]
   or: node dist/emulator/command.js [same flags]

Serves QueryTaskDetailList, QueryTaskList, QueryDomainByDomainName and SaveBatchTaskForModifyingDomainDns for
Domain 2018-01-29 and Domain-intl 2017-12-18 over HTTP, signed and answered like the real service (ACS3-HMAC-SHA256
and HMAC-SHA1 signatures, paging, filters, real error bodies). Its endpoint is http://HOST:PORT: give the
http:// (a bare host:port means https to the SDK and the CLI).

Options:
${optionLines()}

Credentials it accepts: AccessKeyId emulator-access-key-id, secret emulator-access-key-secret
(throwaway values that only open the emulator).

Examples:
  domain-tasks emulator --port 8080 --scenario demo          # the bundled demo; --scenario hostile: every integrity quirk
  domain-tasks emulator --port 8080 --admin --latency 200      # seed tasks and switch faults over HTTP
  curl -s -X POST http://127.0.0.1:8080/__emulator/tasks -d '{"details":[{"domainName":"example.com","finishAfterSeconds":30}]}'
  curl -s -X PUT http://127.0.0.1:8080/__emulator/faults -d '{"rules":[{"fault":"throttling","every":3}]}'

Runs until interrupted (Ctrl+C / SIGTERM). Exit codes: 0 stopped cleanly; 2 bad flags or scenario; 1 could
not listen.`;
