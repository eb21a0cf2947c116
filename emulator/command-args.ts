/** Flags of the emulator command: `--host H --port N --scenario FILE --faults FILE --admin --latency MS --help`. */

export interface EmulatorCommandArgs {
  host: string;
  port: number;
  scenario?: string;
  /** A FaultConfig JSON file. */
  faults?: string;
  admin: boolean;
  latencyMs?: number;
  help: boolean;
}

export class CommandArgsError extends Error {
  override name = "CommandArgsError";
}

const VALUE_FLAGS = new Set(["host", "port", "scenario", "faults", "latency"]);
const BOOLEAN_FLAGS = new Set(["admin", "help"]);

const nonNegativeInt = (flag: string, raw: string, max: number): number => {
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new CommandArgsError(`--${flag} ${JSON.stringify(raw)} is not valid: give a whole number from 0 to ${max}.`);
  return Number(raw);
};

export const parseEmulatorArgs = (argv: readonly string[]): EmulatorCommandArgs => {
  const args: EmulatorCommandArgs = { host: "127.0.0.1", port: 0, admin: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "-h") {
      args.help = true;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(token);
    if (!match) throw new CommandArgsError(`Unexpected argument ${JSON.stringify(token)}. Run with --help for the flags.`);
    const [, flag, inline] = match;
    if (BOOLEAN_FLAGS.has(flag)) {
      if (inline !== undefined) throw new CommandArgsError(`--${flag} takes no value.`);
      if (flag === "admin") args.admin = true;
      else args.help = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) throw new CommandArgsError(`Unknown flag --${flag}. Flags: --host, --port, --scenario, --faults, --admin, --latency, --help.`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") throw new CommandArgsError(`--${flag} needs a value.`);
    if (flag === "host") args.host = value;
    else if (flag === "port") args.port = nonNegativeInt(flag, value, 65535);
    else if (flag === "scenario") args.scenario = value;
    else if (flag === "faults") args.faults = value;
    else args.latencyMs = nonNegativeInt(flag, value, 600_000);
  }
  return args;
};

export const EMULATOR_HELP = `domain-tasks emulator - the offline Alibaba Cloud Domain API (QueryTaskDetailList)

Usage: domain-tasks emulator [--port N] [--host H] [--scenario FILE|NAME] [--faults FILE] [--admin] [--latency MS]
   or: node dist/emulator/command.js [same flags]

Serves QueryTaskDetailList for Domain 2018-01-29 and Domain-intl 2017-12-18 over HTTP, signed and answered
like the real service (ACS3-HMAC-SHA256 and HMAC-SHA1 signatures, paging, filters, real error bodies).

Options:
  --port N          port to listen on (default 0: any free port, printed at start)
  --host H          interface to bind (default 127.0.0.1; anything else exposes the emulator to the network)
  --scenario FILE   JSON file of tasks to seed: {"tasks": [TaskSpec, ...], "faults"?: FaultConfig} (see the README),
                    or a bundled scenario: demo (the demo's two tasks), hostile (one task per integrity
                    quirk: a gate must pass none but hostile-control-succeeded). TaskNos are printed at start.
  --faults FILE     JSON FaultConfig to start with, instead of the scenario's: {"rules": [...], "quirks": {...},
                    "taskQuirks": {"<TaskNo>": {...}}} (docs/emulator.md lists every quirk)
  --admin           serve POST /__emulator/tasks, PUT /__emulator/faults, GET|DELETE /__emulator/stats
  --latency MS      delay every API response by MS milliseconds
  -h, --help        show this help

Credentials it accepts: AccessKeyId emulator-access-key-id, secret emulator-access-key-secret
(throwaway values that only open the emulator).

Examples:
  domain-tasks emulator --port 8080 --scenario demo
  domain-tasks emulator --port 8080 --admin --latency 200      # seed tasks and switch faults over HTTP
  curl -s -X POST http://127.0.0.1:8080/__emulator/tasks -d '{"details":[{"domainName":"example.com","finishAfterSeconds":30}]}'
  curl -s -X PUT http://127.0.0.1:8080/__emulator/faults -d '{"rules":[{"fault":"throttling","every":3}]}'

Runs until interrupted (Ctrl+C / SIGTERM). Exit codes: 0 stopped cleanly; 2 bad flags or scenario; 1 could
not listen.`;
