/**
 * `domain-tasks set-ns` (the built command, as a pipeline runs it) against the emulator: submit and print the
 * TaskNo; a re-run while the change is open uses it instead of submitting again; --wait gates like `wait`;
 * bad input exits 2 before anything is sent; a key without domain:DnsModification exits 3 saying so.
 */
import type { Emulator } from "../../emulator";
import { VirtualClock } from "../../sdk/clock";
import { assertBuilt, runCli } from "../cli/harness";
import { SetNsOutputSchema } from "../support/output-schema";
import { isolatedEnv } from "../support/isolated-env";
import { NEW_NAME_SERVERS, READ_ONLY_KEY, startAccount, WRITE_KEY } from "./harness";

let emulator: Emulator;
const env = (key = WRITE_KEY) => isolatedEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: key.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.accessKeySecret });
const setNs = (args: string[], key = WRITE_KEY) => runCli(["set-ns", ...args, "--endpoint", emulator.url], { env: env(key) });
const NS = NEW_NAME_SERVERS.flatMap((host) => ["--ns", host]);
const FAST = ["--min-delay", "100ms", "--max-delay", "300ms"];
const submissions = () => emulator.stats().byAction.SaveBatchTaskForModifyingDomainDns ?? 0;

beforeAll(() => assertBuilt());
beforeEach(async () => {
  emulator = await startAccount({ timing: { changeStartAfterSeconds: 0.3, changeFinishAfterSeconds: 1 } });
});
afterEach(() => emulator.close());

it("submits the change and prints its TaskNo; a re-run while it is open waits for it and uses it instead of submitting again", async () => {
  // The task clock stands still until the re-run is seen waiting, so "while it is open" holds however slowly the
  // machine starts the second process (a real-time window of a second does not, under load).
  emulator.close();
  const clock = new VirtualClock(Date.now());
  emulator = await startAccount({ clock, timing: { changeStartAfterSeconds: 0.3, changeFinishAfterSeconds: 1 } });
  const first = await setNs(["shop.example.com", "blog.example.com", ...NS]);
  expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^[0-9a-f-]{36}\n$/) });
  expect(first.stderr).toContain(`submitted the change as task ${first.stdout.trim()}`);
  const detailReads = () => emulator.stats().byAction.QueryTaskDetailList ?? 0;
  const before = detailReads();
  const running = setNs(["blog.example.com", "shop.example.com", "--ns", NEW_NAME_SERVERS.join(","), "-o", "json"]);
  // Two reads of the task's details: the re-run found it open and is now waiting on it.
  while (detailReads() < before + 2) await new Promise((resolve) => setTimeout(resolve, 20));
  clock.advance(2_000);
  const again = await running;
  expect(again.code).toBe(0);
  expect(SetNsOutputSchema.parse(JSON.parse(again.stdout))).toEqual({ taskNo: first.stdout.trim(), requestId: null, submitted: false, how: "resumed" });
  expect(again.stderr).toContain(`task ${first.stdout.trim()}, a change of these same domains, is still open: waiting for it before deciding`);
  expect(submissions()).toBe(1);
});

it("with --wait gates on the change: exit 0 when every domain succeeded, 1 with each failed domain's reason", async () => {
  const ok = await setNs(["shop.example.com", ...NS, "--wait", ...FAST, "-o", "json"]);
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout)).toMatchObject({ succeeded: true, total: 1 });
  const failed = await setNs(["locked.example.com", "blog.example.com", ...NS, "--wait", ...FAST, "-o", "table"]);
  expect(failed.code).toBe(1);
  expect(failed.stdout).toContain("locked.example.com");
  expect(failed.stdout).toContain("2304 Object status prohibits operation (clientUpdateProhibited)");
  expect(failed.stderr).toMatch(/condition false: 1 of 2 details failed/);
});

it("refuses bad input with exit 2, naming the value, before anything is sent", async () => {
  const one = await setNs(["shop.example.com", "--ns", "ns1.new-dns.example"]);
  expect(one).toMatchObject({ code: 2, stderr: expect.stringContaining("nameServers has 1 host name; registries take 2 to 13") });
  const both = await setNs(["shop.example.com", ...NS, "--aliyun-dns"]);
  expect(both).toMatchObject({ code: 2, stderr: expect.stringContaining("give --ns or --aliyun-dns, not both") });
  const badDomain = await setNs(["shop_example.com", "--aliyun-dns"]);
  expect(badDomain).toMatchObject({ code: 2, stderr: expect.stringContaining('"shop_example.com", which is not a domain name') });
  expect(emulator.stats().total).toBe(0);
});

it("refuses flags that do nothing or contradict, and IP addresses, with exit 2 before anything is sent", async () => {
  const cases: [string[], string][] = [
    [["shop.example.com", ...NS, "--wait", "--min-delay", "10s", "--max-delay", "1s"], '--min-delay "10s" is longer than --max-delay "1s"'],
    [["shop.example.com", "--ns", "192.0.2.53", "--ns", "ns2.new-dns.example"], 'nameServers has "192.0.2.53", an IP address'],
    [["shop.example.com", ...NS, "--since", "1h"], "unknown flag --since for domain-tasks set-ns"],
    [["shop.example.com", ...NS, "--fail-fast"], "--fail-fast goes with --wait"],
    [["shop.example.com", ...NS, "--min-delay", "1s"], "--min-delay goes with --wait"],
    [["shop.example.com", ...NS, "-o", "table"], '-o "table" goes with --wait'],
    [["shop.example.com", ...NS, "--wait", "--timeout", "0"], "--timeout 0 does not fit set-ns"],
  ];
  for (const [args, message] of cases) {
    const result = await setNs(args);
    expect({ args, code: result.code, stderr: result.stderr }).toMatchObject({ args, code: 2, stderr: expect.stringContaining(message) });
  }
  expect(emulator.stats().total).toBe(0);
});

it("a change already in effect submits nothing, with and without --wait", async () => {
  const first = await setNs(["shop.example.com", ...NS, "--wait", ...FAST]);
  expect(first.code).toBe(0);
  const again = await setNs(["shop.example.com", ...NS]);
  expect(again).toMatchObject({ code: 0, stdout: `${JSON.parse(first.stdout).taskNo}\n` });
  expect(again.stderr).toContain("every domain already reads back ns1.new-dns.example, ns2.new-dns.example");
  const waited = await setNs(["shop.example.com", ...NS, "--wait", ...FAST, "-o", "json"]);
  expect(waited.code).toBe(0);
  expect(JSON.parse(waited.stdout)).toMatchObject({ taskNo: JSON.parse(first.stdout).taskNo, succeeded: true });
  expect(submissions()).toBe(1);
});

it("exits 3 for a key without domain:DnsModification, saying which permission to grant", async () => {
  const denied = await setNs(["shop.example.com", "--aliyun-dns"], READ_ONLY_KEY);
  expect(denied.code).toBe(3);
  expect(denied.stderr).toContain("lacks the action domain:DnsModification");
});
