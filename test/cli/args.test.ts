import { parseArgs, suggest } from "../../cli/args";
import { UsageError } from "../../cli/usage-error";

const usageMessage = (argv: string[]): string => {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`expected ${argv.join(" ")} to be rejected`);
};

describe("parseArgs", () => {
  it("finds the command after global flags and reads flags in every spelling", () => {
    const args = parseArgs(["--endpoint", "http://127.0.0.1:1", "wait", "T1", "--timeout=90s", "-q", "-ojson", "--for", "completion"]);
    expect(args.command).toBe("wait");
    expect(args.positionals).toEqual(["T1"]);
    expect(args.values).toEqual({ endpoint: "http://127.0.0.1:1", timeout: "90s", quiet: true, output: "json", for: "completion" });
  });

  it("accepts global flags after the command, and -- before a TaskNo that starts with a dash", () => {
    const args = parseArgs(["get", "--product", "domain-intl", "-o", "jsonl", "--", "-T1"]);
    expect(args).toMatchObject({ command: "get", positionals: ["-T1"], values: { product: "domain-intl", output: "jsonl" } });
  });

  it("reads --flag=value and -f=value for every flag", () => {
    expect(parseArgs(["get", "T1", "-o=json", "--page-size=10", "--endpoint=http://127.0.0.1:1/?a=b"]).values).toEqual({
      output: "json", "page-size": "10", endpoint: "http://127.0.0.1:1/?a=b",
    });
    expect(parseArgs(["get", "T1", "--domain="]).values.domain).toBe("");
  });

  it("reads switches as --name, --no-name and --name=true|false", () => {
    expect(parseArgs(["wait", "T1", "--no-quiet", "--no-fail-fast", "--fail-fast=TRUE", "-q=false"]).values).toEqual({
      quiet: false, "fail-fast": true,
    });
    expect(parseArgs(["wait", "T1", "-q", "--no-quiet"]).values.quiet).toBe(false);
    expect(parseArgs(["--no-color", "get", "T1", "--no-debug"]).values).toEqual({ color: false, debug: false });
  });

  it("maps habits from other tools: --json, --verbose, --no-color", () => {
    expect(parseArgs(["get", "T1", "--json"]).values).toMatchObject({ output: "json" });
    expect(parseArgs(["wait", "T1", "--json", "-o", "json"]).values.output).toBe("json");
    expect(parseArgs(["--verbose", "wait", "T1"]).values).toEqual({ debug: true });
    expect(parseArgs(["get", "T1", "--color"]).values).toEqual({ color: true });
    expect(usageMessage(["get", "T1", "--json", "-o", "table"])).toBe(
      '--json means --output json, but --output "table" was also given: keep one of them.',
    );
  });

  it("points --interval and --format to the flags that do it here", () => {
    expect(usageMessage(["wait", "T1", "--interval", "15s"])).toBe(
      "--interval is not a flag of domain-tasks wait: wait backs off between polls, from --min-delay (default 2s) to " +
        "--max-delay (default 30s); for a fixed interval give both: --min-delay 15s --max-delay 15s.",
    );
    expect(usageMessage(["wait", "T1", "--interval=1m"])).toContain("--min-delay 1m --max-delay 1m.");
    expect(usageMessage(["get", "T1", "--format", "json"])).toBe(
      "--format is not a flag of domain-tasks get: the output format is -o/--output table|json|jsonl (here: -o json).",
    );
  });

  it("lets the last occurrence of a flag win", () => {
    expect(parseArgs(["get", "T1", "-o", "json", "-o", "table"]).values.output).toBe("table");
  });

  it("hands the emulator's flags on untouched, for its own command to parse once", () => {
    const args = parseArgs(["--debug", "emulator", "--port=8080", "--no-admin", "--scenario", "s.json", "--prot", "extra"]);
    expect(args).toMatchObject({
      command: "emulator",
      passthrough: ["--port=8080", "--no-admin", "--scenario", "s.json", "--prot", "extra"],
      values: { debug: true },
    });
  });

  it("turns `--help emulator` into the emulator's help rather than starting it", () => {
    expect(parseArgs(["--help", "emulator"]).passthrough).toEqual(["--help"]);
  });

  it("reads --version and --help without a command", () => {
    expect(parseArgs(["--version"]).values.version).toBe(true);
    expect(parseArgs(["-h"]).values.help).toBe(true);
    expect(parseArgs([]).command).toBeUndefined();
  });

  it("rejects an unknown flag, naming it and suggesting the closest one", () => {
    expect(usageMessage(["wait", "T1", "--timout", "5m"])).toBe(
      "unknown flag --timout for domain-tasks wait: did you mean --timeout? see domain-tasks wait --help for the flags it takes.",
    );
    expect(usageMessage(["get", "T1", "--bogus=1"])).toBe(
      "unknown flag --bogus for domain-tasks get: see domain-tasks get --help for the flags it takes.",
    );
  });

  it("rejects a flag that belongs to another command", () => {
    expect(usageMessage(["get", "T1", "--timeout", "5m"])).toMatch(/^unknown flag --timeout for domain-tasks get/);
    expect(usageMessage(["wait", "T1", "--status", "failure"])).toMatch(/^unknown flag --status for domain-tasks wait/);
  });

  it("rejects a missing value and a value given to a switch", () => {
    expect(usageMessage(["wait", "T1", "--timeout"])).toBe("--timeout needs a value: --timeout <duration>.");
    expect(usageMessage(["wait", "T1", "--timeout", "-q"])).toBe("--timeout needs a value: --timeout <duration>.");
    expect(usageMessage(["wait", "T1", "--quiet=yes"])).toBe(
      '--quiet is a switch and takes no value (got "yes"): write --quiet or --no-quiet (--quiet=true and =false work too).',
    );
    expect(usageMessage(["wait", "T1", "--no-quiet=true"])).toBe('--no-quiet is a switch and takes no value (got "true"): write --no-quiet.');
    expect(usageMessage(["get", "T1", "-o"])).toBe("-o needs a value: -o table|json|jsonl.");
  });

  it("suggests negations and aliases, and does not negate what cannot be", () => {
    expect(usageMessage(["wait", "T1", "--no-quite"])).toMatch(/did you mean --no-quiet\?/);
    expect(usageMessage(["get", "T1", "--verbos"])).toMatch(/did you mean --verbose\?/);
    expect(usageMessage(["get", "T1", "--no-help"])).toMatch(/^unknown flag --no-help for domain-tasks get/);
  });

  it("rejects an unknown command with a suggestion", () => {
    expect(usageMessage(["wiat", "T1"])).toBe('unknown command "wiat": use one of get, wait, set-ns, emulator, demo (did you mean "wait"?).');
  });
});

describe("suggest", () => {
  it("returns the closest word within two edits, else nothing", () => {
    expect(suggest("page-sise", ["page-size", "profile"])).toBe("page-size");
    expect(suggest("zzz", ["page-size", "profile"])).toBeUndefined();
  });
});
