/**
 * The DomainTask provider keeps the secret out of everything the engine stores or shows: the serialized
 * `__provider`, Check/Create/Read/Diff/Update responses (state and outputs), error messages (API, signature,
 * timeout, endpoint) and the host's log output (pulumi.log lines). Runs Pulumi's real dynamic-provider host
 * over gRPC (`npm run build` first; npm test builds).
 */
import { registerDomainTask } from "../provider/serialized";
import { allText, startBench, TEST_KEY_ID, TEST_SECRET, type Bench } from "../provider/fixture";
import { expectNoSecret } from "./leak-check";

const secrets = [TEST_SECRET];

describe("the serialized provider", () => {
  it("holds no secret even when stack config and the environment carry one", async () => {
    const saved = process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = TEST_SECRET;
    try {
      const registered = await registerDomainTask({ "alicloud:accessKey": TEST_KEY_ID, "alicloud:secretKey": TEST_SECRET });
      expect(String(registered.inputs.__provider).length).toBeGreaterThan(100);
      expectNoSecret(allText(registered), secrets);
    } finally {
      if (saved === undefined) delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
      else process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = saved;
    }
  });
});

describe("the host's responses, errors and logs", () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await startBench();
  });
  afterAll(() => bench?.close());
  afterEach(() => expectNoSecret(bench.host.output(), secrets));

  const failure = (work: Promise<unknown>) => work.then(() => new Error("expected a failure"), (e: Error) => e);

  it("Check, Create, Read, Diff and Update carry no secret", async () => {
    const taskNo = bench.addTask({ details: [{ domainName: "example.com", outcome: "failure", failReason: "registry said no" }] });
    const inputs = bench.inputs({ taskNo, waitFor: "completion" });
    const checked = await bench.host.check({}, inputs);
    const created = await bench.host.create(checked.inputs);
    const read = await bench.host.read(created.id, created.properties, checked.inputs);
    const diff = await bench.host.diff(created.id, created.properties, { ...checked.inputs, triggers: [1] });
    const updated = await bench.host.update(created.id, created.properties, { ...checked.inputs, triggers: [1] });
    expect(created.properties).toMatchObject({ taskNo, complete: true });
    expectNoSecret(allText([checked, created, read, diff, updated]), secrets);
  });

  it("a failed task (waitFor success), a timeout and a plain-http endpoint fail without the secret", async () => {
    const failed = bench.addTask({ details: [{ domainName: "example.com", outcome: "failure", failReason: "registry said no" }] });
    const open = bench.addTask({ details: [{ domainName: "slow.example.com", finishAfterSeconds: 1e6 }] });
    const errors = [
      await failure(bench.host.create(bench.inputs({ taskNo: failed, waitFor: "success" }))),
      await failure(bench.host.create(bench.inputs({ taskNo: open, timeoutSeconds: 0.5 }))),
      await failure(bench.host.create(bench.inputs({ taskNo: failed, endpoint: "http://203.0.113.7:80" }))),
    ];
    expect(errors[0].message).toContain("registry said no");
    expect(errors[1].message).toMatch(/timed out|timeout/i);
    expect(errors[2].message).toContain("endpoint");
    expectNoSecret(errors.map((e) => `${e.message}\n${e.stack}`).join("\n"), secrets);
  });

  it("API errors (throttling, an HTML 502) fail without the secret", async () => {
    const taskNo = bench.addTask({ details: [{ domainName: "example.com" }] });
    bench.emulator.setFaults({ rules: [{ fault: "throttling", from: 1 }] });
    const throttled = await failure(bench.host.create(bench.inputs({ taskNo })));
    bench.emulator.setFaults({ rules: [{ fault: "html502", from: 1 }] });
    const badGateway = await failure(bench.host.create(bench.inputs({ taskNo })));
    bench.emulator.setFaults({});
    expect(throttled.message).toContain("Throttling");
    expectNoSecret(`${throttled.message}\n${badGateway.message}`, secrets);
  });
});

describe("a host configured with a wrong secret", () => {
  const WRONG = "wrong-secret-3f9c2a7d1e5b8c4f0a6d";
  let bench: Bench;
  beforeAll(async () => {
    bench = await startBench({ config: (emulator) => ({ "alicloud:accessKey": TEST_KEY_ID, "alicloud:secretKey": WRONG, "alicloud-domain-tasks:endpoint": emulator.url }) });
  });
  afterAll(() => bench?.close());

  it("fails Create with SignatureDoesNotMatch, quoting neither secret, in the error or the log", async () => {
    const taskNo = bench.addTask({ details: [{ domainName: "example.com" }] });
    const error = await bench.host.create(bench.inputs({ taskNo })).then(() => new Error("expected a failure"), (e: Error) => e);
    expect(error.message).toContain("SignatureDoesNotMatch");
    expectNoSecret(`${error.message}\n${bench.host.output()}`, [WRONG, TEST_SECRET]);
  });
});
