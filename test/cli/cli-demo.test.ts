/**
 * `domain-tasks demo` (what `npm start` runs), the live progress in a pseudo-terminal, and what the command
 * loads: never @pulumi/pulumi, and for --help not even the SDK.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import { cliEnv, startTestEmulator } from "./emulator-env";
import { assertBuilt, BIN, CONTROL_CHARACTERS, ROOT, runCli } from "./harness";

beforeAll(assertBuilt);

describe("domain-tasks demo", () => {
  it("gates on both tasks, shows the failures with their reasons and each exit code, and exits 0", async () => {
    // The demo runs in real time by design (about 13 s): allow for a busy machine.
    const result = await runCli(["demo"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const out = result.stdout;
    // Readable in a log: no colours, no carriage returns, no cursor movement.
    expect(out).not.toMatch(CONTROL_CHARACTERS);
    expect(out).toContain("Gate 1 of 2: the renewal must succeed before the deploy");
    expect(out).toMatch(/ {2}0b7d4e19-3a52-4c88-b6f0-71e2c5d9a846: 1\/1 finished \(1 succeeded\); \S+ elapsed\n/);
    expect(out).toContain("✓ condition met: all 1 detail succeeded. exit 0");
    expect(out).toContain("TaskResult: Renewed for 1 year. New expiration date: 2028-03-14.");
    expect(out).toContain("Gate 2 of 2: the DNS change must succeed on every domain");
    expect(out).toMatch(/ {2}5f8c1a2e-6d3b-4f0a-9c71-2b4e8d90a3c1: 3000\/3000 finished \(2995 succeeded, 5 failed\); \S+ elapsed\n/);
    expect(out).toContain("✗ condition false: 5 of 3000 details failed (2995 succeeded, 5 failed). exit 1");
    for (const reason of [
      "brand-archive.example.net  DomainStatusProhibited        The domain is in clientUpdateProhibited status.",
      "legacy-mail.example.net    QueryRegistryFailed           The registry timed out (QueryRegistryFailed) after 3 attempts. Submit the change again later.\n",
    ]) expect(out).toContain(reason);
    expect(out).toContain("With --for completion this gate would exit 0: all 3000 details finished.");
    expect(out).toMatch(/renewal {5}0b7d4e19-3a52-4c88-b6f0-71e2c5d9a846 {2}ORDER_RENEW {2}0 {5}pass: the job it guards runs\n/);
    expect(out).toMatch(/dns-change {2}5f8c1a2e-6d3b-4f0a-9c71-2b4e8d90a3c1 {2}CHG_DNS {6}1 {5}stop: 5 of 3000 domains failed\n/);
    expect(out.trimEnd().split("\n").at(-1)).toBe("The demo ran as designed (exit 0).");
  }, 90_000);
});

/* eslint-disable no-control-regex -- these tests look for the terminal escapes themselves. */
describe("on a terminal (in a pseudo-terminal via script(1))", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ tasks: [] });
  });
  afterAll(() => emulator.close());

  let run = 0;
  const inTerminal = (env: Record<string, string>): Promise<{ code: number | null; output: string }> =>
    new Promise((resolve, reject) => {
      // Seeded now (real time) and open for a few seconds, so a slow start of script(1) and node on a busy
      // machine still finds the task running and the live line is drawn.
      emulator.addTask({ taskNo: `T-TTY-${++run}`, details: [{ domainName: "a.example.com", startAfterSeconds: 0.5, finishAfterSeconds: 3 }] });
      const command = `stty cols 120; exec node '${BIN}' wait T-TTY-${run} --endpoint ${emulator.url} --min-delay 100ms --max-delay 200ms`;
      const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
      let output = "";
      child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
      child.stdin.end();
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, output }));
    });

  it("draws a live, coloured progress line, erases it, and prints the table", async () => {
    const { code, output } = await inTerminal(cliEnv());
    expect(code).toBe(0);
    // Redrawn in place: carriage return + erase line, then the spinner, the task and the bar.
    expect(output).toMatch(/\r\u001b\[2K\u001b\[36m[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]\u001b\[39m \u001b\[1mT-TTY-1\u001b\[22m /);
    expect(output).toMatch(/next poll in \d+ms/);
    // Table by default on a terminal, with the status in colour.
    expect(output).toContain("\u001b[32mEXECUTE_SUCCESS\u001b[39m");
    expect(output).toContain("T-TTY-1: condition met: all 1 detail succeeded.");
    expect(output).not.toMatch(/^\s*\{/m);
  });

  it("respects NO_COLOR: the line is still redrawn, but without colours", async () => {
    const { code, output } = await inTerminal(cliEnv({ NO_COLOR: "1" }));
    expect(code).toBe(0);
    expect(output).toMatch(/\r\u001b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] T-TTY-2 /);
    expect(output).not.toMatch(/\u001b\[\d+m/);
  });
});

describe("what the command loads", () => {
  const loadedBy = async (args: string[], env: Record<string, string>): Promise<string[]> => {
    const record = join(mkdtempSync(join(tmpdir(), "domain-tasks-modules-")), "modules.txt");
    const result = await runCli(args, {
      env: { ...env, RECORD_MODULES_TO: record },
      nodeArgs: ["--require", join(__dirname, "fixtures", "record-modules.js")],
    });
    expect(result.code).toBe(0);
    return readFileSync(record, "utf8").split("\n");
  };

  it("never loads @pulumi/pulumi, even when it talks to the API", async () => {
    const emulator = await startTestEmulator({ tasks: [{ taskNo: "T-MOD", details: [{ domainName: "a.example.com" }] }] });
    try {
      const modules = await loadedBy(["wait", "T-MOD", "--endpoint", emulator.url, "-o", "json"], cliEnv());
      expect(modules.some((m) => m.includes(join("dist", "sdk", "waiter")))).toBe(true);
      // The client signs with @alicloud/openapi-util (it sends the request itself: sdk/api/transport.ts).
      expect(modules.some((m) => m.includes(join("node_modules", "@alicloud", "openapi-util")))).toBe(true);
      expect(modules.filter((m) => m.includes(join("node_modules", "@pulumi")))).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it("loads neither the SDK nor zod for --help and --version", async () => {
    // Help prints the wait defaults and the longest duration, so it reads the SDK modules that hold them (they import nothing).
    const importFree = [join("dist", "sdk", "waiter", "defaults.js"), join("dist", "sdk", "timers.js")];
    for (const args of [["--help"], ["--version"], ["wait", "--help"]]) {
      const modules = await loadedBy(args, cliEnv());
      expect(modules.filter((m) => (m.includes(join("dist", "sdk")) && !importFree.some((f) => m.endsWith(f))) || m.includes(join("node_modules", "zod")))).toEqual([]);
    }
  });
});
