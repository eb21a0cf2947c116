/**
 * Verdict integrity: every surface against every hostile server of integrity-cases.ts must never pass, and
 * against every honest one must pass. "Pass" is each surface's own word for success:
 * - readTaskOutcome / getTaskDetails / waitForTask: an outcome with `succeeded: true`;
 * - the pager: a listing that ends normally (it gives no verdict, but must not hand out a contradicted list);
 * - `domain-tasks wait`: exit 0; `domain-tasks get -o json`: `"succeeded": true` in the document;
 * - DomainTask create (waitFor success) through Pulumi's real dynamic-provider host: no error; and a refresh
 *   of a recorded failure: state that says succeeded.
 * Requires `npm run build` (the CLI and the provider run compiled code; npm test builds first).
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { VirtualClock } from "../../sdk/clock";
import { InconsistentAnswerError } from "../../sdk/errors";
import { getTaskDetails } from "../../provider/functions";
import type { TaskOutcome } from "../../sdk/outcome";
import { listTaskDetails } from "../../sdk/read";
import { readTaskOutcome } from "../../sdk/read";
import { waitForTask } from "../../sdk/waiter";
import { clientFor } from "../support/emulator-client";
import { assertBuilt, runCli } from "../cli/harness";
import { cliEnv } from "../cli/emulator-env";
import { startBench, TEST_KEY_ID, TEST_SECRET, type Bench } from "../provider/fixture";
import { within } from "./cases";
import { HONEST_CASES, HOSTILE_CASES, INTEGRITY_PAGE_SIZE, INTEGRITY_TOTAL, integritySpec, type IntegrityCase } from "./integrity-cases";

type Case = Omit<IntegrityCase, "listingBreaks"> & { listingBreaks?: boolean };
const hostile = HOSTILE_CASES.map((c) => [c.name, c] as const);
const honest = HONEST_CASES.map((c) => [c.name, c] as const);

/** A fresh emulator holding one task: the failing task for a hostile case, the succeeding one for an honest case. */
const withTask = async <T>(c: Case, failing: boolean, fn: (emulator: Emulator, taskNo: string) => Promise<T>, options: EmulatorOptions = {}): Promise<T> => {
  const emulator = await startEmulator(options);
  try {
    return await fn(emulator, emulator.addTask(integritySpec(failing, c.quirks)));
  } finally {
    await emulator.close();
  }
};

const queryOf = (c: Case, taskNo: string) => ({ taskNo, ...c.filter });

/** What a verdict-giving SDK call came to: its outcome, or the error it ended in. */
const settle = (work: Promise<TaskOutcome>) =>
  within(15_000, "the read", work).then((outcome) => ({ outcome, error: undefined as unknown }), (error: unknown) => ({ outcome: undefined, error }));

/** Never a pass; and an error, when there is one, is the typed contradiction or a timeout, never a crash. */
const expectNoPass = ({ outcome, error }: { outcome?: { succeeded: boolean; verified?: boolean }; error: unknown }) => {
  if (outcome) expect(outcome.succeeded).toBe(false);
  else expect((error as Error).name).toMatch(/^(InconsistentAnswerError|TimeoutError)$/);
};

describe("the SDK never passes a hostile server's task, and passes an honest one", () => {
  it.concurrent.each(hostile)("%s: readTaskOutcome", (_n, c) =>
    withTask(c, true, async (emulator, taskNo) => {
      expectNoPass(await settle(readTaskOutcome(clientFor(emulator).client, queryOf(c, taskNo), { pageSize: INTEGRITY_PAGE_SIZE })));
    }));

  it.concurrent.each(hostile)("%s: waitForTask (counting, then reading)", (_n, c) => {
    const clock = new VirtualClock();
    return withTask(c, true, async (emulator, taskNo) => {
      const started = clock.now();
      const result = await settle(waitForTask(clientFor(emulator, { clock }).client, queryOf(c, taskNo), {
        clock, random: () => 0.5, maxWaitSeconds: 600, pageSize: INTEGRITY_PAGE_SIZE,
      }));
      expectNoPass(result);
      // The verdict (a failure, or the contradiction named) comes in seconds of the waiter's time, never at the
      // timeout - unless the task never settles, when the timeout is the honest answer.
      if (!c.neverSettles) {
        if (result.error) expect((result.error as Error).name).toBe("InconsistentAnswerError");
        expect(clock.now() - started).toBeLessThan(120_000);
      }
    }, { clock });
  });

  it.concurrent.each(hostile.filter(([, c]) => c.listingBreaks))("%s: the pager refuses the listing", (_n, c) =>
    withTask(c, true, async (emulator, taskNo) => {
      const error = await within(15_000, "the listing", listTaskDetails(clientFor(emulator).client, queryOf(c, taskNo), { pageSize: INTEGRITY_PAGE_SIZE }))
        .then(() => undefined, (e: unknown) => e);
      expect(InconsistentAnswerError.isInstance(error)).toBe(true);
      expect((error as InconsistentAnswerError).problems.length).toBeGreaterThan(0);
    }));

  it.concurrent.each(honest)("%s: readTaskOutcome, waitForTask and the pager", (_n, c) => {
    const clock = new VirtualClock();
    return withTask(c, false, async (emulator, taskNo) => {
      const { client } = clientFor(emulator, { clock });
      const expected = c.filter ? 1 : INTEGRITY_TOTAL;
      const read = await readTaskOutcome(client, queryOf(c, taskNo), { pageSize: INTEGRITY_PAGE_SIZE });
      expect(read).toMatchObject({ succeeded: true, verified: true, total: expected });
      const waited = await waitForTask(client, queryOf(c, taskNo), { clock, random: () => 0.5, pageSize: INTEGRITY_PAGE_SIZE });
      expect(waited).toMatchObject({ succeeded: true, verified: true, total: expected });
      const list = await listTaskDetails(client, queryOf(c, taskNo), { pageSize: INTEGRITY_PAGE_SIZE });
      expect(new Set(list.details.map((d) => d.taskDetailNo)).size).toBe(expected);
    }, { clock });
  });
});

describe("getTaskDetails (the Pulumi function) never passes a hostile server's task", () => {
  beforeAll(() => pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "p", "s", false));
  const args = (emulator: Emulator, c: Case, taskNo: string) => ({
    ...queryOf(c, taskNo), endpoint: emulator.url, accessKey: DEFAULT_CREDENTIAL.accessKeyId, secretKey: DEFAULT_CREDENTIAL.accessKeySecret, pageSize: INTEGRITY_PAGE_SIZE,
  });

  it.concurrent.each(hostile)("%s", (_n, c) =>
    withTask(c, true, async (emulator, taskNo) => expectNoPass(await settle(getTaskDetails(args(emulator, c, taskNo)) as Promise<never>))));

  it.concurrent.each(honest)("%s: passes", (_n, c) =>
    withTask(c, false, async (emulator, taskNo) => {
      await expect(getTaskDetails(args(emulator, c, taskNo))).resolves.toMatchObject({ succeeded: true, verified: true });
    }));
});

describe("the built command never passes a hostile server's task", () => {
  beforeAll(() => assertBuilt());
  const flags = (emulator: Emulator, c: Case) => [
    "--endpoint", emulator.url, "--page-size", String(INTEGRITY_PAGE_SIZE),
    ...(c.filter?.domainName ? ["--domain", c.filter.domainName] : []), ...(c.filter?.instanceId ? ["--instance", c.filter.instanceId] : []),
  ];
  const wait = (emulator: Emulator, c: Case, taskNo: string) => within(30_000, "domain-tasks wait",
    runCli(["wait", taskNo, ...flags(emulator, c), "--timeout", "20s", "--min-delay", "100ms", "--max-delay", "200ms", "-o", "json"], { env: cliEnv() }));
  const get = (emulator: Emulator, c: Case, taskNo: string) =>
    within(30_000, "domain-tasks get", runCli(["get", taskNo, ...flags(emulator, c), "-o", "json"], { env: cliEnv() }));

  it.concurrent.each(hostile)("%s: wait exits non-zero; get never prints succeeded", (_n, c) =>
    withTask(c, true, async (emulator, taskNo) => {
      const waited = await wait(emulator, c, taskNo);
      expect(waited.code).not.toBe(0);
      expect([1, 3, 4]).toContain(waited.code);
      if (waited.stdout.trim()) expect(JSON.parse(waited.stdout).succeeded).toBe(false);
      const got = await get(emulator, c, taskNo);
      if (got.stdout.trim()) expect(JSON.parse(got.stdout).succeeded).not.toBe(true);
      if (c.listingBreaks) expect(got.code).toBe(3);
    }));

  it("--fail-fast on a failure that flickers back to EXECUTING: a failure named, or a timeout at the deadline - never a pass or a premature verdict", () =>
    withTask({ name: "flicker", quirks: { failureFlicker: true } }, true, async (emulator, taskNo) => {
      const started = Date.now();
      const waited = await within(30_000, "domain-tasks wait", runCli(["wait", taskNo, ...flags(emulator, { name: "", quirks: {} }), "--fail-fast",
        "--timeout", "3s", "--min-delay", "100ms", "--max-delay", "200ms", "-o", "json"], { env: cliEnv() }));
      expect([1, 4]).toContain(waited.code);
      const outcome = JSON.parse(waited.stdout);
      expect(outcome.succeeded).toBe(false);
      if (waited.code === 1) {
        expect(outcome.verified).toBe(true);
        expect(outcome.failed.map((f: { domainName: string }) => f.domainName)).toEqual(["failed.example.com"]);
        expect(waited.stderr).toMatch(/condition false: 1 of 25 details failed/);
      } else {
        // The failure kept flickering back (a retry, as far as any reader can tell): open at the deadline.
        expect(waited.stderr).toMatch(/timed out after 3s/);
        expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
      }
    }));

  it.concurrent.each(honest)("%s: wait exits 0; get prints succeeded", (_n, c) =>
    withTask(c, false, async (emulator, taskNo) => {
      const waited = await wait(emulator, c, taskNo);
      expect(waited.code).toBe(0);
      expect(JSON.parse(waited.stdout)).toMatchObject({ succeeded: true, verified: true });
      const got = await get(emulator, c, taskNo);
      expect(got.code).toBe(0);
      expect(JSON.parse(got.stdout)).toMatchObject({ succeeded: true, verified: true, total: c.filter ? 1 : INTEGRITY_TOTAL });
    }));
});

describe("DomainTask through the dynamic-provider host never passes a hostile server's task", () => {
  let bench: Promise<Bench> | undefined;
  const host = () => (bench ??= startBench());
  afterAll(async () => (await bench)?.close());
  const credentials = [{ accessKeyId: TEST_KEY_ID, accessKeySecret: TEST_SECRET }];
  const inputs = (b: Bench, emulator: Emulator, c: Case, taskNo: string, waitFor: string) =>
    b.inputs({ ...queryOf(c, taskNo), waitFor, timeoutSeconds: 20, endpoint: emulator.url });

  it.concurrent.each(hostile)("%s: create fails", async (_n, c) => {
    const b = await host();
    await withTask(c, true, async (emulator, taskNo) => {
      const result = await within(30_000, "DomainTask create", b.host.create(inputs(b, emulator, c, taskNo, "success")))
        .then((r) => ({ r, error: undefined }), (error: Error) => ({ r: undefined, error }));
      expect(result.r).toBeUndefined();
      expect(result.error?.message).toMatch(/did not succeed|contradict|did not complete/);
    }, { credentials });
  });

  // (The filter cases record one good detail: their create is the test above.)
  it.concurrent.each(hostile.filter(([, c]) => !c.filter))("%s: a refresh of the recorded failure never reads back success", async (_n, c) => {
    const b = await host();
    const emulator = await startEmulator({ credentials });
    try {
      // Recorded from an honest answer first; then the service turns hostile for this task.
      const taskNo = emulator.addTask(integritySpec(true));
      const created = await within(30_000, "DomainTask create", b.host.create(inputs(b, emulator, c, taskNo, "completion")));
      expect(created.properties).toMatchObject({ status: "EXECUTE_FAILURE", succeeded: false });
      emulator.setFaults({ taskQuirks: { [taskNo]: c.quirks } });
      const read = await within(30_000, "DomainTask read", b.host.read(taskNo, created.properties))
        .then((r) => ({ r, error: undefined }), (error: Error) => ({ r: undefined, error }));
      if (read.r) expect(read.r.properties).toMatchObject({ status: "EXECUTE_FAILURE", succeeded: false });
      else expect(read.error?.message).toMatch(/contradict/);
    } finally {
      await emulator.close();
    }
  });

  it("a refresh keeps a recorded failure when the failed detail ages out of a consistent answer", async () => {
    const b = await host();
    const emulator = await startEmulator({ credentials });
    try {
      const taskNo = emulator.addTask(integritySpec(true));
      const created = await b.host.create(inputs(b, emulator, {} as Case, taskNo, "completion"));
      emulator.setFaults({ taskQuirks: { [taskNo]: { hiddenDetails: { domains: ["failed.example.com"] }, totalItemNumOffset: -1 } } });
      const read = await b.host.read(taskNo, created.properties);
      expect(read.properties).toMatchObject({ status: "EXECUTE_FAILURE", succeeded: false, total: INTEGRITY_TOTAL });
    } finally {
      await emulator.close();
    }
  });

  it.concurrent.each(honest)("%s: create succeeds, refresh keeps it", async (_n, c) => {
    const b = await host();
    await withTask(c, false, async (emulator, taskNo) => {
      const created = await within(30_000, "DomainTask create", b.host.create(inputs(b, emulator, c, taskNo, "success")));
      expect(created.properties).toMatchObject({ succeeded: true, verified: true, total: c.filter ? 1 : INTEGRITY_TOTAL });
      const read = await b.host.read(taskNo, created.properties);
      expect(read.properties).toMatchObject({ succeeded: true, verified: true });
    }, { credentials });
  });
});
