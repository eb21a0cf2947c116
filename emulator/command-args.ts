/**
 * Flags of the emulator command, read by the CLI's one parser (cli/args.ts) against the emulator's rows of
 * the option table (cli/options.ts): the same spellings, "did you mean" hints and messages as every other
 * command, whether it runs as `domain-tasks emulator` or as `node dist/emulator/command.js`.
 */
import { parseFlags } from "../cli/args";
import { formatOptions } from "../cli/help";
import { EMULATOR_OPTIONS } from "../cli/options";
import { UsageError, quote } from "../cli/usage-error";

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

/** A bad emulator command line: the CLI's UsageError, under the name emulator/command.ts catches. */
export { UsageError as CommandArgsError };

const nonNegativeInt = (flag: string, raw: string, max: number): number => {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > max) {
    throw new UsageError(`--${flag} ${quote(raw)} is not valid: give a whole number from 0 to ${max}.`, "emulator");
  }
  return Number(raw);
};

const text = (flag: string, raw: string | boolean | undefined): string | undefined => {
  if (typeof raw !== "string") return undefined;
  if (raw.trim() === "") throw new UsageError(`--${flag} ${quote(raw)} is empty: give a value or leave the flag out.`, "emulator");
  return raw.trim();
};

export const parseEmulatorArgs = (argv: readonly string[]): EmulatorCommandArgs => {
  const { values, positionals } = parseFlags(argv, EMULATOR_OPTIONS, "emulator");
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument ${quote(positionals[0])}: domain-tasks emulator takes only flags.`, "emulator");
  }
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

export const EMULATOR_HELP = `domain-tasks emulator - the offline Alibaba Cloud Domain API (QueryTaskDetailList)

Usage: domain-tasks emulator [--port N] [--host H] [--scenario FILE] [--admin] [--latency MS]
   or: node dist/emulator/command.js [same flags]

Serves QueryTaskDetailList for Domain 2018-01-29 and Domain-intl 2017-12-18 over HTTP, signed and answered
like the real service (ACS3-HMAC-SHA256 and HMAC-SHA1 signatures, paging, filters, real error bodies).

Options:
${formatOptions(EMULATOR_OPTIONS)}

Credentials it accepts: AccessKeyId emulator-access-key-id, secret emulator-access-key-secret
(throwaway values that only open the emulator).

Examples:
  domain-tasks emulator --port 8080 --scenario demo          # the bundled demo; --scenario hostile: every integrity quirk
  domain-tasks emulator --port 8080 --admin --latency 200      # seed tasks and switch faults over HTTP
  curl -s -X POST http://127.0.0.1:8080/__emulator/tasks -d '{"details":[{"domainName":"example.com","finishAfterSeconds":30}]}'
  curl -s -X PUT http://127.0.0.1:8080/__emulator/faults -d '{"rules":[{"fault":"throttling","every":3}]}'

Runs until interrupted (Ctrl+C / SIGTERM). Exit codes: 0 stopped cleanly; 2 bad flags or scenario; 1 could
not listen.`;
