/**
 * The command line as people type it, end to end through the built command: every flag spelling, the habits
 * from other tools, the emulator's flags under the same parser, and tables of internationalised domain names.
 */
import { displayWidth } from "../../cli/render/width";
import { cliEnv, useCliEmulator } from "./emulator-env";
import { runCli } from "./harness";
import { isolatedEnv } from "../support/isolated-env";

const cli = useCliEmulator({
  tasks: [
    {
      taskNo: "T-IDN",
      taskType: "CHG_DNS",
      details: [
        { domainName: "例え.テスト" },
        { domainName: "💩.la", outcome: "failure", errorMsg: "域名状态不允许修改", failReason: "The domain is locked.\n" },
        { domainName: "한국.kr" },
        { domainName: "plain.example.com" },
      ],
    },
  ],
});
/** `--endpoint=<url>`: these tests spell flags with `=`. */
const endpoint = (): string[] => [`--endpoint=${cli.emulator.url}`];

describe("flag spellings", () => {
  it.each([
    [["-o=json"]],
    [["-ojson"]],
    [["--output=json"]],
    [["--json"]],
  ])("get %j prints the outcome JSON", async (flags) => {
    const result = await runCli(["get", "T-IDN", ...flags, ...endpoint()], { env: cliEnv() });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toMatchObject({ taskNo: "T-IDN", total: 4 });
  });

  it("wait reads negated switches and --flag=value: --no-quiet, --no-fail-fast, --timeout=0", async () => {
    const result = await runCli(["wait", "T-IDN", "-q", "--no-quiet", "--no-fail-fast", "--timeout=0", "--json", ...endpoint()], { env: cliEnv() });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 4, counts: { EXECUTE_FAILURE: 1 } });
    // Not quiet: the verdict is on stderr.
    expect(result.stderr).toContain("T-IDN: condition false: 1 of 4 details failed");
  });

  it("points --interval to --min-delay/--max-delay, before anything is sent", async () => {
    const result = await runCli(["wait", "T-IDN", "--interval", "10s", ...endpoint()], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "domain-tasks: --interval is not a flag of domain-tasks wait: wait backs off between polls, from --min-delay " +
        "(default 2s) to --max-delay (default 30s); for a fixed interval give both: --min-delay 10s --max-delay 10s.",
    );
  });
});

describe("the emulator's flags, parsed once by its own command", () => {
  it("names its flags for a misspelt one, exit 2", async () => {
    const result = await runCli(["emulator", "--prot", "8080"], { env: isolatedEnv() });
    expect(result).toEqual({
      code: 2,
      signal: null,
      stdout: "",
      stderr: "domain-tasks emulator: unknown flag --prot: the emulator takes --port, --host, --scenario, --faults, --admin, --latency, " +
        "--help (see domain-tasks emulator --help).\n",
    });
  });

  it("--help before `emulator` shows the emulator's help instead of starting it", async () => {
    const result = await runCli(["--help", "emulator"], { env: isolatedEnv() });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("  -h, --help");
    expect(result.stdout).toContain("--[no-]admin");
  });
});

describe("tables of internationalised domain names", () => {
  it("keeps the columns aligned by display width, with the failure's ErrorMsg and reason", async () => {
    const result = await runCli(["get", "T-IDN", "-o", "table", ...endpoint()], { env: cliEnv() });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const lines = result.stdout.split("\n").slice(0, 5);
    const statusAt = (line: string): number => displayWidth(line.slice(0, line.search(/STATUS|EXECUTE_/)));
    // DOMAIN is as wide as plain.example.com (17), INSTANCE as the emulator's S10000001 (9), two spaces after each.
    expect(lines.map(statusAt)).toEqual([30, 30, 30, 30, 30]);
    const failure = lines.find((l) => l.startsWith("💩.la"));
    expect(failure).toMatch(/ {2}EXECUTE_FAILURE {2}5 {6}[\d: -]{19} {2}域名状态不允许修改 {2}The domain is locked\.$/);
  });
});

describe("--help", () => {
  it("lists the credential sources in the order they are tried", async () => {
    const { stdout } = await runCli(["wait", "--help"], { env: isolatedEnv() });
    const order = ["--access-key-id <id>", "env ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_PROFILE", "env ALIBABA_CLOUD_ACCESS_KEY_ID", "ECS RAM role"]
      .map((text) => stdout.indexOf(text));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
