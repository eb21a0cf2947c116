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

  it("lets the last occurrence of a flag win", () => {
    expect(parseArgs(["get", "T1", "-o", "json", "-o", "table"]).values.output).toBe("table");
  });

  it("hands everything after `emulator` to the emulator untouched", () => {
    const args = parseArgs(["emulator", "--port", "8080", "--whatever"]);
    expect(args).toMatchObject({ command: "emulator", passthrough: ["--port", "8080", "--whatever"] });
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
    expect(usageMessage(["wait", "T1", "--quiet=yes"])).toBe('--quiet is a switch and takes no value (got "yes"): write just --quiet.');
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
