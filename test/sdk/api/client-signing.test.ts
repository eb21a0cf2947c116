import * as util from "node:util";
import { startEmulator } from "../../../emulator";
import { DomainTaskClient } from "../../../sdk/api/client";
import { DomainApiError } from "../../../sdk/errors";
import { apiRequests, clientFor, DEFAULT_CREDENTIAL, rejectionOf, useEmulator } from "./harness";

const STS = { accessKeyId: "STS.emulator-sts-key", accessKeySecret: "sts-secret-value", securityToken: "sts-token-value" };
const ctx = useEmulator({ credentials: [DEFAULT_CREDENTIAL, STS] });

describe.each(["v3", "v1"] as const)("DomainTaskClient signing %s", (signatureVersion) => {
  it("signs with an AccessKey pair and parses the page", async () => {
    const taskNo = ctx.emu.addTask({ taskType: "CHG_DNS", details: [{ domainName: "example.com", outcome: "success" }] });
    const { client } = clientFor(ctx.emu, { signatureVersion });
    const page = await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 1000 });
    expect(page).toMatchObject({ currentPageNum: 1, totalItemNum: 1, totalPageNum: 1, pageSize: 1000 });
    expect(page.details).toEqual([expect.objectContaining({ taskNo, domainName: "example.com", taskStatus: "EXECUTE_SUCCESS", taskStatusCode: 2 })]);
    expect(page.requestId).toMatch(/\S/);
    expect(apiRequests(ctx.emu)).toBe(1);
  });

  it("signs with an STS token", async () => {
    const taskNo = ctx.emu.addTask({ details: [{ domainName: "sts.example" }] });
    const { client } = clientFor(ctx.emu, { signatureVersion, credentials: STS });
    const page = await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 10 });
    expect(page.details.map((d) => d.domainName)).toEqual(["sts.example"]);
  });

  it("signs and sends values with &, =, %, +, spaces, newlines and unicode intact", async () => {
    const taskNo = `T&a=b%2F+c d\n任务-ü*~'()!-${signatureVersion}`;
    const domainName = "bücher-例え.example";
    ctx.emu.addTask({ taskNo, details: [{ domainName }, { domainName: "other.example" }] });
    const { client } = clientFor(ctx.emu, { signatureVersion });
    const page = await client.queryTaskDetailList({ taskNo, domainName, pageNum: 1, pageSize: 10, lang: "zh" });
    expect(page.details.map((d) => [d.taskNo, d.domainName])).toEqual([[taskNo, domainName]]);
  });

  it("sends every filter: TaskStatus by name or code, InstanceId", async () => {
    const taskNo = ctx.emu.addTask({
      details: [
        { domainName: "ok.example", instanceId: "S1", outcome: "success" },
        { domainName: "bad.example", instanceId: "S2", outcome: "failure" },
      ],
    });
    const { client } = clientFor(ctx.emu, { signatureVersion });
    const byName = await client.queryTaskDetailList({ taskNo, taskStatus: "EXECUTE_FAILURE", pageNum: 1, pageSize: 10 });
    const byCode = await client.queryTaskDetailList({ taskNo, taskStatus: 2, pageNum: 1, pageSize: 10 });
    const byInstance = await client.queryTaskDetailList({ taskNo, instanceId: "S2", pageNum: 1, pageSize: 10 });
    expect(byName.details.map((d) => d.domainName)).toEqual(["bad.example"]);
    expect(byCode.details.map((d) => d.domainName)).toEqual(["ok.example"]);
    expect(byInstance.details.map((d) => d.domainName)).toEqual(["bad.example"]);
    expect(ctx.emu.stats().requests.map((r) => r.taskStatus)).toEqual(["3", "2", undefined]);
  });

  it("fails with SignatureDoesNotMatch (HTTP 400, as the gateway answers it) for a wrong secret, once, without retrying or leaking it", async () => {
    const { client } = clientFor(ctx.emu, {
      signatureVersion,
      credentials: { accessKeyId: DEFAULT_CREDENTIAL.accessKeyId, accessKeySecret: "wrong-secret-do-not-leak" },
    });
    const err = await rejectionOf(client.queryTaskDetailList({ taskNo: "T1", pageNum: 1, pageSize: 10 }));
    expect(DomainApiError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ code: "SignatureDoesNotMatch", statusCode: 400, retryable: false, attempts: 1 });
    expect((err as DomainApiError).requestId).toMatch(/\S/);
    expect(err.message).toMatch(/^SignatureDoesNotMatch \(HTTP 400\): .* RequestId: \S+\. Check that the AccessKey secret belongs/s);
    expect(err.message + JSON.stringify(err) + util.inspect(err, { depth: 5 })).not.toContain("wrong-secret-do-not-leak");
    expect(apiRequests(ctx.emu)).toBe(1);
  });

  it("redacts the STS token and signature from a SignatureDoesNotMatch that echoes the string-to-sign", async () => {
    const { client } = clientFor(ctx.emu, { signatureVersion, credentials: { ...STS, accessKeySecret: "wrong-sts-secret-value" } });
    const err = await rejectionOf(client.queryTaskDetailList({ taskNo: "T1", pageNum: 1, pageSize: 10 }));
    expect(err).toMatchObject({ code: "SignatureDoesNotMatch", retryable: false });
    const everything = err.message + JSON.stringify(err) + util.inspect(err, { depth: 10, showHidden: true });
    expect(everything).not.toContain(STS.securityToken);
    expect(everything).not.toContain("wrong-sts-secret-value");
  });

  it("fails with InvalidAccessKeyId.NotFound for an unknown key, without retrying", async () => {
    const { client } = clientFor(ctx.emu, { signatureVersion, credentials: { accessKeyId: "nobody", accessKeySecret: "x" } });
    const err = await rejectionOf(client.queryTaskDetailList({ taskNo: "T1", pageNum: 1, pageSize: 10 }));
    expect(err).toMatchObject({ code: "InvalidAccessKeyId.NotFound", statusCode: 404, retryable: false, attempts: 1 });
    expect(err.message).toMatch(/Check that the AccessKey ID exists/);
    expect(apiRequests(ctx.emu)).toBe(1);
  });

  it("fails without retrying when an STS key is used without its token", async () => {
    const { client } = clientFor(ctx.emu, { signatureVersion, credentials: { accessKeyId: STS.accessKeyId, accessKeySecret: STS.accessKeySecret } });
    const err = await rejectionOf(client.queryTaskDetailList({ taskNo: "T1", pageNum: 1, pageSize: 10 }));
    expect(err).toMatchObject({ code: "MissingSecurityToken", statusCode: 400, retryable: false });
    expect(apiRequests(ctx.emu)).toBe(1);
  });
});

describe("DomainTaskClient products", () => {
  it("speaks domain-intl's API version (2017-12-18) when product is domain-intl or region ap-southeast-1", async () => {
    const taskNo = ctx.emu.addTask({ details: [{ domainName: "intl.example" }] });
    for (const options of [{ product: "domain-intl" as const }, { region: "ap-southeast-1" }]) {
      const { client } = clientFor(ctx.emu, options);
      expect(client.product).toBe("domain-intl");
      const page = await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 10 });
      expect(page.details).toHaveLength(1);
    }
  });

  it("reads the endpoint from ALIBABA_CLOUD_DOMAIN_ENDPOINT and the region from ALICLOUD_REGION", async () => {
    const taskNo = ctx.emu.addTask({ details: [{ domainName: "env.example" }] });
    const client = new DomainTaskClient({
      credentials: { ...DEFAULT_CREDENTIAL },
      env: { ALIBABA_CLOUD_DOMAIN_ENDPOINT: ctx.emu.url, ALICLOUD_REGION: "ap-southeast-1" },
    });
    expect([client.endpoint, client.region, client.product]).toEqual([ctx.emu.url, "ap-southeast-1", "domain-intl"]);
    expect((await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 10 })).details).toHaveLength(1);
  });
});

describe("DomainTaskClient secrecy", () => {
  it("shows no secret when inspected, stringified or spread", async () => {
    const secret = "very-secret-value-123";
    const client = new DomainTaskClient({
      endpoint: ctx.emu.url,
      credentials: { accessKeyId: DEFAULT_CREDENTIAL.accessKeyId, accessKeySecret: secret, securityToken: "token-secret-456" },
      env: {},
    });
    await client.queryTaskDetailList({ taskNo: "T1", pageNum: 1, pageSize: 1 }).catch(() => undefined); // builds the inner client
    const shown = [util.inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client), JSON.stringify({ ...client }), String(client)].join("\n");
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain("token-secret-456");
    expect(shown).toContain(ctx.emu.url);
  });
});

describe("DomainTaskClient and the request time window", () => {
  it("fails with InvalidTimeStamp.Expired, once, advising to check the clock, when this machine's clock is off", async () => {
    const skewed = await startEmulator({ requestClock: { now: () => Date.now() + 60 * 60 * 1000 } });
    try {
      const { client } = clientFor(skewed);
      const err = await rejectionOf(client.queryTaskDetailList({ taskNo: "T1", pageNum: 1, pageSize: 10 }));
      expect(err).toMatchObject({ code: "InvalidTimeStamp.Expired", statusCode: 400, retryable: false, attempts: 1 });
      expect(err.message).toMatch(/Check this machine's clock/);
      expect(apiRequests(skewed)).toBe(1);
    } finally {
      await skewed.close();
    }
  });
});
