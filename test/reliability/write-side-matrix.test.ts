/**
 * The write-side matrix (issue 22): every case of write-cases.ts on every surface that submits a name-server
 * change and gates on it - the SDK's submitOrResume (on a VirtualClock shared with the emulator, except the cases
 * about real time), the built `domain-tasks set-ns --wait`, and DomainNameServers through Pulumi's real
 * dynamic-provider host. For every case and surface:
 * - no false pass: a run that passed left every domain asked reading back the asked name servers;
 * - no second submit: the tasks the runs created (the emulator's request log) are exactly the case's count;
 * - the deadline: a run ends within its timeout plus the documented grace (SUBMIT_GRACE_MS) - plus a process's
 *   start-up for the CLI; a provider's create is timed alone, in a host already running.
 * Requires `npm run build` (the CLI and the provider run compiled code; npm test builds first).
 */
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator } from "../../emulator";
import { DomainTaskClient } from "../../sdk/api/client";
import { systemClock, VirtualClock, type Clock } from "../../sdk/clock";
import { NAME_SERVER_CHANGE, nameServersApplied } from "../../sdk/name-servers/operation";
import { queryDomainNameServers } from "../../sdk/name-servers/query-domain";
import { submitNameServerChange } from "../../sdk/name-servers/submit";
import { SUBMIT_GRACE_MS } from "../../sdk/tasks/deadline";
import { submitOrResume } from "../../sdk/tasks/submit-or-resume";
import { assertBuilt, runCli } from "../cli/harness";
import { cliEnv } from "../cli/emulator-env";
import { OffsetClock } from "../provider/fixture";
import { startProviderHost } from "../provider/host";
import { serializedNameServersProvider } from "../name-servers/serialized";
import { isolatedEnv } from "../support/isolated-env";
import { ASKED, DOMAINS, OLD_NS, OTHER_DOMAIN, WRITE_CASES, type Change, type Setup, type WriteCase } from "./write-cases";

const WRITE_ACTION = "SaveBatchTaskForModifyingDomainDns";
const timingOf = (c: WriteCase) => ({ changeStartAfterSeconds: (c.changeSeconds ?? 0.6) / 3, changeFinishAfterSeconds: c.changeSeconds ?? 0.6 });
/** Process start-up, connection set-up: slack for a real process (the CLI's), beyond the deadline it promises. */
const PROCESS_SLACK_MS = 5000;
/** A provider's create runs in a process already started: only its answer's way back through gRPC. */
const HOST_SLACK_MS = 1000;

/** The emulator's clock and the runs': virtual, or real time with an offset the setup can move. */
type CaseClock = Clock & { advance(ms: number): void };

/** Real time plus an offset (the provider fixture's OffsetClock), sleeping in real time. */
const offsetClock = (): CaseClock => {
  const offset = new OffsetClock();
  return { now: () => offset.now(), advance: (ms) => offset.advance(ms), sleep: (ms, signal) => systemClock.sleep(ms, signal) };
};

interface Account {
  emulator: Emulator;
  clock: CaseClock;
  /** Tasks created by writes so far (the emulator's log). */
  created(): string[];
  setup: Setup;
  /** Whether every domain of `change` reads back its name servers now. */
  inEffect(change: Change): Promise<boolean>;
  close(): Promise<void>;
}

/** One emulator per case: its domains, the case's faults, and a plain client for the setup and the checks. */
const openAccount = async (c: WriteCase, virtual: boolean): Promise<Account> => {
  const clock: CaseClock = virtual ? new VirtualClock(Date.UTC(2026, 5, 1, 2, 0, 0)) : offsetClock();
  const emulator = await startEmulator({
    clock,
    faults: c.faults,
    scenario: { tasks: [], domains: [...DOMAINS, OTHER_DOMAIN].map((domainName) => ({ domainName, nameServers: OLD_NS, ...timingOf(c) })) },
  });
  const plain = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, clock: virtual ? clock : systemClock, retry: { maxAttempts: 1 } });
  const created = () => emulator.stats().requests.filter((r) => r.action === WRITE_ACTION && r.taskNo !== undefined).map((r) => r.taskNo!);
  let seeded = 0;
  return {
    emulator,
    clock,
    created,
    setup: {
      submit: async (change) => {
        const before = created().length;
        await submitNameServerChange(plain, change).catch(() => undefined);
        return created()[before];
      },
      seedOther: (count) => {
        for (let i = 0; i < count; i++) emulator.addTask({ taskType: "CHG_DNS", details: [{ domainName: `seed-${seeded++}.example.com` }] });
      },
      pass: async (ms) => clock.advance(ms),
    },
    inEffect: async (change) => {
      for (const domain of change.domainNames) {
        const { nameServers } = await queryDomainNameServers(plain, domain);
        if (!nameServersApplied(change, nameServers)) return false;
      }
      return true;
    },
    close: () => emulator.close(),
  };
};

/** How a surface runs a change: passed or not, with what it said, and how long the run itself took (account clock). */
type Surface = (account: Account, change: Change, c: WriteCase, wait: boolean) => Promise<{ passed: boolean; said: string; ms: number }>;

/** `run`'s result with the time it took on the account's clock. */
const timed = async (account: Account, run: () => Promise<{ passed: boolean; said: string }>) => {
  const started = account.clock.now();
  const result = await run();
  return { ...result, ms: account.clock.now() - started };
};

const sdkSurface: Surface = (account, change, c, wait) => timed(account, async () => {
  const client = new DomainTaskClient({ endpoint: account.emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, clock: account.clock, random: () => 0.5 });
  try {
    const result = await submitOrResume(client, NAME_SERVER_CHANGE, change, {
      wait, timeoutSeconds: c.timeoutSeconds ?? 60, clock: account.clock, minDelaySeconds: 0.2, maxDelaySeconds: 1, random: () => 0.5,
    });
    return { passed: result.verdict === "applied", said: `${result.how}/${result.verdict}: ${result.summary}` };
  } catch (error) {
    return { passed: false, said: String(error) };
  }
});

const nsFlags = (change: Change): string[] => (change.aliyunDns ? ["--aliyun-dns"] : (change.nameServers ?? []).flatMap((h) => ["--ns", h]));

const cliSurface: Surface = (account, change, c, wait) => timed(account, async () => {
  const args = ["set-ns", ...change.domainNames, ...nsFlags(change), "--endpoint", account.emulator.url, "--timeout", `${c.timeoutSeconds ?? 60}s`, "-o", "json"];
  const result = await runCli(wait ? [...args, "--wait", "--min-delay", "100ms", "--max-delay", "300ms"] : args, { env: cliEnv() });
  return { passed: result.code === 0 && wait, said: `exit ${result.code}: ${result.stderr.trim().split("\n").slice(-2).join(" | ")}` };
});

let providerText: string;
const providerSurface: Surface = async (account, change, c) => {
  const host = await startProviderHost({ env: isolatedEnv() });
  try {
    await host.configure({
      "alicloud:accessKey": DEFAULT_CREDENTIAL.accessKeyId, "alicloud:secretKey": DEFAULT_CREDENTIAL.accessKeySecret, "alicloud-domain-tasks:endpoint": account.emulator.url,
    });
    const inputs = { ...change, minDelaySeconds: 0.1, maxDelaySeconds: 0.3, timeoutSeconds: c.timeoutSeconds ?? 60, __provider: providerText };
    const checked = await host.check({}, inputs);
    if (checked.failures.length > 0) return { passed: false, said: JSON.stringify(checked.failures), ms: 0 };
    // The create alone is timed: the host's own start-up is not the resource's deadline.
    return await timed(account, () => host.create({ ...checked.inputs, __provider: providerText }).then(
      (created) => ({ passed: created.properties.succeeded === true, said: `created ${String(created.properties.taskNo)}` }),
      (error: Error) => ({ passed: false, said: error.message.split("\n")[0] }),
    ));
  } finally {
    await host.close();
  }
};

/** The real clock for the cases about real time (latency, a throttled list): a virtual clock does not see it pass. */
const virtualFor = (c: WriteCase): boolean => c.issueClass !== 4;

/** Runs one case on one surface and checks what must hold. */
const runCase = async (c: WriteCase, surface: Surface, virtual: boolean) => {
  const account = await openAccount(c, virtual);
  try {
    await c.setup?.(account.setup);
    const before = account.created().length;
    const change = c.change ?? ASKED;
    let elapsedMs = 0;
    const run = async (wait: boolean) => {
      const r = await surface(account, change, c, wait);
      elapsedMs += r.ms;
      return r;
    };
    if (c.runs === "afterNoWait") await run(false);
    let last = await run(true);
    if (c.runs === "rerun") last = await run(true);
    if (process.env.WRITE_MATRIX_DEBUG) console.log(`${c.name}: ${last.said}`);
    const passedFalsely = last.passed && !(await account.inEffect(change));
    return { ...last, passedFalsely, writes: account.created().length - before, elapsedMs };
  } finally {
    await account.close();
  }
};

const expectHolds = (c: WriteCase, r: Awaited<ReturnType<typeof runCase>>, boundMs: number) => {
  expect({ case: c.name, passedFalsely: r.passedFalsely, said: r.said }).toEqual({ case: c.name, passedFalsely: false, said: r.said });
  if (c.pass === "must") expect({ case: c.name, passed: r.passed, said: r.said }).toEqual({ case: c.name, passed: true, said: r.said });
  if (c.pass === "never") expect({ case: c.name, passed: r.passed, said: r.said }).toEqual({ case: c.name, passed: false, said: r.said });
  expect({ case: c.name, writes: r.writes, said: r.said }).toEqual({ case: c.name, writes: c.writes, said: r.said });
  expect(r.elapsedMs).toBeLessThanOrEqual(boundMs);
};

const runsOf = (c: WriteCase): number => (c.runs === "rerun" || c.runs === "afterNoWait" ? 2 : 1);
const bound = (c: WriteCase, slack: number) => runsOf(c) * ((c.timeoutSeconds ?? 60) * 1000 + SUBMIT_GRACE_MS + slack);

describe("SDK submitOrResume (VirtualClock, but real time for the time cases)", () => {
  it.concurrent.each(WRITE_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const r = await runCase(c, sdkSurface, virtualFor(c));
    expectHolds(c, r, bound(c, virtualFor(c) ? 0 : 1000));
  });
});

describe("CLI (built `domain-tasks set-ns --wait`)", () => {
  beforeAll(() => assertBuilt());
  const cases = WRITE_CASES.filter((c) => !c.skip?.cli);
  it.concurrent.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const r = await runCase(c, cliSurface, false);
    expectHolds(c, r, bound(c, PROCESS_SLACK_MS));
  });
});

describe("DomainNameServers through the dynamic-provider host", () => {
  beforeAll(async () => {
    providerText = await serializedNameServersProvider();
  });
  const cases = WRITE_CASES.filter((c) => !c.skip?.provider);
  it.concurrent.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const r = await runCase(c, providerSurface, false);
    expectHolds(c, r, bound(c, HOST_SLACK_MS));
  });
});
