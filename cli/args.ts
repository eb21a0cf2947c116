/**
 * The command-line parser: `domain-tasks [global flags] <command> [flags] [args]`. The emulator's own flags
 * (after `emulator`) are handed to its command untouched, which parses them itself (emulator/command-args.ts).
 *
 * node:util's parseArgs lexes the words (`tokens: true`, not strict); what they mean and every message - which
 * name the fix and suggest the flag meant, as parseArgs' own errors cannot - are decided here, from the one
 * option table (./options). Every flag reads `--name value` and `--name=value`; a short one also `-o value`,
 * `-ojson` and `-o=json`; a switch also `--name=true|false` and, when negatable, `--no-name`. `--` ends the
 * flags. Global flags may appear before or after the command.
 */
import { parseArgs as nodeParseArgs } from "node:util";
import { COMMAND_OPTIONS, GLOBAL_OPTIONS, HABITS, type OptionSpec } from "./options";
import { UsageError, quote } from "./usage-error";

export const COMMANDS = ["get", "wait", "set-ns", "emulator", "demo", "help"] as const;
export type CommandName = (typeof COMMANDS)[number];

export type FlagValues = Record<string, string | boolean>;

export interface ParsedArgs {
  /** Undefined when no command was given (`domain-tasks --version`). */
  command?: CommandName;
  positionals: string[];
  /** Flag values by long name; the last occurrence wins. A negated switch (`--no-quiet`) is `false`. */
  values: FlagValues;
  /** Arguments after `emulator`, checked by this parser and handed to the emulator's command as typed. */
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

/** A flag as typed, resolved against the table. */
interface Match {
  spec: OptionSpec;
  /** `--no-quiet`: the switch, set to false. */
  negated: boolean;
  /** What the user typed, for messages: `-o`, `--output`, `--verbose`. */
  typed: string;
  /** The value after `=` (or glued to a short flag), if any. */
  inline?: string;
}

/** One word of the command line as node:util's parseArgs lexes it (`tokens: true`). */
type Token = NonNullable<ReturnType<typeof nodeParseArgs>["tokens"]>[number];

/**
 * The command line's words, lexed by node:util's parseArgs against `specs` - long names, aliases, short
 * letters, `--` - but not judged: `strict: false` hands back unknown flags and misplaced values as tokens, so
 * the messages below (which name the fix, and suggest) stay ours.
 */
const lex = (argv: readonly string[], specs: readonly OptionSpec[]): Token[] => {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const spec of specs) {
    options[spec.name] = { type: spec.type, ...(spec.short && { short: spec.short }) };
    for (const alias of spec.aliases ?? []) options[alias] = { type: spec.type };
  }
  // `-q=false`: parseArgs would read a group of short switches (-q -= -f ...); it means the switch's value.
  const args = argv.map((word) => {
    const glued = /^-([A-Za-z])=/.exec(word);
    const spec = glued ? specs.find((s) => s.short === glued[1] && s.type === "boolean") : undefined;
    return spec ? `--${spec.name}${word.slice(2)}` : word;
  });
  return nodeParseArgs({ args, options, strict: false, allowPositionals: true, tokens: true }).tokens ?? [];
};

/** The spec a lexed option token names (by name, alias or `no-` negation), or undefined for an unknown flag. */
const resolve = (specs: readonly OptionSpec[], token: Extract<Token, { kind: "option" }>): Match | undefined => {
  const inline = token.inlineValue ? token.value!.replace(token.rawName.startsWith("--") ? "" : /^=/, "") : undefined;
  const typed = token.rawName.startsWith("--") ? `--${token.name}` : token.rawName;
  const spec = specs.find((s) => s.name === token.name || s.aliases?.includes(token.name));
  if (spec) return { spec, negated: false, typed, inline };
  const positive = token.name.startsWith("no-") ? specs.find((s) => s.negatable && s.name === token.name.slice(3)) : undefined;
  return positive ? { spec: positive, negated: true, typed, inline } : undefined;
};

/** Finds the command: the first word that is not a flag or the value of a global flag (its index in argv). */
const findCommand = (argv: readonly string[]): number => {
  for (const token of lex(argv, GLOBAL_OPTIONS)) {
    if (token.kind === "option-terminator") return -1;
    if (token.kind === "positional") return token.index;
  }
  return -1;
};

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
    // Global flags go before `emulator`; after it, only the emulator's own, which its command parses (once).
    const before = parseFlags(argv.slice(0, commandIndex), GLOBAL_OPTIONS, undefined);
    const passthrough = argv.slice(commandIndex + 1);
    // `domain-tasks --help emulator` means the emulator's help, not "start the emulator".
    if (before.values.help === true && !passthrough.includes("--help") && !passthrough.includes("-h")) passthrough.push("--help");
    return { command, positionals: [], values: before.values, passthrough };
  }
  const rest = commandIndex >= 0 ? [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)] : [...argv];
  const specs = [...GLOBAL_OPTIONS, ...(command ? COMMAND_OPTIONS[command] ?? [] : [])];
  const { values, positionals } = parseFlags(rest, specs, command);
  return { command, positionals, values, passthrough: [] };
};

const switchValue = (match: Match, command: string | undefined): boolean => {
  const { spec, typed, inline, negated } = match;
  if (inline === undefined) return !negated;
  const word = inline.toLowerCase();
  if (!negated && (word === "true" || word === "false")) return word === "true";
  const negation = spec.negatable ? ` or --no-${spec.name}` : "";
  throw new UsageError(
    `${typed} is a switch and takes no value (got ${quote(inline)}): write ${negated ? typed : `--${spec.name}${negation}`}` +
      `${negated ? "" : ` (--${spec.name}=true and =false work too)`}.`,
    command,
  );
};

/** Reads the flags of one command against its table: values by long name, and the positionals. */
const parseFlags = (
  argv: readonly string[],
  specs: readonly OptionSpec[],
  command: string | undefined,
): { values: FlagValues; positionals: string[] } => {
  const values: FlagValues = {};
  const positionals: string[] = [];
  const implied: Match[] = [];
  const tokens = lex(argv, specs);
  for (const [i, token] of tokens.entries()) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    const match = resolve(specs, token);
    const next = tokens[i + 1];
    if (!match) throw unknownFlag(token.rawName.startsWith("--") ? `--${token.name}` : token.rawName, token.inlineValue ? token.value : next?.kind === "positional" ? next.value : undefined, specs, command);
    const { spec, typed } = match;
    if (spec.type === "boolean") {
      values[spec.name] = switchValue(match, command);
      if (spec.implies && values[spec.name] === true) implied.push(match);
      continue;
    }
    const value = token.value;
    // A negative number is a (bad) value, not the next flag: `--timeout -5s` is reported as a bad duration.
    if (value === undefined || (!token.inlineValue && value.startsWith("-") && value !== "-" && !/^-\d/.test(value))) {
      throw new UsageError(`${typed} needs a value: ${typed} ${spec.valueName ?? "<value>"}.`, command);
    }
    const given = match.inline ?? value;
    // A repeatable flag (--ns a --ns b) collects its values comma-separated, as `--ns a,b` gives them.
    const earlier = values[spec.name];
    values[spec.name] = spec.repeatable && typeof earlier === "string" ? `${earlier},${given}` : given;
  }
  for (const { spec, typed } of implied) applyImplied(spec, typed, values, command);
  return { values, positionals };
};

/** `--json` sets `--output json`, and refuses to contradict an explicit `-o table`. */
const applyImplied = (spec: OptionSpec, typed: string, values: FlagValues, command: string | undefined): void => {
  for (const [name, value] of Object.entries(spec.implies ?? {})) {
    const given = values[name];
    if (given !== undefined && given !== value) {
      throw new UsageError(`${typed} means --${name} ${value}, but --${name} ${quote(String(given))} was also given: keep one of them.`, command);
    }
    values[name] = value;
  }
};

/** Flags people try for a secret (--access-key-secret, --secret-key, --security-token, ...): refused with the way that works. */
const SECRET_FLAG = /secret|security-token|sts-token|password/i;

/** `flag` as typed without its value (`--name` or `-x`); `value` is what came with it or after it, for hints. */
const unknownFlag = (flag: string, value: string | undefined, specs: readonly OptionSpec[], command: string | undefined): UsageError => {
  const long = flag.startsWith("--");
  const name = long ? flag.slice(2) : flag.slice(1, 2);
  if (long && SECRET_FLAG.test(name)) {
    // Never echo the value: it is the secret.
    return new UsageError(
      `--${name} is not taken: a secret on the command line lands in shell history and process listings. ` +
        "Set ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or pipe the secret in with " +
        "--access-key-id <id> --secret-from-stdin.",
      command,
    );
  }
  const where = command ? `domain-tasks ${command}` : "domain-tasks";
  const habit = long ? HABITS.find((h) => h.name === name && command !== undefined && h.commands.includes(command)) : undefined;
  if (habit) return new UsageError(`${flag} is not a flag of ${where}: ${habit.hint(value)}`, command);
  const known = specs.flatMap((s) => [s.name, ...(s.aliases ?? []), ...(s.negatable ? [`no-${s.name}`] : [])]);
  const hint = long ? suggest(name, known) : undefined;
  return new UsageError(
    `unknown flag ${flag} for ${where}: ${hint ? `did you mean --${hint}? ` : ""}see ${where} --help for the flags it takes.`,
    command,
  );
};
