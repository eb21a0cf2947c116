/**
 * Verdict integrity, the class of issue 18: evidence a discarded read showed. Every surface, against a service
 * that shows a failure (or any detail) only to a read the client does not believe, then answers cleanly
 * (integrity-cases.ts, EVIDENCE_CASES, served through test/support/tamper-proxy.ts in front of the emulator):
 * - never a pass: the clean read that follows does not erase what the discarded one served;
 * - what was seen is said: a verdict that names failures names the one shown (domain and reason), and an
 *   unverified outcome carries the counts seen and its contradictions, on every surface that prints one;
 * - the same proxy with nothing to rewrite passes on every surface (it is transparent).
 * Requires `npm run build` (the CLI and the providers run compiled code; npm test builds first).
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_CREDENTIAL, startEmulator, type EmulatorOptions } from "../../emulator";
import { getTaskDetails } from "../../provider/functions";
import { VirtualClock } from "../../sdk/clock";
import { InconsistentAnswerError } from "../../sdk/errors";
import type { TaskOutcome } from "../../sdk/outcome";
import { listTaskDetails, readTaskOutcome } from "../../sdk/read";
import { waitForTask } from "../../sdk/waiter";
import { assertBuilt, runCli } from "../cli/harness";
import { cliEnv } from "../cli/emulator-env";
import { NEW_NAME_SERVERS, startAccount, WRITE_KEY } from "../name-servers/harness";
import { serializedNameServersProvider } from "../name-servers/serialized";
import { startBench, TEST_KEY_ID, TEST_SECRET, type Bench } from "../provider/fixture";
import { startProviderHost, type ProviderHost } from "../provider/host";
import { clientFor } from "../support/emulator-client";
import { startTamperProxy, type Tamper, type TamperProxy } from "../support/tamper-proxy";
import { within } from "./cases";
import {
  EVIDENCE_CASES, GHOST_DOMAIN, GHOST_REASON, GOOD_DOMAIN, INTEGRITY_PAGE_SIZE, INTEGRITY_TOTAL, integritySpec, type EvidenceCase,
} from "./integrity-cases";

const cases = EVIDENCE_CASES.map((c) => [c.name, c] as const);
/** The proxy with nothing to rewrite: an honest service. */
const honest: EvidenceCase = { name: "honest", tamper: () => () => undefined, listingBreaks: false };

/** The domain whose failure a verdict must name: the extra one, or the first detail listed (the good domain). */
const failedDomain = (c: EvidenceCase): string | undefined => (c.failed === "ghost" ? GHOST_DOMAIN : c.failed === "first" ? GOOD_DOMAIN : undefined);

/** Turns the hostile service on or off; turned on, it starts afresh (as a new service would, for a new process). */
type Turn = (on: boolean) => void;

/** An emulator with the honest task, behind a proxy that rewrites its answers as `c` says. */
const withTask = async <T>(
  c: EvidenceCase,
  fn: (proxy: TamperProxy, taskNo: string, turn: Turn) => Promise<T>,
  options: EmulatorOptions & { activeFromStart?: boolean } = {},
): Promise<T> => {
  const emulator = await startEmulator(options);
  let tamper: Tamper | undefined = options.activeFromStart === false ? undefined : c.tamper();
  const proxy = await startTamperProxy(emulator.url, (a) => tamper?.(a));
  try {
    return await fn(proxy, emulator.addTask(integritySpec(false)), (on) => (tamper = on ? c.tamper() : undefined));
  } finally {
    await proxy.close();
    await emulator.close();
  }
};

const queryOf = (c: EvidenceCase, taskNo: string) => ({ taskNo, ...c.filter });

const settle = (work: Promise<TaskOutcome>) =>
  within(15_000, "the read", work).then((outcome) => ({ outcome, error: undefined as unknown }), (error: unknown) => ({ outcome: undefined, error }));

/**
 * Never a pass. A verdict is the failure shown, named with its reason; an error is the typed contradiction,
 * carrying what was seen (the counts, the failures).
 */
const expectNoPass = (c: EvidenceCase, { outcome, error }: { outcome?: TaskOutcome; error: unknown }) => {
  const domain = failedDomain(c);
  const seen = outcome ?? (InconsistentAnswerError.isInstance(error) ? error.lastOutcome : undefined);
  if (outcome) expect(outcome.succeeded).toBe(false);
  else expect((error as Error).name).toBe("InconsistentAnswerError");
  expect(seen).toBeDefined();
  expect(seen!.succeeded).toBe(false);
  expect(seen!.total).toBeGreaterThan(0);
  if (domain !== undefined) {
    expect(seen!.status).toBe("EXECUTE_FAILURE");
    expect(seen!.failed.map((f) => f.domainName)).toContain(domain);
    expect(seen!.failed.find((f) => f.domainName === domain)?.failReason).toBe(GHOST_REASON);
  } else {
    expect(seen!.verified).toBe(false);
    expect(seen!.anomalies.join("\n")).toMatch(/not in this read/);
  }
  if (error) expect((error as Error).message).toMatch(/Last seen: .* of \d+ detail/);
};

describe("the SDK keeps what every read showed", () => {
  it.concurrent.each(cases)("%s: readTaskOutcome", (_n, c) =>
    withTask(c, async (proxy, taskNo) => {
      expectNoPass(c, await settle(readTaskOutcome(clientFor(proxy).client, queryOf(c, taskNo), { pageSize: INTEGRITY_PAGE_SIZE })));
    }));

  it.concurrent.each(cases)("%s: waitForTask", (_n, c) => {
    const clock = new VirtualClock();
    return withTask(c, async (proxy, taskNo) => {
      const started = clock.now();
      const result = await settle(waitForTask(clientFor(proxy, { clock }).client, queryOf(c, taskNo), {
        clock, random: () => 0.5, maxWaitSeconds: 600, pageSize: INTEGRITY_PAGE_SIZE,
      }));
      expectNoPass(c, result);
      expect(clock.now() - started).toBeLessThan(120_000); // a verdict in seconds, never the timeout
    }, { clock });
  });

  it.concurrent.each(cases)("%s: the pager", (_n, c) =>
    withTask(c, async (proxy, taskNo) => {
      const listed = await within(15_000, "the listing", listTaskDetails(clientFor(proxy).client, queryOf(c, taskNo), {
        pageSize: INTEGRITY_PAGE_SIZE,
      })).then((list) => ({ list, error: undefined }), (error: unknown) => ({ list: undefined, error }));
      if (c.listingBreaks) {
        expect(InconsistentAnswerError.isInstance(listed.error)).toBe(true);
        expect((listed.error as InconsistentAnswerError).problems.length).toBeGreaterThan(0);
      } else {
        expect(listed.error).toBeUndefined();
        expect(new Set(listed.list!.details.map((d) => d.taskDetailNo)).size).toBe(c.filter ? 1 : INTEGRITY_TOTAL);
      }
    }));

  it("passes an honest service through the same proxy: readTaskOutcome, waitForTask, the pager", () => {
    const clock = new VirtualClock();
    return withTask(honest, async (proxy, taskNo) => {
      const { client } = clientFor(proxy, { clock });
      await expect(readTaskOutcome(client, { taskNo }, { pageSize: INTEGRITY_PAGE_SIZE })).resolves.toMatchObject({ succeeded: true, verified: true });
      await expect(waitForTask(client, { taskNo }, { clock, random: () => 0.5, pageSize: INTEGRITY_PAGE_SIZE })).resolves.toMatchObject({ succeeded: true });
      expect((await listTaskDetails(client, { taskNo }, { pageSize: INTEGRITY_PAGE_SIZE })).details).toHaveLength(INTEGRITY_TOTAL);
      expect(proxy.answers).toBeGreaterThan(0);
    }, { clock });
  });
});

describe("getTaskDetails keeps what every read showed", () => {
  beforeAll(() => pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "p", "s", false));
  const args = (proxy: TamperProxy, c: EvidenceCase, taskNo: string) => ({
    ...queryOf(c, taskNo), endpoint: proxy.url, accessKey: DEFAULT_CREDENTIAL.accessKeyId, secretKey: DEFAULT_CREDENTIAL.accessKeySecret, pageSize: INTEGRITY_PAGE_SIZE,
  });

  it.concurrent.each(cases)("%s", (_n, c) =>
    withTask(c, async (proxy, taskNo) => expectNoPass(c, await settle(getTaskDetails(args(proxy, c, taskNo)) as Promise<never>))));

  it("passes an honest service through the proxy", () =>
    withTask(honest, async (proxy, taskNo) => {
      await expect(getTaskDetails(args(proxy, honest, taskNo))).resolves.toMatchObject({ succeeded: true, verified: true, total: INTEGRITY_TOTAL });
    }));
});

describe("the built command keeps what every read showed", () => {
  beforeAll(() => assertBuilt());
  const flags = (proxy: TamperProxy, c: EvidenceCase) => [
    "--endpoint", proxy.url, "--page-size", String(INTEGRITY_PAGE_SIZE), ...(c.filter?.domainName ? ["--domain", c.filter.domainName] : []),
  ];

  it.concurrent.each(cases)("%s: wait and get never pass, and -o json says what was seen", (_n, c) =>
    withTask(c, async (proxy, taskNo, turn) => {
      const waited = await within(30_000, "domain-tasks wait", runCli(["wait", taskNo, ...flags(proxy, c), "--timeout", "20s",
        "--min-delay", "100ms", "--max-delay", "200ms", "-o", "json"], { env: cliEnv() }));
      const domain = failedDomain(c);
      // A failure shown is the verdict (exit 1); answers that keep contradicting themselves are exit 3.
      expect(waited.code).toBe(domain === undefined ? 3 : 1);
      const outcome = JSON.parse(waited.stdout) as TaskOutcome;
      expect(outcome).toMatchObject({ succeeded: false });
      expect(outcome.total).toBeGreaterThan(0);
      expect(outcome.details.length).toBeGreaterThan(0);
      if (domain !== undefined) expect(outcome.failed.map((f) => f.domainName)).toContain(domain);
      else expect(outcome.anomalies.join("\n")).toMatch(/not in this read/);

      turn(true); // each command is a new process: the service plays its trick on it afresh
      const got = await within(30_000, "domain-tasks get", runCli(["get", taskNo, ...flags(proxy, c), "-o", "json"], { env: cliEnv() }));
      const document = JSON.parse(got.stdout) as TaskOutcome;
      expect(document.succeeded).toBe(false);
      expect(document.total).toBeGreaterThan(0);
      if (domain !== undefined) expect(document.failed.map((f) => f.domainName)).toContain(domain);
      expect(got.code).toBe(domain === undefined ? 3 : 0); // get reports; only a read that never verified is exit 3
    }));

  it("wait and get pass an honest service through the proxy", () =>
    withTask(honest, async (proxy, taskNo) => {
      const waited = await runCli(["wait", taskNo, ...flags(proxy, honest), "--timeout", "20s", "--min-delay", "100ms", "-o", "json"], { env: cliEnv() });
      expect(waited.code).toBe(0);
      expect(JSON.parse(waited.stdout)).toMatchObject({ succeeded: true, verified: true, total: INTEGRITY_TOTAL });
      const got = await runCli(["get", taskNo, ...flags(proxy, honest), "-o", "json"], { env: cliEnv() });
      expect(JSON.parse(got.stdout)).toMatchObject({ succeeded: true, verified: true, total: INTEGRITY_TOTAL });
    }));
});

describe("DomainTask through the dynamic-provider host keeps what every read showed", () => {
  let bench: Promise<Bench> | undefined;
  const host = () => (bench ??= startBench());
  afterAll(async () => (await bench)?.close());
  const credentials = [{ accessKeyId: TEST_KEY_ID, accessKeySecret: TEST_SECRET }];
  const inputs = (b: Bench, proxy: TamperProxy, c: EvidenceCase, taskNo: string, waitFor: string) =>
    b.inputs({ ...queryOf(c, taskNo), waitFor, timeoutSeconds: 20, endpoint: proxy.url });

  it.concurrent.each(cases)("%s: create fails, naming what was seen", async (_n, c) => {
    const b = await host();
    await withTask(c, async (proxy, taskNo) => {
      const error = await within(30_000, "DomainTask create", b.host.create(inputs(b, proxy, c, taskNo, "success"))).then(() => undefined, (e: Error) => e);
      expect(error?.message).toMatch(/did not succeed|contradict/);
      const domain = failedDomain(c);
      if (domain !== undefined) expect(error?.message).toContain(domain);
      else expect(error?.message).toMatch(/Last seen: \d+ EXECUTE_SUCCESS/);
    }, { credentials });
  });

  it.concurrent.each(cases)("%s: a refresh of a recorded success never reads back success", async (_n, c) => {
    const b = await host();
    await withTask(c, async (proxy, taskNo, turn) => {
      const created = await within(30_000, "DomainTask create", b.host.create(inputs(b, proxy, c, taskNo, "completion")));
      expect(created.properties).toMatchObject({ succeeded: true });
      turn(true); // the service turns hostile for this task
      const read = await within(30_000, "DomainTask read", b.host.read(taskNo, created.properties))
        .then((r) => ({ r, error: undefined }), (error: Error) => ({ r: undefined, error }));
      if (read.r) expect(read.r.properties).toMatchObject({ status: "EXECUTE_FAILURE", succeeded: false });
      else expect(read.error?.message).toMatch(/contradict/);
    }, { credentials, activeFromStart: false });
  });

  it("create passes an honest service through the proxy", async () => {
    const b = await host();
    await withTask(honest, async (proxy, taskNo) => {
      const created = await b.host.create(inputs(b, proxy, honest, taskNo, "success"));
      expect(created.properties).toMatchObject({ succeeded: true, verified: true, total: INTEGRITY_TOTAL });
    }, { credentials });
  });
});

describe("DomainNameServers through the dynamic-provider host keeps what every read showed", () => {
  let provider: string;
  let host: ProviderHost;
  beforeAll(async () => {
    provider = await serializedNameServersProvider();
    host = await startProviderHost();
    await host.configure({ "alicloud:accessKey": WRITE_KEY.accessKeyId, "alicloud:secretKey": WRITE_KEY.accessKeySecret });
  });
  afterAll(() => host.close());

  /** One account behind the proxy; its change's task is the one the proxy rewrites. */
  const withAccount = async (c: EvidenceCase, fn: (proxy: TamperProxy) => Promise<void>) => {
    const emulator = await startAccount({ timing: { changeStartAfterSeconds: 0.1, changeFinishAfterSeconds: 0.3 } });
    const proxy = await startTamperProxy(emulator.url, c.tamper());
    try {
      await fn(proxy);
    } finally {
      await proxy.close();
      await emulator.close();
    }
  };
  const create = async (proxy: TamperProxy) => {
    const checked = await host.check({}, { domainNames: ["shop.example.com", "blog.example.com"], nameServers: NEW_NAME_SERVERS, minDelaySeconds: 0.1, maxDelaySeconds: 0.2,
      timeoutSeconds: 20, endpoint: proxy.url, __provider: provider });
    expect(checked.failures).toEqual([]);
    return within(30_000, "DomainNameServers create", host.create({ ...checked.inputs, __provider: provider }));
  };

  it.concurrent.each(cases.filter(([, c]) => c.filter === undefined))("%s: create fails", (_n, c) =>
    withAccount(c, async (proxy) => {
      const error = await create(proxy).then(() => undefined, (e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      const shown = c.failed === "ghost" ? GHOST_DOMAIN : c.failed === "first" ? /(shop|blog)\.example\.com/ : /contradict/;
      expect(error!.message).toMatch(shown);
    }));

  it("create passes an honest service through the proxy", () =>
    withAccount(honest, async (proxy) => {
      await expect(create(proxy)).resolves.toMatchObject({ properties: { succeeded: true, total: 2 } });
    }));
});
