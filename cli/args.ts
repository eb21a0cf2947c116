/**
 * A small command-line parser: `domain-tasks [global flags] <command> [flags] [args]`.
 *
 * Hand-written rather than a dependency (startup time is benchmarked) and rather than node:util parseArgs,
 * whose errors cannot name the fix. Accepts `--name value`, `--name=value`, `-o value`, `-ojson`, `-q`,
 * and `--` to end flags. Global flags may appear before or after the command.
 */
import { COMMAND_OPTIONS, GLOBAL_OPTIONS, type OptionSpec } from "./options";
import { UsageError, quote } from "./usage-error";

export const COMMANDS = ["get", "wait", "set-ns", "emulator", "demo", "help"] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface ParsedArgs {
  /** Undefined when no command was given (`domain-tasks --version`). */
  command?: CommandName;
  positionals: string[];
  /** Flag values by long name; the last occurrence wins. */
  values: Record<string, string | boolean>;
  /** Arguments after `emulator`, handed to the emulator untouched. */
  passthrough: string[];
}

const isCommand = (word: string): word is CommandName => (COMMANDS as readonly string[]).includes(word);

/** Edit distance, for "did you mean" hints on misspelt flags and commands. */
const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
};

/** The closest known word within two edits, if any. */
export const suggest = (word: string, known: readonly string[]): string | undefined => {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
};

/** Finds the command: the first word that is not a flag or the value of a global flag. */
const findCommand = (argv: readonly string[]): number => {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") return -1;
    if (!token.startsWith("-") || token === "-") return i;
    const spec = lookup(GLOBAL_OPTIONS, token);
    if (spec?.type === "string" && !token.includes("=") && !/^-[^-]./.test(token)) i++;
  }
  return -1;
};

const lookup = (specs: readonly OptionSpec[], token: string): OptionSpec | undefined => {
  if (token.startsWith("--")) {
    const name = token.slice(2).split("=")[0];
    return specs.find((s) => s.name === name);
  }
  return specs.find((s) => s.short !== undefined && s.short === token[1]);
};

const flagLabel = (spec: OptionSpec): string => `--${spec.name}`;

/** Parses argv (without `node` and the script). Throws UsageError on anything it does not understand. */
export const parseArgs = (argv: readonly string[]): ParsedArgs => {
  const commandIndex = findCommand(argv);
  let command: CommandName | undefined;
  if (commandIndex >= 0) {
    const word = argv[commandIndex];
    if (!isCommand(word)) {
      const hint = suggest(word, COMMANDS);
      throw new UsageError(
        `unknown command ${quote(word)}: use one of get, wait, set-ns, emulator, demo${hint ? ` (did you mean ${quote(hint)}?)` : ""}.`,
      );
    }
    command = word;
  }
  if (command === "emulator") {
    // The emulator parses its own flags; only global flags before the command are ours.
    const before = parseFlags(argv.slice(0, commandIndex), GLOBAL_OPTIONS, undefined);
    return { command, positionals: [], values: before.values, passthrough: argv.slice(commandIndex + 1) };
  }
  const rest = commandIndex >= 0 ? [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)] : [...argv];
  const specs = [...GLOBAL_OPTIONS, ...(command ? COMMAND_OPTIONS[command] ?? [] : [])];
  const { values, positionals } = parseFlags(rest, specs, command);
  return { command, positionals, values, passthrough: [] };
};

const parseFlags = (
  argv: readonly string[],
  specs: readonly OptionSpec[],
  command: string | undefined,
): { values: Record<string, string | boolean>; positionals: string[] } => {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith("-") || token === "-") {
      positionals.push(token);
      continue;
    }
    const spec = lookup(specs, token);
    if (!spec) throw unknownFlag(token, specs, command);
    const long = token.startsWith("--");
    const inline = long ? (token.includes("=") ? token.slice(token.indexOf("=") + 1) : undefined)
      : token.length > 2 ? token.slice(2) : undefined;
    if (spec.type === "boolean") {
      if (inline !== undefined) {
        throw new UsageError(`${flagLabel(spec)} is a switch and takes no value (got ${quote(inline)}): write just ${flagLabel(spec)}.`, command);
      }
      values[spec.name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // A negative number is a (bad) value, not the next flag: `--timeout -5s` is reported as a bad duration.
      if (next === undefined || (next.startsWith("-") && next !== "-" && !/^-\d/.test(next))) {
        throw new UsageError(`${flagLabel(spec)} needs a value: ${flagLabel(spec)} ${spec.valueName ?? "<value>"}.`, command);
      }
      value = next;
      i++;
    }
    // A repeatable flag (--ns a --ns b) collects its values comma-separated, as `--ns a,b` gives them.
    const earlier = values[spec.name];
    values[spec.name] = spec.repeatable && typeof earlier === "string" ? `${earlier},${value}` : value;
  }
  return { values, positionals };
};

/** Flags people try for a secret (--access-key-secret, --secret-key, --security-token, ...): refused with the way that works. */
const SECRET_FLAG = /secret|security-token|sts-token|password/i;

const unknownFlag = (token: string, specs: readonly OptionSpec[], command: string | undefined): UsageError => {
  const name = token.startsWith("--") ? token.slice(2).split("=")[0] : token.slice(1, 2);
  if (token.startsWith("--") && SECRET_FLAG.test(name)) {
    // Never echo the value: it is the secret.
    return new UsageError(
      `--${name} is not taken: a secret on the command line lands in shell history and process listings. ` +
        "Set ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or pipe the secret in with " +
        "--access-key-id <id> --secret-from-stdin.",
      command,
    );
  }
  const hint = token.startsWith("--") ? suggest(name, specs.map((s) => s.name)) : undefined;
  const where = command ? `domain-tasks ${command}` : "domain-tasks";
  const flag = token.split("=")[0];
  return new UsageError(
    `unknown flag ${flag} for ${where}: ${hint ? `did you mean --${hint}? ` : ""}see ${where} --help for the flags it takes.`,
    command,
  );
};
