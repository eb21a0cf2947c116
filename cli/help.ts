/**
 * Help texts: what each command does, its flags (from the one table in options.ts), examples and exit codes.
 */
import { EXIT_CODE_HELP } from "./exit-codes";
import { COMMAND_OPTIONS, GLOBAL_OPTIONS, type OptionSpec } from "./options";

/** How a flag is written in help and docs: `-q, --[no-]quiet`, `--debug, --verbose`, `-o, --output <v>`. */
export const flagLabel = (s: OptionSpec): string =>
  `${s.short ? `-${s.short}, ` : ""}--${s.negatable ? "[no-]" : ""}${s.name}${(s.aliases ?? []).map((a) => `, --${a}`).join("")}` +
  `${s.type === "string" ? ` ${s.valueName ?? "<value>"}` : ""}`;

/** The options block of a help text: one flag a line, descriptions aligned. */
export const formatOptions = (specs: readonly OptionSpec[]): string => {
  const labels = specs.map((s) => `${s.short ? "" : "    "}${flagLabel(s)}`);
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  return specs.map((s, i) => `  ${labels[i].padEnd(width)}${s.description}`).join("\n");
};

/**
 * Where the AccessKey comes from, in the order sdk/credentials.ts really tries them: the first source that is
 * set wins, even when a later one is set too (test/cli/help-credentials.test.ts holds the two to each other).
 */
export const CREDENTIALS_HELP = `Credentials, first found wins (never from a flag value, which would land in shell history):
  1. --access-key-id <id>, its secret in ALICLOUD_SECRET_KEY / ALIBABA_CLOUD_ACCESS_KEY_SECRET or on standard
     input (--secret-from-stdin)
  2. env ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY [/ ALICLOUD_SECURITY_TOKEN] (as @pulumi/alicloud reads them)
  3. a profile named by --profile, ALICLOUD_PROFILE or ALIBABA_CLOUD_PROFILE: ~/.aliyun/config.json, then
     ~/.alibabacloud/credentials
  4. the @alicloud/credentials default chain: env ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET
     [/ ALIBABA_CLOUD_SECURITY_TOKEN], OIDC (RRSA), the aliyun CLI's current profile, ~/.alibabacloud/credentials,
     the ECS RAM role, ALIBABA_CLOUD_CREDENTIALS_URI
  So a stale ALICLOUD_ACCESS_KEY (2) wins over ALIBABA_CLOUD_ACCESS_KEY_ID (4): unset the one you do not mean.`;

export const USAGE: Record<string, string> = {
  top: "domain-tasks <get|wait|set-ns|emulator|demo> [options]",
  get: "domain-tasks get <taskNo> [--status S] [--domain D] [--instance I] [-o table|json|jsonl]",
  wait: "domain-tasks wait <taskNo>... [--tasks-from FILE|-] [--since 1h [--type CHG_DNS]] [--for success|completion] [--fail-fast] [--timeout 30m] [-q] [-o table|json|jsonl]",
  "set-ns": "domain-tasks set-ns <domain>... (--ns HOST --ns HOST ... | --aliyun-dns) [--wait [--timeout 30m] [--fail-fast] [-q]] [-o table|json]",
  emulator: "domain-tasks emulator [--port N] [--host H] [--scenario FILE] [--admin] [--latency MS]",
  demo: "domain-tasks demo [-q]",
};

const TOP_HELP = `domain-tasks - wait for Alibaba Cloud Domain API tasks from pipelines

Usage: ${USAGE.top}

Commands:
  get <taskNo>     every detail of a task (one per domain), as a table, JSON or JSON lines
  wait <taskNo>    block until the task finishes; the exit code says how it went (a pipeline gate)
  set-ns <domain>  change domains' name servers (one task), and with --wait gate on it
  emulator         run the offline Domain API emulator (see domain-tasks emulator --help)
  demo             the tour: an embedded emulator, two tasks, two gates (what npm start runs)

Global options:
${formatOptions(GLOBAL_OPTIONS)}

${CREDENTIALS_HELP}

Examples:
  domain-tasks wait T-20260101-0001 --timeout 20m && ./deploy.sh
  domain-tasks get T-20260101-0001 --status failure -o table
  domain-tasks demo

${EXIT_CODE_HELP}

Run domain-tasks <command> --help for a command's options.`;

const GET_HELP = `domain-tasks get - every detail of a task

Usage: ${USAGE.get}

Pages through QueryTaskDetailList and prints every detail: one per domain of a batch task.
  -o table   one row per detail (failures with their reason) and a summary line
  -o json    the task outcome: {taskNo, status, succeeded, complete, total, counts, failed[], details[], ...}
             (the SDK's TaskOutcome; stable, see docs/cli.md)
  -o jsonl   one detail per line, streamed as pages arrive (for tasks with many thousands of domains)

Options:
${formatOptions(COMMAND_OPTIONS.get)}

Global options:
${formatOptions(GLOBAL_OPTIONS)}

${CREDENTIALS_HELP}

Examples:
  domain-tasks get T-20260101-0001
  domain-tasks get T-20260101-0001 --status failure -o table
  domain-tasks get T-20260101-0001 --json | jq '.failed[] | [.domainName, .failReason]'
  domain-tasks get T-20260101-0001 --debug      # each request on stderr: page, status, RequestId, time
  domain-tasks get T-20260101-0001 -o jsonl | grep EXECUTE_FAILURE

Exit codes: 0 the details were read; 2 bad input; 3 API or credential error, or stdout could not be written;
130 interrupted; 143 terminated (SIGTERM).`;

const WAIT_HELP = `domain-tasks wait - block until a task finishes (a pipeline gate)

Usage: ${USAGE.wait}

Polls QueryTaskDetailList (backing off from --min-delay to --max-delay) until every detail has finished,
then prints the outcome on stdout and exits with a code a pipeline can branch on. On a terminal, stderr shows
a live progress line (counts by status, elapsed, next poll); otherwise one plain log line per poll.

Options:
${formatOptions(COMMAND_OPTIONS.wait)}

Global options:
${formatOptions(GLOBAL_OPTIONS)}

${CREDENTIALS_HELP}

Examples:
  domain-tasks wait T-20260101-0001                          # succeed or fail the pipeline step
  domain-tasks wait T-20260101-0001 --for completion -o json > outcome.json
  domain-tasks wait T-20260101-0001 --timeout 0              # check once: 0 done, 4 still running
  domain-tasks wait T-20260101-0001 --timeout 2h --max-delay 1m --fail-fast -q
  domain-tasks wait T-20260101-0001 --min-delay 10s --max-delay 10s   # a fixed interval, no backoff

${EXIT_CODE_HELP}`;

const DEMO_HELP = `domain-tasks demo - a short tour, offline

Usage: ${USAGE.demo}

Starts the Domain API emulator in this process with the bundled scenario (emulator/scenarios/demo.json):
a batch CHG_DNS task over 3,000 domains that finishes in about ten seconds with a handful of failures, and
a single ORDER_RENEW task that succeeds. Then gates on both as a pipeline would (domain-tasks wait --for
success), with live progress, the failures and their reasons, and the exit code each gate gives.

Options:
${formatOptions(COMMAND_OPTIONS.demo)}

Examples:
  npm start                       # the same, from a clone of the repository
  domain-tasks demo
  domain-tasks demo -q > demo.log # without the live progress, e.g. for a log

Exit codes: 0 the demo ran as designed; 1 a gate gave another exit code than designed; 3 an error (the
message says what); 130 interrupted; 143 terminated (SIGTERM).`;

const SET_NS_HELP = `domain-tasks set-ns - change domains' name servers, and gate on the change

Usage: ${USAGE["set-ns"]}

Submits one SaveBatchTaskForModifyingDomainDns task for every domain given and prints its TaskNo on stdout.
If a change for exactly these domains is still open (a step cancelled after it submitted), it prints that
task instead of submitting a second one. With --wait it then waits like domain-tasks wait --for success.
The AccessKey needs the RAM action domain:DnsModification.

Options:
${formatOptions(COMMAND_OPTIONS["set-ns"])}

Global options:
${formatOptions(GLOBAL_OPTIONS)}

Examples:
  domain-tasks set-ns example.com example.net --ns ns1.example-dns.com --ns ns2.example-dns.com --wait
  domain-tasks set-ns example.com --aliyun-dns
  TASK=$(domain-tasks set-ns example.com --ns ns1.x.net,ns2.x.net) && domain-tasks wait "$TASK" --timeout 1h

Exit codes: without --wait 0 submitted (or found open); with --wait as domain-tasks wait (0, 1, 3, 4);
2 bad input (nothing was sent); 3 API or credential error; 130 interrupted.`;

/** The help text of a command, or the top-level help. */
export const helpText = (command?: string): string => {
  switch (command) {
    case "get": return GET_HELP;
    case "wait": return WAIT_HELP;
    case "demo": return DEMO_HELP;
    case "set-ns": return SET_NS_HELP;
    default: return TOP_HELP;
  }
};

/** The line printed under a usage error. */
export const usageHint = (command?: string): string => {
  const usage = USAGE[command ?? "top"] ?? USAGE.top;
  return `Usage: ${usage}\nRun domain-tasks ${command ? `${command} ` : ""}--help for details.`;
};
