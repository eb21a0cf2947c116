/**
 * Bad input on the CLI's flags and arguments: every refusal exits 2 naming the flag (or argument) and the
 * value, and sends nothing; awkward legal TaskNo/--domain values go out signed and come back unchanged
 * in the JSON. Runs the built command (`npm run build` first; npm test builds).
 */
import { startEmulator, type Emulator } from "../../emulator";
import { assertBuilt, runCli } from "../cli/harness";
import { cliEnv } from "../cli/emulator-env";
import { AWKWARD_VALUES, LONG_VALUE } from "./bad-input";

let emulator: Emulator;
beforeAll(async () => {
  assertBuilt();
  emulator = await startEmulator();
});
afterAll(() => emulator?.close());

const cli = (args: string[]) => runCli([...args, "--endpoint", emulator.url], { env: cliEnv() });

describe("refused, exit 2, naming what was wrong, nothing sent", () => {
  it.concurrent.each<[string, string[], string]>([
    ["an empty TaskNo", ["get", ""], "<taskNo>"],
    ["a blank TaskNo", ["get", "   "], "<taskNo>"],
    ["no TaskNo", ["get"], "<taskNo>"],
    ["--page-size 0", ["get", "T-1", "--page-size", "0"], "--page-size"],
    ["--page-size 1001", ["get", "T-1", "--page-size", "1001"], "--page-size"],
    ["--page-size abc", ["get", "T-1", "--page-size", "abc"], "--page-size"],
    ["--page-size 2.5", ["get", "T-1", "--page-size", "2.5"], "--page-size"],
    ["--status bogus", ["get", "T-1", "--status", "bogus"], "--status"],
    ["--status 4", ["get", "T-1", "--status", "4"], "--status"],
    ["--lang fr", ["get", "T-1", "--lang", "fr"], "--lang"],
    ["-o xml", ["get", "T-1", "-o", "xml"], "--output"],
    ["an unknown flag", ["get", "T-1", "--colour", "red"], "--colour"],
    ["--timeout abc", ["wait", "T-1", "--timeout", "abc"], "--timeout"],
    ["--timeout=-5", ["wait", "T-1", "--timeout=-5"], "--timeout"],
    ["--timeout with a newline", ["wait", "T-1", "--timeout", "5s\nrm -rf /"], "--timeout"],
    ["--min-delay above --max-delay", ["wait", "T-1", "--min-delay", "10s", "--max-delay", "1s"], "--min-delay"],
    ["--for maybe", ["wait", "T-1", "--for", "maybe"], "--for"],
    ["--endpoint ftp://", ["get", "T-1", "--endpoint", "ftp://example.com"], "endpoint"],
    ["plain http to a public host", ["get", "T-1", "--endpoint", "http://203.0.113.7"], "endpoint"],
    ["--product dns", ["get", "T-1", "--product", "dns"], "product"],
    // Named by the flag the user typed, not by the SDK option it sets.
    ["--endpoint with a scheme other than http(s)", ["get", "T-1", "--endpoint", "ftp://x"], 'domain-tasks: --endpoint "ftp://x" must use http or https'],
    ["plain http to a *.localhost name (DNS decides where it goes)", ["get", "T-1", "--endpoint", "http://attacker.localhost:9"],
      'endpoint "http://attacker.localhost:9" uses plain http to a host that is not loopback'],
    // Node's timers fire at once beyond 2^31-1 ms: such a delay would poll in a tight loop.
    ["delays over 2^31-1 ms", ["wait", "T-1", "--min-delay", "600h", "--max-delay", "600h"],
      '--min-delay "600h" is longer than the largest duration, 596h31m (2147483647ms): use a shorter one.'],
    ["--max-delay over 2^31-1 ms", ["wait", "T-1", "--max-delay", "2147483648ms"], '--max-delay "2147483648ms" is longer than'],
    ["--timeout over 2^31-1 ms", ["wait", "T-1", "--timeout", "600h"], '--timeout "600h" is longer than'],
    // It would round to 0, which means "check once": never reported as "--timeout 0".
    ["a sub-millisecond --timeout", ["wait", "T-1", "--timeout", "0.0000001s"],
      '--timeout "0.0000001s" is shorter than 1ms, the smallest step: use 1ms or more, or 0.'],
    ["a sub-millisecond --min-delay", ["wait", "T-1", "--min-delay", "0.4ms"], '--min-delay "0.4ms" is shorter than 1ms'],
  ])("%s", async (_what, args, names) => {
    const before = emulator.stats().byAction.QueryTaskDetailList ?? 0;
    // The endpoint under test goes last, so it wins over the emulator's.
    const result = await runCli([...args.slice(0, 2), "--endpoint", emulator.url, ...args.slice(2)], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(names);
    expect(emulator.stats().byAction.QueryTaskDetailList ?? 0).toBe(before);
  });
});

describe("awkward legal values are sent signed and echoed unchanged", () => {
  it.concurrent.each(AWKWARD_VALUES)("TaskNo and --domain with %s", async (_what, value) => {
    const domainName = value === LONG_VALUE ? "long.example.com" : value;
    const taskNo = emulator.addTask({ taskNo: `cli:${value}`, details: [{ domainName, taskResult: value }, { domainName: "other.example" }] });
    const result = await cli(["get", taskNo, "--domain", domainName, "-o", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({ taskNo, total: 1, taskResult: value, details: [{ taskNo, domainName }] });
  });
});
