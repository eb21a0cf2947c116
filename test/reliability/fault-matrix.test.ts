/**
 * The fault matrix: the pager, the waiter, the CLI (the built command) and the provider (Pulumi's real
 * dynamic-provider host over gRPC) each read a three-page task against every emulator fault and quirk,
 * singly and combined (cases.ts). For every case and surface: the result or the typed error, an
 * exact request count from the emulator's log, every detail exactly once, and a real-time deadline so a
 * hang fails the case instead of stalling the suite.
 *
 * The request-count rule: faults may only ever add the faulted requests themselves. The requests answered
 * 200 are exactly what the same surface needs with no fault at all (for the pager, ceil(21/10) = 3).
 * Each case has its own emulator (fault rules count requests per emulator), so cases run concurrently.
 * Requires `npm run build` (the CLI and the provider run compiled code; npm test builds first).
 */
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { VirtualClock } from "../../sdk/clock";
import { DomainApiError } from "../../sdk/errors";
import { listTaskDetails } from "../../sdk/read";
import { waitForTask } from "../../sdk/waiter";
import { clientFor } from "../support/emulator-client";
import { assertBuilt, runCli } from "../cli/harness";
import { cliEnv } from "../cli/emulator-env";
import { startBench, TEST_KEY_ID, TEST_SECRET, type Bench } from "../provider/fixture";
import {
  detailFacts, expectedDomains, FAIL_REASON, FAILED_DOMAIN, FAULT_CASES, NUMERIC_DOMAIN, PAGE_SIZE, PAGES, PROVIDER_TOTAL_DETAILS,
  requestCounts, taskSpec, TOTAL_DETAILS, within, type FaultCase,
} from "./cases";

/** Attempts per request (the client's default retry budget). */
const MAX_ATTEMPTS = 5;
const okCases = FAULT_CASES.filter((c) => !c.fails).map((c) => [c.name, c] as const);
const failCases = FAULT_CASES.filter((c) => c.fails).map((c) => [c.name, c] as const);

/** Runs `fn` against a fresh emulator with the case's faults, and closes it. */
const withEmulator = async <T>(c: FaultCase, fn: (emulator: Emulator) => Promise<T>, options: EmulatorOptions = {}): Promise<T> => {
  const emulator = await startEmulator({ ...options, faults: c.faults });
  try {
    return await fn(emulator);
  } finally {
    await emulator.close();
  }
};

/** Every detail once, the quirky fields read right. */
const expectAllDetails = (
  details: { domainName: string; taskDetailNo: string; taskResult: string; failReason: string; taskStatus: string }[],
  total = TOTAL_DETAILS,
) => {
  const facts = detailFacts(details);
  expect(facts.count).toBe(total);
  expect(facts.uniqueDetailNos).toBe(total);
  expect(facts.domains).toEqual(expectedDomains(total));
  expect(details.find((d) => d.domainName === NUMERIC_DOMAIN)?.taskResult).toBe("12345");
  expect(details.find((d) => d.domainName === FAILED_DOMAIN)).toMatchObject({ taskStatus: "EXECUTE_FAILURE", failReason: FAIL_REASON });
};

describe("pager (listTaskDetails, page size 10, concurrency 4) under every fault and quirk", () => {
  it.concurrent.each(okCases)("%s: every detail once, exactly 3 pages answered", (_name, c) =>
    withEmulator(c, async (emulator) => {
      const taskNo = emulator.addTask(taskSpec());
      const { client } = clientFor(emulator);
      const list = await within(10_000, c.name, listTaskDetails(client, { taskNo }, { pageSize: PAGE_SIZE, concurrency: 4 }));
      expectAllDetails(list.details);
      const counts = requestCounts(emulator, taskNo);
      expect(counts.ok).toBe(PAGES);
      expect(counts.total).toBe(PAGES + counts.faulted);
      expect(list.requests).toBe(PAGES);
    }));

  it.concurrent.each(failCases)("%s: the typed error after exactly the retry budget", (_name, c) =>
    withEmulator(c, async (emulator) => {
      const taskNo = emulator.addTask(taskSpec());
      const { client } = clientFor(emulator);
      const error = await within(10_000, c.name, listTaskDetails(client, { taskNo }, { pageSize: PAGE_SIZE }).then(() => undefined, (e: unknown) => e));
      expect(DomainApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: c.fails!.code, statusCode: c.fails!.statusCode, attempts: MAX_ATTEMPTS });
      expect(requestCounts(emulator, taskNo)).toEqual({ ok: 0, faulted: MAX_ATTEMPTS, total: MAX_ATTEMPTS });
    }));
});

describe("waiter (waitForTask, VirtualClock shared with the emulator) under every fault and quirk", () => {
  const run = (c: FaultCase) => {
    const clock = new VirtualClock();
    return withEmulator(c, async (emulator) => {
      const taskNo = emulator.addTask(taskSpec(TOTAL_DETAILS, 120)); // completes over two simulated minutes
      const completesAt = clock.now() + 120_000;
      const { client } = clientFor(emulator, { clock });
      let reported = 0;
      const result = await within(10_000, c.name, waitForTask(client, { taskNo }, {
        clock, random: () => 0.5, maxWaitSeconds: 900, pageSize: PAGE_SIZE, onProgress: (p) => (reported += p.requests),
      }).then((outcome) => ({ outcome, error: undefined }), (error: unknown) => ({ outcome: undefined, error })));
      return { ...result, counts: requestCounts(emulator, taskNo), reported, lateMs: clock.now() - completesAt };
    }, { clock });
  };

  it.concurrent.each(okCases)("%s: the complete outcome, noticed within maxDelay", async (_name, c) => {
    const { outcome, error, counts, reported, lateMs } = await run(c);
    expect(error).toBeUndefined();
    expect(outcome).toMatchObject({ complete: true, total: TOTAL_DETAILS, status: "EXECUTE_FAILURE", succeeded: false });
    expect(outcome!.counts).toMatchObject({ EXECUTE_SUCCESS: TOTAL_DETAILS - 1, EXECUTE_FAILURE: 1, UNKNOWN: 0 });
    expectAllDetails(outcome!.details);
    expect(counts.ok).toBe(reported); // the waiter's own request count matches the wire exactly
    expect(counts.total).toBe(counts.ok + counts.faulted);
    expect(lateMs).toBeLessThanOrEqual(30_000);
  });

  it.concurrent.each(failCases)("%s: the typed error after exactly the retry budget", async (_name, c) => {
    const { error, counts } = await run(c);
    expect(DomainApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: c.fails!.code, attempts: MAX_ATTEMPTS });
    // A poll of a large task sends up to five count requests together; each gives up after MAX_ATTEMPTS.
    expect(counts.ok).toBe(0);
    expect(counts.total % MAX_ATTEMPTS).toBe(0);
    expect(counts.total).toBeLessThanOrEqual(5 * MAX_ATTEMPTS);
  });
});

describe("CLI (built `domain-tasks get --page-size 10 -o json`) under every fault and quirk", () => {
  beforeAll(() => assertBuilt());

  const get = (emulator: Emulator, taskNo: string) =>
    within(20_000, "domain-tasks get", runCli(["get", taskNo, "--endpoint", emulator.url, "--page-size", String(PAGE_SIZE), "-o", "json"], { env: cliEnv() }));

  it.concurrent.each(okCases)("%s: exit 0, every detail once in the JSON", (_name, c) =>
    withEmulator(c, async (emulator) => {
      const taskNo = emulator.addTask(taskSpec());
      const result = await get(emulator, taskNo);
      expect(result.code).toBe(0);
      // Paging anomalies (quirks) are reported as warnings on stderr; nothing else may appear there.
      for (const line of result.stderr.split("\n").filter(Boolean)) expect(line).toMatch(/^domain-tasks: warning: /);
      if (c.faults.quirks?.nextPageAlwaysTrue) expect(result.stderr).toContain("NextPage is true on the last page");
      const outcome = JSON.parse(result.stdout);
      expect(outcome).toMatchObject({ taskNo, total: TOTAL_DETAILS, complete: true });
      expectAllDetails(outcome.details);
      const counts = requestCounts(emulator, taskNo);
      expect(counts.ok).toBe(PAGES);
      expect(counts.total).toBe(PAGES + counts.faulted);
    }));

  it.concurrent.each(failCases)("%s: exit 3 naming the code", (_name, c) =>
    withEmulator(c, async (emulator) => {
      const taskNo = emulator.addTask(taskSpec());
      const result = await get(emulator, taskNo);
      expect(result.code).toBe(3);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(c.fails!.code);
      expect(requestCounts(emulator, taskNo)).toEqual({ ok: 0, faulted: MAX_ATTEMPTS, total: MAX_ATTEMPTS });
    }));
});

describe("provider (DomainTask Create through the dynamic-provider host) under every fault and quirk", () => {
  // One host for every case (started on first use: concurrent tests may start before beforeAll hooks);
  // each case points the resource's `endpoint` input at its own emulator.
  let bench: Promise<Bench> | undefined;
  const host = () => (bench ??= startBench());
  afterAll(async () => (await bench)?.close());

  const create = async (c: FaultCase) => {
    const b = await host();
    return withEmulator(c, async (emulator) => {
      const taskNo = emulator.addTask(taskSpec(PROVIDER_TOTAL_DETAILS));
      const result = await within(20_000, "DomainTask create",
        b.host.create(b.inputs({ taskNo, waitFor: "completion", maxDetails: PROVIDER_TOTAL_DETAILS, endpoint: emulator.url }))
          .then((r) => ({ r, error: undefined }), (error: Error) => ({ r: undefined, error })));
      return { ...result, taskNo, counts: requestCounts(emulator, taskNo) };
    }, { credentials: [{ accessKeyId: TEST_KEY_ID, accessKeySecret: TEST_SECRET }] });
  };
  /** What one Create of this task costs with no fault: the baseline every other case must match. */
  let clean: Promise<number> | undefined;
  const cleanOk = () => (clean ??= create(FAULT_CASES[0]).then(({ counts }) => counts.ok));

  it.concurrent.each(okCases)("%s: the outcome in state, every detail once", async (_name, c) => {
    const { r, error, taskNo, counts } = await create(c);
    expect(error).toBeUndefined();
    expect(r!.id).toBe(taskNo);
    expect(r!.properties).toMatchObject({ taskNo, complete: true, total: PROVIDER_TOTAL_DETAILS, status: "EXECUTE_FAILURE", failReason: null });
    expectAllDetails(r!.properties.details as never, PROVIDER_TOTAL_DETAILS);
    expect(counts.ok).toBe(await cleanOk());
    expect(counts.total).toBe(counts.ok + counts.faulted);
  });

  it.concurrent.each(failCases)("%s: Create fails naming the code", async (_name, c) => {
    const { error, counts } = await create(c);
    expect(error?.message).toContain(c.fails!.code);
    expect(counts.ok).toBe(0);
    expect(counts.total % MAX_ATTEMPTS).toBe(0);
  });
});
