/** The emulator as a process: flags, banner, scenario loading, clean shutdown on a signal. */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runEmulatorCommand } from "../../emulator/command";
import { parseEmulatorArgs } from "../../emulator/command-args";
import { DEFAULT_CREDENTIAL, type Emulator } from "../../emulator";
import { DomainTaskClient } from "../../sdk/api/client";
import { detailsOf, page } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "emulator-command-"));
const scenarioFile = join(dir, "scenario.json");
writeFileSync(scenarioFile, JSON.stringify({ tasks: [{ taskNo: "T-CLI", details: [{ domainName: "cli.example.com" }] }] }));

const capture = () => {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join("") };
};

describe("parseEmulatorArgs", () => {
  it("reads every flag, in both --flag value and --flag=value forms", () => {
    expect(parseEmulatorArgs(["--host", "0.0.0.0", "--port=8080", "--scenario", "s.json", "--admin", "--latency", "25"])).toEqual({
      host: "0.0.0.0", port: 8080, scenario: "s.json", admin: true, latencyMs: 25, help: false,
    });
    expect(parseEmulatorArgs([])).toEqual({ host: "127.0.0.1", port: 0, admin: false, help: false });
  });

  it("reads its own flags: -h, --no-admin, --admin=false, and names every flag for a misspelt one", () => {
    expect(parseEmulatorArgs(["-h"]).help).toBe(true);
    expect(parseEmulatorArgs(["--admin", "--no-admin"]).admin).toBe(false);
    expect(parseEmulatorArgs(["--admin=false"]).admin).toBe(false);
    expect(() => parseEmulatorArgs(["--prot", "8080"])).toThrow(
      "unknown flag --prot: the emulator takes --port, --host, --scenario, --faults, --admin, --latency, --help (see domain-tasks emulator --help).",
    );
    expect(() => parseEmulatorArgs(["--port"])).toThrow("--port needs a value: --port <n>.");
    expect(() => parseEmulatorArgs(["--admin=yes"])).toThrow('--admin is a switch and takes no value (got "yes"): write --admin or --no-admin.');
    expect(() => parseEmulatorArgs(["--endpoint", "x"])).toThrow(/^unknown flag --endpoint: the emulator takes/);
    expect(() => parseEmulatorArgs(["--latency", "-5"])).toThrow('--latency "-5" is not valid: give a whole number from 0 to 600000.');
    expect(() => parseEmulatorArgs(["8080"])).toThrow('unexpected argument "8080": domain-tasks emulator takes only flags.');
  });
});

describe("runEmulatorCommand", () => {
  it("serves the scenario, prints the URL, credentials and a sample call, and stops cleanly", async () => {
    const stdout = capture();
    const stop = new AbortController();
    let emulator: Emulator | undefined;
    const running = runEmulatorCommand(["--scenario", scenarioFile, "--admin"], {
      stdout,
      stop: stop.signal,
      onListening: (e) => (emulator = e),
    });
    while (!emulator) await new Promise((r) => setImmediate(r));
    expect(detailsOf(await page(emulator, "T-CLI", 1, 10)).map((d) => d.DomainName)).toEqual(["cli.example.com"]);
    stop.abort();
    expect(await running).toBe(0);
    const text = stdout.text();
    expect(text).toContain(`listening on ${emulator.url}`);
    expect(text).toContain("emulator-access-key-id");
    expect(text).toContain("emulator-access-key-secret");
    expect(text).toContain(`domain-tasks get T-CLI --endpoint ${emulator.url}`);
    expect(text).toContain(`1 seeded from ${scenarioFile}`);
    expect(text).toContain("/__emulator/tasks");
    expect(text).toContain("Emulator stopped.");
  });

  it("starts with the quirks of --faults FILE (over the scenario's), and refuses a bad one naming the file and field", async () => {
    const quirky = join(dir, "quirky-scenario.json");
    writeFileSync(quirky, JSON.stringify({ tasks: [{ taskNo: "T-Q", batch: { count: 3 } }], faults: { quirks: { totalItemNum: 0 } } }));
    const faultsFile = join(dir, "faults.json");
    writeFileSync(faultsFile, JSON.stringify({ taskQuirks: { "T-Q": { omitTaskDetail: true } } }));
    const serve = async (argv: string[]) => {
      const stop = new AbortController();
      let body: Record<string, unknown> = {};
      const stdout = capture();
      const code = await runEmulatorCommand(argv, {
        stdout,
        stop: stop.signal,
        onListening: (e) => void page(e, "T-Q", 1, 10).then((b) => (body = b)).finally(() => stop.abort()),
      });
      return { code, body, text: stdout.text() };
    };
    const fromScenario = await serve(["--scenario", quirky]);
    expect([fromScenario.code, fromScenario.body.TotalItemNum, detailsOf(fromScenario.body).length]).toEqual([0, 0, 3]);
    const overridden = await serve(["--scenario", quirky, "--faults", faultsFile]);
    expect([overridden.body.TotalItemNum, overridden.body.Data]).toEqual([3, {}]);
    expect(overridden.text).toContain(`faults           from ${faultsFile}`);
    const bad = join(dir, "bad-faults.json");
    writeFileSync(bad, JSON.stringify({ quirks: { shiftingPages: "yes" } }));
    const err = capture();
    expect(await runEmulatorCommand(["--faults", bad], { stderr: err })).toBe(2);
    expect(err.text()).toContain(`Invalid faults file ${bad}: quirks.shiftingPages`);
  });

  it("serves a bundled scenario by name (--scenario demo) and prints each seeded TaskNo", async () => {
    const stdout = capture();
    const stop = new AbortController();
    let served = 0;
    const code = await runEmulatorCommand(["--scenario", "demo"], {
      stdout,
      stop: stop.signal,
      onListening: (e) => void page(e, "0b7d4e19-3a52-4c88-b6f0-71e2c5d9a846", 1, 10).then((b) => (served = Number(b.TotalItemNum))).finally(() => stop.abort()),
    });
    expect([code, served]).toEqual([0, 1]);
    const text = stdout.text();
    expect(text).toContain("2 seeded from demo:");
    expect(text).toMatch(/5f8c1a2e-6d3b-4f0a-9c71-2b4e8d90a3c1 {2}CHG_DNS, 3000 details/);
    expect(text).toMatch(/0b7d4e19-3a52-4c88-b6f0-71e2c5d9a846 {2}ORDER_RENEW, 1 detail\n/);
    const err = capture();
    expect(await runEmulatorCommand(["--scenario", "demoo"], { stderr: err })).toBe(2);
    expect(err.text()).toContain('Invalid scenario "demoo": no such file, and no bundled scenario of that name. Give a JSON file\'s path, or one of: demo');
  });

  it("registers a scenario's domains and unknown name servers, as startEmulator does, and names them in the banner", async () => {
    const file = join(dir, "domains-scenario.json");
    writeFileSync(file, JSON.stringify({
      tasks: [],
      domains: [{ domainName: "shop.example.com", nameServers: ["ns1.old.example", "ns2.old.example"] }, { domainName: "blog.example.com" }],
      unregisteredNameServers: ["ns9.unknown.example"],
    }));
    const stdout = capture();
    const stop = new AbortController();
    let seen: { dns?: unknown; submitted?: string; failReason?: string } = {};
    const code = await runEmulatorCommand(["--scenario", file], {
      stdout,
      stop: stop.signal,
      onListening: (e) => {
        const client = new DomainTaskClient({ endpoint: e.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {} });
        const call = (action: string, query: Record<string, string>) => client.callAction(action, query, (b) => b as Record<string, unknown>);
        void (async () => {
          seen.dns = ((await call("QueryDomainByDomainName", { DomainName: "shop.example.com" })).DnsList as { Dns: string[] }).Dns;
          const { TaskNo } = await call("SaveBatchTaskForModifyingDomainDns", {
            "DomainName.1": "blog.example.com", AliyunDns: "false", "DomainNameServer.1": "ns9.unknown.example", "DomainNameServer.2": "ns2.x.example",
          });
          seen.submitted = String(TaskNo);
        })().finally(() => stop.abort());
      },
    });
    expect(code).toBe(0);
    expect(seen.dns).toEqual(["ns1.old.example", "ns2.old.example"]);
    expect(seen.submitted).toMatch(/^[0-9a-f-]{36}$/);
    expect(stdout.text()).toContain("domains          2 registered: shop.example.com, blog.example.com");
    seen = {};
  });

  it("the bundled demo registers domains for set-ns", async () => {
    const stdout = capture();
    const stop = new AbortController();
    expect(await runEmulatorCommand(["--scenario", "demo"], { stdout, stop: stop.signal, onListening: () => stop.abort() })).toBe(0);
    expect(stdout.text()).toMatch(/domains {10}5 registered: example\.com, example\.net, example\.org, \.\.\. and 2 more/);
    expect(stdout.text()).toMatch(/endpoint {9}http:\/\/127\.0\.0\.1:\d+ /);
  });

  it("warns on stderr when bound beyond loopback, and not otherwise", async () => {
    const serveOnce = async (argv: string[]): Promise<string> => {
      const stderr = capture();
      const stop = new AbortController();
      const running = runEmulatorCommand(argv, { stdout: capture(), stderr, stop: stop.signal, onListening: () => stop.abort() });
      expect(await running).toBe(0);
      return stderr.text();
    };
    expect(await serveOnce(["--host", "0.0.0.0", "--admin"])).toBe(
      "domain-tasks emulator: warning: bound to 0.0.0.0, so other machines can reach it with the throwaway key printed above, " +
        "and seed tasks and switch faults through the admin endpoints. Leave --host out (127.0.0.1) unless you need that.\n",
    );
    expect(await serveOnce([])).toBe("");
  });

  it("prints help with exit code 0, and refuses bad flags and scenarios with exit code 2", async () => {
    const out = capture();
    expect(await runEmulatorCommand(["--help"], { stdout: out })).toBe(0);
    expect(out.text()).toContain("--scenario FILE");
    for (const [argv, message] of [
      [["--port", "http"], "--port \"http\" is not valid"],
      [["--bogus"], "domain-tasks emulator: unknown flag --bogus: the emulator takes --port"],
      [["--scenario"], "--scenario needs a value: --scenario <file|name>."],
      [["--port="], '--port "" is empty: give a value or leave the flag out.'],
      [["--scenario", join(dir, "missing.json")], "cannot read it (ENOENT)"],
    ] as const) {
      const err = capture();
      expect(await runEmulatorCommand([...argv], { stderr: err })).toBe(2);
      expect(err.text()).toContain(message);
    }
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ tasks: [{ details: [{ domainName: "a.example.com", outcome: "maybe" }] }] }));
    const err = capture();
    expect(await runEmulatorCommand(["--scenario", bad], { stderr: err })).toBe(2);
    expect(err.text()).toContain("tasks.0.details.0.outcome");
    const twice = join(dir, "twice.json");
    const task = { taskNo: "T-SAME", details: [{ domainName: "a.example.com" }] };
    writeFileSync(twice, JSON.stringify({ tasks: [task, task] }));
    const errTwice = capture();
    expect(await runEmulatorCommand(["--scenario", twice], { stderr: errTwice })).toBe(2);
    expect(errTwice.text()).toContain('taskNo "T-SAME" already exists');
  });
});

describe("the process entry", () => {
  it("runs as `node emulator/command.js`, serves requests, and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "emulator/command.ts", "--scenario", scenarioFile, "--latency", "1"], {
      cwd: join(__dirname, "..", ".."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        stdout += d;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match) resolve(match[1]);
      });
      child.on("exit", () => reject(new Error(`emulator exited early: ${stderr}`)));
    });
    const port = Number(new URL(url).port);
    const emulator = { url, endpoint: `127.0.0.1:${port}`, port } as Emulator;
    expect((await page(emulator, "T-CLI", 1, 10)).TotalItemNum).toBe(1);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain("Emulator stopped.");
    expect(stdout).toContain("latency          1 ms");
  });
});
