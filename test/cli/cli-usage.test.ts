/**
 * The built command's help, version and every bad-input case: one line naming the flag, the value and the
 * fix, then the usage hint, exit 2, nothing sent (no endpoint is even reachable here).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertBuilt, ROOT, runCli, startCli } from "./harness";
import { isolatedEnv } from "../support/isolated-env";

beforeAll(assertBuilt);

/** Points at a closed port: a bad-input case that reached the network would fail differently (exit 3). */
const NOWHERE = ["--endpoint", "http://127.0.0.1:9"];

describe("--help and --version", () => {
  it("prints the version from package.json", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    for (const flag of ["--version", "-V"]) {
      expect(await runCli([flag])).toEqual({ code: 0, signal: null, stdout: `${version}\n`, stderr: "" });
    }
  });

  it("prints the overview with commands, examples and exit codes", async () => {
    const result = await runCli(["--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Usage: domain-tasks <get|wait|set-ns|emulator|demo> [options]");
    expect(result.stdout).toContain("Examples:\n  domain-tasks wait T-20260101-0001 --timeout 20m && ./deploy.sh");
    expect(result.stdout).toContain("  4    timed out with details still open (last counts printed)");
    expect(result.stdout).toContain("  130  interrupted (Ctrl-C)");
  });

  it.each([
    [["get", "--help"], "domain-tasks get - every detail of a task", "domain-tasks get T-20260101-0001 --json | jq"],
    [["help", "get"], "domain-tasks get - every detail of a task", "--page-size <1-1000>"],
    [["wait", "-h"], "domain-tasks wait - block until a task finishes", "domain-tasks wait T-20260101-0001 --timeout 0"],
    [["wait", "T1", "--help"], "domain-tasks wait - block until a task finishes", "  1    condition false: a detail failed"],
    [["demo", "--help"], "domain-tasks demo - a short tour, offline", "emulator/scenarios/demo.json"],
    [["demo", "--help"], "domain-tasks demo - a short tour, offline", "Examples:\n  npm start"],
    [["emulator", "--help"], "domain-tasks emulator - the offline", "Examples:\n  domain-tasks emulator --port 8080 --scenario"],
    [["help", "emulator"], "domain-tasks emulator - the offline", "/__emulator/faults -d '{\"rules\""],
  ])("%j shows the command's help with examples", async (args, title, example) => {
    const result = await runCli(args);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.startsWith(title)).toBe(true);
    expect(result.stdout).toContain(example);
  });

  it("exits 2 with the usage when no command is given", async () => {
    const result = await runCli([]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe(
      "domain-tasks: no command given: use get, wait, set-ns, emulator or demo.\n" +
        "Usage: domain-tasks <get|wait|set-ns|emulator|demo> [options]\nRun domain-tasks --help for details.\n",
    );
  });
});

describe("bad input exits 2 with one line naming the flag, the value and the fix", () => {
  const WAIT_HINT = "Usage: domain-tasks wait <taskNo>... [--tasks-from FILE|-] [--since 1h [--type CHG_DNS]] [--for success|completion] [--fail-fast] [--timeout 30m] [-q] [-o table|json|jsonl]\n" +
    "Run domain-tasks wait --help for details.\n";
  const GET_HINT = "Usage: domain-tasks get <taskNo> [--status S] [--domain D] [--instance I] [-o table|json|jsonl]\n" +
    "Run domain-tasks get --help for details.\n";

  it.each([
    [["wait", "T1", "--timout", "5m"], "unknown flag --timout for domain-tasks wait: did you mean --timeout? see domain-tasks wait --help for the flags it takes.", WAIT_HINT],
    [["wait", "T1", "--timeout", "5x"], '--timeout "5x" is not a duration: use seconds (90) or units h, m, s, ms (90s, 15m, 2h, 1h30m, 500ms).', WAIT_HINT],
    [["wait", "T1", "--min-delay", "fast"], '--min-delay "fast" is not a duration: use seconds (90) or units h, m, s, ms (90s, 15m, 2h, 1h30m, 500ms).', WAIT_HINT],
    [["wait", "T1", "--min-delay", "0"], '--min-delay "0" must be longer than 0: use e.g. 500ms, 2s or 1m.', WAIT_HINT],
    [["wait", "T1", "--min-delay", "1m", "--max-delay", "10s"], '--min-delay "1m" is longer than --max-delay "10s": make the minimum the smaller one.', WAIT_HINT],
    [["wait", "T1", "--for", "done"], '--for "done" is not a condition: use success or completion.', WAIT_HINT],
    [["wait", "T1", "--timeout"], "--timeout needs a value: --timeout <duration>.", WAIT_HINT],
    [["wait", "T1", "--timeout", "-q"], "--timeout needs a value: --timeout <duration>.", WAIT_HINT],
    [["wait", "T1", "--timeout", "-5s"], '--timeout "-5s" is not a duration: use seconds (90) or units h, m, s, ms (90s, 15m, 2h, 1h30m, 500ms).', WAIT_HINT],
    [["wait", "T1", "--for", "completion", "--fail-fast"], "--fail-fast goes with --for success: with --for completion a failed detail is an expected outcome.", WAIT_HINT],
    [["wait", ""], '<taskNo> "" is empty: give the TaskNo that the SaveSingleTaskFor*/SaveBatchTaskFor* call returned.', WAIT_HINT],
    [["wait", "   "], '<taskNo> "   " is empty: give the TaskNo that the SaveSingleTaskFor*/SaveBatchTaskFor* call returned.', WAIT_HINT],
    [["wait"], "missing <taskNo>: give the TaskNo that the SaveSingleTaskFor*/SaveBatchTaskFor* call returned.", WAIT_HINT],
    [["wait", "T1", "  "], '<taskNo> "  " is empty: give the TaskNo that the SaveSingleTaskFor*/SaveBatchTaskFor* call returned.', WAIT_HINT],
    [["get", "T1", "--page-size", "ten"], '--page-size "ten" is not a page size: use a whole number from 1 to 1000.', GET_HINT],
    [["get", "T1", "--page-size", "1001"], '--page-size "1001" is not a page size: use a whole number from 1 to 1000.', GET_HINT],
    [["get", "T1", "--page-size", "0"], '--page-size "0" is not a page size: use a whole number from 1 to 1000.', GET_HINT],
    [["get", "T1", "--page-size", "-10"], '--page-size "-10" is not a page size: use a whole number from 1 to 1000.', GET_HINT],
    [["get", "T1", "-o", "yaml"], '-o/--output "yaml" is not an output format: use table, json or jsonl.', GET_HINT],
    [["get", "T1", "--status", "done"], '--status "done" is not a task status: use waiting, executing, success or failure (or WAITING_EXECUTE .. EXECUTE_FAILURE, or 0-3).', GET_HINT],
    [["get", "T1", "--lang", "fr"], '--lang "fr" is not a language the API speaks: use en or zh.', GET_HINT],
    [["get", "T1", "--domain", ""], '--domain "" is empty: give a value or leave the flag out.', GET_HINT],
    [["get", "T1", "--product", "dns"], '--product "dns" is not a Domain API product: use domain or domain-intl.', GET_HINT],
    [["get", "T1", "--secret-from-stdin"], "--secret-from-stdin needs --access-key-id: the secret read from stdin belongs to that key.", GET_HINT],
    [["get", "T1", "--timeout", "5m"], "unknown flag --timeout for domain-tasks get: see domain-tasks get --help for the flags it takes.", GET_HINT],
  ])("%j", async (args, message, hint) => {
    const result = await runCli([...args, ...NOWHERE], { env: isolatedEnv() });
    expect(result).toEqual({ code: 2, signal: null, stdout: "", stderr: `domain-tasks: ${message}\n${hint}` });
  });

  it.each([["--access-key-secret", "s3cr3t-value"], ["--secret=s3cr3t-value"], ["--security-token", "s3cr3t-value"]])(
    "refuses a secret in a flag (%s), says how to pass it, and never echoes it",
    async (...flag) => {
      const result = await runCli(["get", "T1", ...flag, ...NOWHERE], { env: isolatedEnv() });
      expect(result).toEqual({
        code: 2,
        signal: null,
        stdout: "",
        stderr: `domain-tasks: ${flag[0].split("=")[0]} is not taken: a secret on the command line lands in shell history and process ` +
          "listings. Set ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or pipe the secret in with " +
          `--access-key-id <id> --secret-from-stdin.\n${GET_HINT}`,
      });
      expect(result.stderr).not.toContain("s3cr3t-value");
    },
  );

  it("rejects an unknown command", async () => {
    const result = await runCli(["status", "T1"]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr.split("\n")[0]).toBe('domain-tasks: unknown command "status": use one of get, wait, set-ns, emulator, demo.');
  });
});

describe("domain-tasks emulator", () => {
  it("hands --help to the emulator's own command", async () => {
    for (const args of [["emulator", "--help"], ["help", "emulator"]]) {
      const result = await runCli(args);
      expect(result).toMatchObject({ code: 0, stderr: "" });
      expect(result.stdout.startsWith("domain-tasks emulator - the offline Alibaba Cloud Domain API")).toBe(true);
    }
  });

  it("serves the demo scenario until Ctrl-C, and `get` reads from it", async () => {
    const { child, done } = startCli(["emulator", "--scenario", "emulator/scenarios/demo.json"]);
    let banner = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (chunk: string) => {
        banner += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
        if (match) resolve(match[1]);
      });
      child.once("close", () => reject(new Error(`emulator exited: ${banner}`)));
    });
    try {
      const env = isolatedEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "emulator-access-key-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "emulator-access-key-secret" });
      const result = await runCli(["get", "0b7d4e19-3a52-4c88-b6f0-71e2c5d9a846", "--endpoint", url, "-o", "json"], { env });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ total: 1, details: [{ domainName: "example-shop.com", taskType: "ORDER_RENEW" }] });
    } finally {
      child.kill("SIGINT");
    }
    const stopped = await done;
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain("Emulator stopped.");
  });
});
