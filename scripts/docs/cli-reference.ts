/**
 * The generated parts of docs/cli.md: the flag tables (from cli/options.ts), the flags taken over from other
 * tools, the credential order (cli/help.ts) and the exit codes (cli/exit-codes.ts).
 */
import { EXIT_CODE_HELP, ExitCode } from "../../cli/exit-codes";
import { CREDENTIALS_HELP } from "../../cli/help";
import { COMMAND_OPTIONS, GLOBAL_OPTIONS, HABITS, type OptionSpec } from "../../cli/options";
import { table, type GeneratedSection } from "./sections";

const code = (text: string): string => `\`${text}\``;

const spellings = (s: OptionSpec): string =>
  [...(s.short ? [`-${s.short}`] : []), `--${s.name}`, ...(s.negatable ? [`--no-${s.name}`] : []), ...(s.aliases ?? []).map((a) => `--${a}`)]
    .map(code).join(", ");

const flagTable = (specs: readonly OptionSpec[]): string =>
  table(["Flag", "Value", "What it does"], specs.map((s) => [spellings(s), s.type === "string" ? code(s.valueName ?? "<value>") : "", s.description]));

const COMMAND_TITLES: Record<string, string> = {
  get: "`domain-tasks get <taskNo>`",
  wait: "`domain-tasks wait <taskNo>`",
  demo: "`domain-tasks demo`",
  "set-ns": "`domain-tasks set-ns <domain>...`",
  emulator: "`domain-tasks emulator` (also `node dist/emulator/command.js`; no global flags after `emulator`)",
};

export const renderFlags = (): string =>
  [
    "#### Global flags (before or after the command)",
    "",
    flagTable(GLOBAL_OPTIONS),
    ...Object.entries(COMMAND_OPTIONS).flatMap(([command, specs]) => ["", `#### ${COMMAND_TITLES[command] ?? code(command)}`, "", flagTable(specs)]),
  ].join("\n");

/** Flags people bring from other tools: the ones we map, and the ones that get a pointer. */
export const renderHabits = (): string => {
  const all = [...GLOBAL_OPTIONS, ...Object.values(COMMAND_OPTIONS).flat()];
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (const s of all) {
    for (const alias of s.aliases ?? []) rows.push([code(`--${alias}`), `the same as ${code(`--${s.name}`)}`]);
    if (s.implies) {
      rows.push([code(`--${s.name}`), `the same as ${Object.entries(s.implies).map(([k, v]) => code(`--${k} ${v}`)).join(" ")}`]);
    }
  }
  for (const h of HABITS) rows.push([code(`--${h.name}`), `refused (exit 2) with: ${h.hint(undefined)}`]);
  return table(["You type", "What happens"], rows.filter(([flag]) => !seen.has(flag) && seen.add(flag)));
};

export const renderCredentials = (): string => ["```text", CREDENTIALS_HELP, "```"].join("\n");

/** The exit codes, from the lines of EXIT_CODE_HELP; every ExitCode must have one. */
export const renderExitCodes = (): string => {
  const rows = EXIT_CODE_HELP.split("\n").flatMap((line) => {
    const m = /^\s+(\d+)\s+(.*)$/.exec(line);
    return m ? [[m[1], m[2]]] : [];
  });
  const missing = Object.entries(ExitCode).filter(([, value]) => !rows.some(([c]) => Number(c) === value));
  if (missing.length > 0) {
    throw new Error(`EXIT_CODE_HELP in cli/exit-codes.ts has no line for ${missing.map(([k, v]) => `${k} (${v})`).join(", ")}: add one.`);
  }
  return table(["Code", "Meaning"], rows.map(([c, meaning]) => [code(c), meaning]));
};

export const CLI_SECTIONS: readonly GeneratedSection[] = [
  { file: "docs/cli.md", name: "cli-flags", render: renderFlags },
  { file: "docs/cli.md", name: "cli-habits", render: renderHabits },
  { file: "docs/cli.md", name: "cli-credentials", render: renderCredentials },
  { file: "docs/cli.md", name: "cli-exit-codes", render: renderExitCodes },
];
