/**
 * The DomainTask provider as `pulumi up` runs it: Pulumi's dynamic-provider host over gRPC, the serialized
 * provider in `__provider`, stack config through Configure, and the emulator on loopback.
 * Requires `npm run build` (npm test builds before jest).
 */
import { allText, startBench, TEST_SECRET, type Bench } from "./fixture";
import { UNKNOWN } from "./host";

let bench: Bench;
beforeAll(async () => {
  bench = await startBench();
});
afterAll(async () => {
  await bench?.close();
});

const ok = (domainName: string, finishAfterSeconds = 0) => ({ domainName, finishAfterSeconds, outcome: "success" as const, taskResult: "OK" });

describe("Check", () => {
  it("applies the defaults to valid inputs and keeps the provider", async () => {
    const { inputs, failures } = await bench.host.check({}, bench.inputs({ taskNo: "T-1" }));
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ taskNo: "T-1", waitFor: "success", timeoutSeconds: 1800, minDelaySeconds: 0.1, maxDelaySeconds: 0.3 });
    expect(inputs.__provider).toBe(bench.provider);
  });

  it("returns one failure per bad property, each saying what to do", async () => {
    const { failures } = await bench.host.check({}, {
      __provider: bench.provider,
      taskNo: "  ",
      waitFor: "sometimes",
      timeoutSeconds: -5,
      minDelaySeconds: "fast",
      lang: "fr",
      triggers: "v2",
      product: "dns",
      endpoint: "",
      colour: "blue",
      secretKey: "x",
    });
    const byProperty = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    expect(Object.keys(byProperty).sort()).toEqual(
      ["colour", "endpoint", "lang", "minDelaySeconds", "product", "secretKey", "taskNo", "timeoutSeconds", "triggers", "waitFor"],
    );
    expect(failures).toHaveLength(10);
    // Each names the property, the value given (never for a credential key) and what it must be.
    expect(byProperty.taskNo).toMatch(/^taskNo .*must be a non-empty string; got " {2}"$/);
    expect(byProperty.waitFor).toBe('waitFor must be one of "success", "completion", "none"; got "sometimes"');
    expect(byProperty.timeoutSeconds).toBe("timeoutSeconds must be greater than 0; got -5");
    expect(byProperty.minDelaySeconds).toBe('minDelaySeconds must be a number of seconds; got "fast"');
    expect(byProperty.lang).toBe('lang must be "en" or "zh"; got "fr"');
    expect(byProperty.product).toBe('product must be "domain" or "domain-intl"; got "dns"');
    expect(byProperty.triggers).toBe("triggers must be an array (any change to it re-runs the wait); got a value of type string");
    expect(byProperty.colour).toMatch(/^colour is not an input of DomainTask; remove it/);
    expect(byProperty.secretKey).toMatch(/credentials are not resource inputs .*pulumi config set --secret/);
    expect(allText(failures)).not.toContain("\"x\"");
  });

  it("rejects failFast with a mode that does not wait for success, a failFast that is not a boolean, a fractional maxDetails", async () => {
    const withMode = await bench.host.check({}, bench.inputs({ taskNo: "T-1", waitFor: "completion", failFast: true }));
    expect(withMode.failures).toEqual([
      { property: "failFast", reason: 'failFast only applies to waitFor "success" (waitFor is "completion"): remove failFast, or set waitFor "success"' },
    ]);
    const notBoolean = await bench.host.check({}, bench.inputs({ taskNo: "T-1", failFast: "yes" }));
    expect(notBoolean.failures).toEqual([{ property: "failFast", reason: expect.stringMatching(/^failFast must be true or false/) }]);
    const ok = await bench.host.check({}, bench.inputs({ taskNo: "T-1" }));
    expect(ok.inputs).toMatchObject({ failFast: false, maxDetails: 100 });
    const fraction = await bench.host.check({}, bench.inputs({ taskNo: "T-1", maxDetails: 2.5 }));
    expect(fraction.failures).toEqual([{ property: "maxDetails", reason: "maxDetails must be a whole number of details; got 2.5" }]);
  });

  it("accepts values not known yet (preview) as they are", async () => {
    const { inputs, failures } = await bench.host.check({}, bench.inputs({ taskNo: UNKNOWN, waitFor: UNKNOWN }));
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ taskNo: UNKNOWN, waitFor: UNKNOWN, timeoutSeconds: 1800 });
  });

  it("never shows a triggers value or a URL's password in a failure", async () => {
    const { failures } = await bench.host.check({}, bench.inputs({ taskNo: "T-1", triggers: "hash-of-a-secret", endpoint: 5, product: "https://me:pa55word@host" }));
    expect(allText(failures)).not.toMatch(/hash-of-a-secret|pa55word/);
    expect(failures.map((f) => f.property).sort()).toEqual(["endpoint", "product", "triggers"]);
    expect(failures.find((f) => f.property === "product")?.reason).toContain("got \"https://***@host\"");
  });

  it("requires taskNo and orders the poll delays", async () => {
    const { failures } = await bench.host.check({}, { __provider: bench.provider, minDelaySeconds: 10, maxDelaySeconds: 5 });
    expect(failures).toEqual([
      { property: "taskNo", reason: expect.stringMatching(/^taskNo .* is required$/) },
      { property: "maxDelaySeconds", reason: "maxDelaySeconds (5) must be at least minDelaySeconds (10)" },
    ]);
  });
});

describe("Create", () => {
  it("waits for success and records the outcome as plain JSON, with no secret in it", async () => {
    const taskNo = bench.addTask({ details: [ok("a.example.com", 1), ok("b.example.com", 1)] });
    const { id, properties } = await bench.host.create(bench.inputs({ taskNo, waitFor: "success" }));
    expect(id).toBe(taskNo);
    expect(properties).toMatchObject({
      taskNo,
      status: "EXECUTE_SUCCESS",
      statusCode: 2,
      succeeded: true,
      complete: true,
      total: 2,
      counts: { WAITING_EXECUTE: 0, EXECUTING: 0, EXECUTE_SUCCESS: 2, EXECUTE_FAILURE: 0, UNKNOWN: 0 },
      failed: [],
      taskResult: null,
      domainName: null,
      endpoint: null,
    });
    expect(properties.details).toHaveLength(2);
    expect(properties.detailsOmitted).toBe(0);
    expect(typeof properties.completedAt).toBe("string");
    expect(properties.__provider).toBe(bench.provider);
    expect(allText(properties)).not.toContain(TEST_SECRET);
    // Progress went through pulumi.log (the host's stdout when no engine is attached).
    await bench.host.printed(`DomainTask ${taskNo}: 2 EXECUTE_SUCCESS (2/2 done)`);
    expect(bench.host.output()).not.toContain(TEST_SECRET);
  });

  it("fails for waitFor success when a detail failed, naming each failed domain with its reasons", async () => {
    const taskNo = bench.addTask({
      details: [
        ok("good.example.com"),
        { domainName: "bad.example.com", outcome: "failure", failReason: "The DNS server is not registered", errorMsg: "DNS_NOT_EXIST" },
        { domainName: "worse.example.com", outcome: "failure", failReason: "Domain is in a prohibited state", errorMsg: "PROHIBITED" },
      ],
    });
    const create = bench.host.create(bench.inputs({ taskNo }));
    await expect(create).rejects.toThrow(`DomainTask ${taskNo} did not succeed: 2 of 3 task details failed`);
    const message = await create.then(() => "", (e: Error) => e.message);
    expect(message).toMatch(/- bad\.example\.com \(TaskDetailNo [^)]+\): FailReason: The DNS server is not registered; ErrorMsg: DNS_NOT_EXIST/);
    expect(message).toContain("- worse.example.com");
    expect(message).toContain('waitFor: "completion"');
  });

  it("waits for every detail to finish before failing, so the error lists every failure", async () => {
    const taskNo = bench.addTask({
      details: [
        { domainName: "first.example.com", outcome: "failure", failReason: "Locked", errorMsg: "E1" },
        { domainName: "later.example.com", outcome: "failure", failReason: "Expired", errorMsg: "E2", finishAfterSeconds: 1 },
        ok("slow.example.com", 1),
      ],
    });
    const message = await bench.host.create(bench.inputs({ taskNo })).then(() => "", (e: Error) => e.message);
    expect(message).toContain(`DomainTask ${taskNo} did not succeed: 2 of 3 task details failed (1 EXECUTE_SUCCESS, 2 EXECUTE_FAILURE).\n`);
    expect(message).toMatch(/- first\.example\.com .*FailReason: Locked; ErrorMsg: E1/);
    expect(message).toMatch(/- later\.example\.com .*FailReason: Expired; ErrorMsg: E2/);
    expect(message).not.toContain("not finished yet");
  });

  it("stops at the first failed detail with failFast, without waiting for the rest", async () => {
    const taskNo = bench.addTask({
      details: [
        { domainName: "bad.example.com", outcome: "failure", failReason: "Locked", errorMsg: "E1" },
        ok("slow.example.com", 3600),
      ],
    });
    await expect(bench.host.create(bench.inputs({ taskNo, failFast: true, timeoutSeconds: 3600 }))).rejects.toThrow(
      `DomainTask ${taskNo} did not succeed: 1 of 2 task details failed (1 EXECUTING, 1 EXECUTE_FAILURE). ` +
        "1 other detail was not finished yet; the wait stopped at the first failure (failFast).",
    );
  });

  it("records a failed task without failing for waitFor completion", async () => {
    const taskNo = bench.addTask({ details: [{ domainName: "bad.example.com", outcome: "failure", failReason: "Locked", errorMsg: "E1", finishAfterSeconds: 1 }] });
    const { properties } = await bench.host.create(bench.inputs({ taskNo, waitFor: "completion" }));
    expect(properties).toMatchObject({
      status: "EXECUTE_FAILURE",
      succeeded: false,
      complete: true,
      failReason: "Locked",
      errorMsg: "E1",
      failed: [expect.objectContaining({ domainName: "bad.example.com", failReason: "Locked", errorMsg: "E1" })],
    });
  });

  it("keeps the first maxDetails details (100 by default) but every failure, counting the rest", async () => {
    const bigTask = bench.addTask({ batch: { count: 101, failEvery: 50, failReason: "Locked", errorMsg: "E1" } });
    const big = (await bench.host.create(bench.inputs({ taskNo: bigTask, waitFor: "completion" }))).properties;
    expect(big).toMatchObject({ total: 101, maxDetails: 100, detailsOmitted: 1, counts: expect.objectContaining({ EXECUTE_FAILURE: 2 }) });
    expect(big.details).toHaveLength(100);

    const taskNo = bench.addTask({
      details: [ok("a.example.com"), ok("b.example.com"), { domainName: "c.example.com", outcome: "failure", failReason: "Locked", errorMsg: "E1" }],
    });
    const { properties } = await bench.host.create(bench.inputs({ taskNo, waitFor: "completion", maxDetails: 1 }));
    expect(properties).toMatchObject({ total: 3, maxDetails: 1, detailsOmitted: 2, status: "EXECUTE_FAILURE" });
    expect((properties.details as { domainName: string }[]).map((d) => d.domainName)).toEqual(["a.example.com"]);
    expect(properties.failed).toEqual([expect.objectContaining({ domainName: "c.example.com", failReason: "Locked" })]);
  });

  it("records the state at once for waitFor none", async () => {
    const taskNo = bench.addTask({ details: [ok("later.example.com", 3600)] });
    const { properties } = await bench.host.create(bench.inputs({ taskNo, waitFor: "none" }));
    expect(properties).toMatchObject({ status: "EXECUTING", complete: false, succeeded: false, completedAt: null, counts: expect.objectContaining({ EXECUTING: 1 }) });
  });

  it("gives up after timeoutSeconds with the counts last seen", async () => {
    const taskNo = bench.addTask({ details: [ok("slow.example.com", 3600), ok("fast.example.com", 0)] });
    const create = bench.host.create(bench.inputs({ taskNo, timeoutSeconds: 1 }));
    await expect(create).rejects.toThrow(
      `DomainTask ${taskNo} did not complete within timeoutSeconds=1: last seen: 1 EXECUTING, 1 EXECUTE_SUCCESS of 2. Raise timeoutSeconds`,
    );
  });

  it("reports an API error with the task named", async () => {
    const create = bench.host.create(bench.inputs({ taskNo: "T-1", endpoint: "http://127.0.0.1:1" }));
    await expect(create).rejects.toThrow(/^DomainTask T-1: /);
  });
});

describe("Read (refresh)", () => {
  it("queries the task again and reports the drift", async () => {
    const taskNo = bench.addTask({ details: [ok("a.example.com", 60)] });
    const created = await bench.host.create(bench.inputs({ taskNo, waitFor: "none" }));
    expect(created.properties.status).toBe("EXECUTING");
    bench.clock.advance(61_000);
    const read = await bench.host.read(created.id, created.properties);
    expect(read.id).toBe(taskNo);
    expect(read.properties).toMatchObject({ taskNo, waitFor: "none", status: "EXECUTE_SUCCESS", complete: true, succeeded: true, taskResult: "OK" });
    expect(read.properties.__provider).toBe(bench.provider);
    await bench.host.printed(`DomainTask ${taskNo}: status was EXECUTING, is now EXECUTE_SUCCESS`);
  });


  it("keeps the last known outcome when the service no longer lists the task", async () => {
    const taskNo = bench.addTask({ details: [ok("a.example.com")] });
    const { properties } = await bench.host.create(bench.inputs({ taskNo }));
    // A TaskNo the service has no details for, in a state written before failFast, maxDetails and detailsOmitted.
    const aged: Record<string, unknown> = { ...properties, taskNo: "T-aged-out" };
    for (const key of ["failFast", "maxDetails", "detailsOmitted"]) delete aged[key];
    const read = await bench.host.read("T-aged-out", aged);
    expect(read.properties).toMatchObject({
      taskNo: "T-aged-out", status: "EXECUTE_SUCCESS", total: 1, details: properties.details, failFast: false, maxDetails: 100, detailsOmitted: 0,
    });
    await bench.host.printed("DomainTask T-aged-out: the task is no longer listed by the Domain API; keeping its last known outcome");
  });

  it("reads a task by ID alone (a DomainTask adopted with the `id` resource option)", async () => {
    const taskNo = bench.addTask({ details: [ok("a.example.com")] });
    const read = await bench.host.read(taskNo, { __provider: bench.provider });
    expect(read.properties).toMatchObject({ taskNo, waitFor: "success", status: "EXECUTE_SUCCESS", total: 1 });
  });
});

describe("Diff", () => {
  it("replaces on taskNo and triggers, updates in place on wait settings, and sees no change otherwise", async () => {
    const taskNo = bench.addTask({ details: [ok("a.example.com")] });
    const { properties: state } = await bench.host.create(bench.inputs({ taskNo, triggers: ["v1"] }));
    const checked = async (news: Record<string, unknown>) => (await bench.host.check(state, bench.inputs(news))).inputs;

    expect(await bench.host.diff(taskNo, state, await checked({ taskNo, triggers: ["v1"] })))
      .toEqual({ changes: "none", replaces: [], deleteBeforeReplace: false });
    expect(await bench.host.diff(taskNo, state, await checked({ taskNo: "T-other", triggers: ["v1"] })))
      .toEqual({ changes: "some", replaces: ["taskNo"], deleteBeforeReplace: false });
    expect(await bench.host.diff(taskNo, state, await checked({ taskNo, triggers: ["v2"] })))
      .toEqual({ changes: "some", replaces: ["triggers"], deleteBeforeReplace: false });
    expect(await bench.host.diff(taskNo, state, await checked({ taskNo, triggers: ["v1"], domainName: "a.example.com" })))
      .toMatchObject({ changes: "some", replaces: ["domainName"] });
    expect(await bench.host.diff(taskNo, state, await checked({ taskNo, triggers: ["v1"], waitFor: "completion", timeoutSeconds: 60 })))
      .toEqual({ changes: "some", replaces: [], deleteBeforeReplace: false });
  });
});

describe("Update", () => {
  it("re-evaluates the task with the new wait settings", async () => {
    const taskNo = bench.addTask({ details: [ok("a.example.com", 1)] });
    const created = await bench.host.create(bench.inputs({ taskNo, waitFor: "none" }));
    expect(created.properties.complete).toBe(false);
    const news = (await bench.host.check(created.properties, bench.inputs({ taskNo, waitFor: "success" }))).inputs;
    const updated = await bench.host.update(taskNo, created.properties, news);
    expect(updated).toMatchObject({ taskNo, waitFor: "success", status: "EXECUTE_SUCCESS", complete: true });
    expect(updated.__provider).toBe(bench.provider);
  });

  it("fails an update to waitFor success on a failed task, like create", async () => {
    const taskNo = bench.addTask({ details: [{ domainName: "bad.example.com", outcome: "failure", failReason: "Locked" }] });
    const created = await bench.host.create(bench.inputs({ taskNo, waitFor: "completion" }));
    const news = (await bench.host.check(created.properties, bench.inputs({ taskNo, waitFor: "success" }))).inputs;
    await expect(bench.host.update(taskNo, created.properties, news)).rejects.toThrow("bad.example.com");
  });
});

describe("Delete", () => {
  it("only forgets the resource: no API call is made", async () => {
    const taskNo = bench.addTask({ details: [ok("a.example.com")] });
    const { properties } = await bench.host.create(bench.inputs({ taskNo }));
    bench.emulator.resetStats();
    await bench.host.delete(taskNo, properties);
    expect(bench.emulator.stats().total).toBe(0);
  });
});
