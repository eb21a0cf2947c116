/**
 * Every flag the command knows, in one table: the parser reads it, the help texts print it, and
 * `npm run docs` writes the flag tables of docs/cli.md from it. Global flags are accepted before or after
 * the command name (not after `emulator`, whose flags are its own).
 */
import { EMULATOR_OPTIONS } from "../emulator/command-args";
import { WAIT_DEFAULTS } from "../sdk/waiter/defaults";
import { formatDefaultSeconds } from "./duration";

/** The wait flags' defaults as help shows them, from the SDK's (the values `wait` falls back to). */
const DEFAULT = {
  timeout: formatDefaultSeconds(WAIT_DEFAULTS.maxWaitSeconds),
  minDelay: formatDefaultSeconds(WAIT_DEFAULTS.minDelaySeconds),
  maxDelay: formatDefaultSeconds(WAIT_DEFAULTS.maxDelaySeconds),
};
export interface OptionSpec {
  /** Long name without dashes, e.g. `page-size`. */
  name: string;
  short?: string;
  /** Takes a value (`--timeout 90s`) or is a switch (`-q`). */
  type: "string" | "boolean";
  /** Placeholder for the value in help, e.g. `<duration>`. */
  valueName?: string;
  description: string;
  /** May be given more than once; the values are collected comma-separated. */
  repeatable?: boolean;
  /** Other long names people type for the same flag (`--verbose` for `--debug`). */
  aliases?: readonly string[];
  /** A switch that also reads `--no-<name>` (false), so a wrapper script's default can be turned off. */
  negatable?: boolean;
  /** A shorthand that sets other flags instead (`--json` sets `--output json`). */
  implies?: Readonly<Record<string, string>>;
}

const option = (spec: OptionSpec): OptionSpec => spec;

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  option({ name: "endpoint", type: "string", valueName: "<url>",
    description: "API endpoint (https://host, http://127.0.0.1:PORT for the emulator, or host[:port], which means https); overrides --product/--region. Default: env ALIBABA_CLOUD_DOMAIN_ENDPOINT, else the product's host" }),
  option({ name: "product", type: "string", valueName: "domain|domain-intl",
    description: "which Domain API: domain (domain.aliyuncs.com, default) or domain-intl (domain-intl.aliyuncs.com)" }),
  option({ name: "region", type: "string", valueName: "<id>", description: "region; ap-southeast-1 selects domain-intl" }),
  option({ name: "profile", type: "string", valueName: "<name>", description: "credentials profile (aliyun CLI / ~/.alibabacloud/credentials)" }),
  option({ name: "access-key-id", type: "string", valueName: "<id>",
    description: "AccessKey ID; its secret comes from ALICLOUD_SECRET_KEY / ALIBABA_CLOUD_ACCESS_KEY_SECRET or --secret-from-stdin, never a flag" }),
  option({ name: "secret-from-stdin", type: "boolean", negatable: true,
    description: "read the AccessKey secret from standard input (with --access-key-id)" }),
  option({ name: "color", type: "boolean", negatable: true,
    description: "colours even when not on a terminal; --no-color: never (as NO_COLOR=1). Default: on a terminal only" }),
  option({ name: "debug", type: "boolean", negatable: true, aliases: ["verbose"],
    description: "log each request on stderr: action, filters, page, status, RequestId, time (never a secret)" }),
  option({ name: "help", short: "h", type: "boolean", description: "show help for the command" }),
  option({ name: "version", short: "V", type: "boolean", description: "print the version" }),
];

export const OUTPUT_OPTION = option({ name: "output", short: "o", type: "string", valueName: "table|json|jsonl",
  description: "output format; default table when stdout is a terminal, json otherwise" });

const JSON_OPTION = option({ name: "json", type: "boolean", implies: { output: "json" }, description: "the same as -o json" });

const STATUS_OPTION = option({ name: "status", type: "string", valueName: "<status>",
  description: "only details in this status: waiting, executing, success, failure (or the API names, or 0-3)" });

/** Filters that `get` and `wait` share (`wait` selects by status itself, so --status is `get`'s alone). */
export const QUERY_OPTIONS: readonly OptionSpec[] = [
  option({ name: "domain", type: "string", valueName: "<name>", description: "only the detail of this domain name" }),
  option({ name: "instance", type: "string", valueName: "<id>", description: "only the detail of this instance ID" }),
  option({ name: "lang", type: "string", valueName: "en|zh", description: "language of messages from the API (default en)" }),
  option({ name: "page-size", type: "string", valueName: "<1-1000>", description: "details per request (default 1000)" }),
];

export const WAIT_OPTIONS: readonly OptionSpec[] = [
  option({ name: "for", type: "string", valueName: "success|completion",
    description: "success (default): exit 0 only if every detail succeeded; completion: exit 0 once every detail finished" }),
  option({ name: "fail-fast", type: "boolean", negatable: true,
    description: "with --for success: exit 1 at the first failed detail, without waiting for the rest" }),
  option({ name: "timeout", type: "string", valueName: "<duration>",
    description: `give up after this long, exit 4 (default ${DEFAULT.timeout}; 0 = check once, do not wait)` }),
  option({ name: "min-delay", type: "string", valueName: "<duration>", description: `first delay between polls (default ${DEFAULT.minDelay})` }),
  option({ name: "max-delay", type: "string", valueName: "<duration>", description: `longest delay between polls (default ${DEFAULT.maxDelay})` }),
  option({ name: "quiet", short: "q", type: "boolean", negatable: true,
    description: "no progress and no verdict on stderr (errors and timeouts are still printed)" }),
  option({ name: "since", type: "string", valueName: "<duration>",
    description: "also wait for every task created in this window, e.g. 1h (QueryTaskList), for a pipeline that does not know its TaskNos" }),
  option({ name: "type", type: "string", valueName: "<TaskType>", description: "with --since: only tasks of this type, e.g. CHG_DNS or ORDER_RENEW" }),
  option({ name: "tasks-from", type: "string", valueName: "<file|->",
    description: "also wait for the TaskNos in this file, one per line (- reads standard input); with several tasks, exit 0 only if all succeeded" }),
];

export const DEMO_OPTIONS: readonly OptionSpec[] = [
  option({ name: "quiet", short: "q", type: "boolean", negatable: true, description: "no live progress, only the results" }),
];

/** `set-ns`: the change, whether to wait for it (with the wait flags), and the output. */
export const SET_NS_OPTIONS: readonly OptionSpec[] = [
  option({ name: "ns", type: "string", valueName: "<host>", repeatable: true,
    description: "a new name server; give 2-13 (--ns a --ns b, or --ns a,b), in order" }),
  option({ name: "aliyun-dns", type: "boolean", description: "move the domains to Alibaba Cloud DNS instead of --ns" }),
  option({ name: "wait", type: "boolean",
    description: "wait for the change like domain-tasks wait (same flags and exit codes), and pass only once every domain reads back the name servers asked" }),
];

/**
 * The flags each command accepts besides the global ones. The emulator's are its own (emulator/command-args.ts,
 * which parses them): listed here for help and docs, never parsed by the CLI.
 */
export const COMMAND_OPTIONS: Record<string, readonly OptionSpec[]> = {
  get: [STATUS_OPTION, ...QUERY_OPTIONS, OUTPUT_OPTION, JSON_OPTION],
  wait: [...WAIT_OPTIONS, ...QUERY_OPTIONS, OUTPUT_OPTION, JSON_OPTION],
  demo: DEMO_OPTIONS,
  "set-ns": [
    ...SET_NS_OPTIONS,
    // --for, --since, --type and --tasks-from pick which tasks `wait` gates on: set-ns gates on the one it submits.
    ...WAIT_OPTIONS.filter((o) => !["for", "tasks-from", "since", "type"].includes(o.name)),
    QUERY_OPTIONS.find((o) => o.name === "lang")!,
    OUTPUT_OPTION,
    JSON_OPTION,
  ],
  emulator: EMULATOR_OPTIONS,
};

/**
 * Flags from other tools that we do not take, each with the way to say it here. `--interval` is not mapped
 * on purpose: `wait` backs off between polls (kinder to a rate-limited API over a 30-minute wait), and a
 * fixed interval is one explicit pair of flags away.
 */
export interface HabitHint {
  /** The long name people type, without dashes. */
  name: string;
  /** The commands where the hint applies. */
  commands: readonly string[];
  /** What to write instead; `value` is what the user gave, when the flag had one inline or next to it. */
  hint(value: string | undefined): string;
}

export const HABITS: readonly HabitHint[] = [
  {
    name: "interval",
    commands: ["wait"],
    hint: (value) => {
      const d = value && !value.startsWith("-") ? value : "10s";
      return `wait backs off between polls, from --min-delay (default ${DEFAULT.minDelay}) to --max-delay (default ${DEFAULT.maxDelay}); ` +
        `for a fixed interval give both: --min-delay ${d} --max-delay ${d}.`;
    },
  },
  {
    name: "format",
    commands: ["get", "wait"],
    hint: (value) => `the output format is -o/--output table|json|jsonl${value && !value.startsWith("-") ? ` (here: -o ${value})` : ""}.`,
  },
];
