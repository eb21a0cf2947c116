/**
 * Bad input on the DomainTask resource, through Pulumi's real dynamic-provider host: Check returns a failure
 * naming each bad property; awkward legal values pass Check and reach the emulator and the state unchanged.
 * Requires `npm run build` (the provider runs compiled inside the host).
 */
import type * as pulumi from "@pulumi/pulumi";
import { DomainTaskProvider } from "../../provider/provider";
import { startBench, type Bench } from "../provider/fixture";
import { AWKWARD_VALUES, LONG_VALUE } from "./bad-input";

let bench: Bench;
beforeAll(async () => {
  bench = await startBench();
});
afterAll(() => bench?.close());

describe("Check refuses bad values, one failure naming the property", () => {
  it.each<[string, unknown]>([
    ["taskNo", ""], ["taskNo", "   "], ["taskNo", 123], ["taskNo", true], ["taskNo", ["T-1"]], ["taskNo", { no: 1 }],
    ["waitFor", "sometimes"], ["waitFor", 5],
    ["timeoutSeconds", "10"], ["timeoutSeconds", -1], ["timeoutSeconds", 0], ["timeoutSeconds", 1e9],
    ["minDelaySeconds", -1], ["maxDelaySeconds", "30"], ["lang", "fr"], ["domainName", ""], ["instanceId", 7],
    ["endpoint", ""], ["product", "dns"], ["region", ""], ["triggers", "v1"],
    // Where requests go is refused at preview, not first at create.
    ["endpoint", "ftp://x"], ["endpoint", "http://example.com"], ["endpoint", "http://attacker.localhost:9"], ["endpoint", "https://u:pw@h"],
  ])("%s = %p", async (property, value) => {
    const { failures } = await bench.host.check({}, bench.inputs({ taskNo: "T-1", [property]: value }));
    expect(failures.map((f) => f.property)).toEqual([property]);
    expect(failures[0].reason).toContain(property);
  });
});

describe("the endpoint input at Check", () => {
  it("never echoes the password of a URL with credentials", async () => {
    const { failures } = await bench.host.check({}, bench.inputs({ taskNo: "T-1", endpoint: "https://deployer:hunter2-pw@h.example" }));
    expect(failures).toEqual([{ property: "endpoint", reason: expect.stringContaining('endpoint "https://***@h.example" must be a scheme, host and port only') }]);
    expect(JSON.stringify(failures)).not.toContain("hunter2-pw");
  });

  it("says how to opt in when plain http leaves the machine", async () => {
    const { failures } = await bench.host.check({}, bench.inputs({ taskNo: "T-1", endpoint: "http://example.com" }));
    expect(failures[0].reason).toContain("alicloud-domain-tasks:insecure true (Pulumi stack config)");
  });

  it.each(["http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9", "https://domain.aliyuncs.com", "domain-intl.aliyuncs.com"])("accepts %s", async (endpoint) => {
    const { failures } = await bench.host.check({}, bench.inputs({ taskNo: "T-1", endpoint }));
    expect(failures).toEqual([]);
  });

  it("accepts plain http off loopback once the stack opts in with alicloud-domain-tasks:insecure", async () => {
    const provider = new DomainTaskProvider();
    const config: Record<string, string> = { "alicloud-domain-tasks:insecure": "true" };
    await provider.configure({ config: { get: (key: string) => config[key] } } as unknown as pulumi.dynamic.ConfigureRequest);
    expect((await provider.check({}, { taskNo: "T-1", endpoint: "http://example.com" })).failures).toBeUndefined();
    expect((await new DomainTaskProvider().check({}, { taskNo: "T-1", endpoint: "http://example.com" })).failures).toEqual([
      { property: "endpoint", reason: expect.stringContaining("uses plain http to a host that is not loopback") },
    ]);
  });
});

describe("awkward legal values pass Check and round-trip through Create", () => {
  it.each(AWKWARD_VALUES)("taskNo and domainName with %s", async (_what, value) => {
    const domainName = value === LONG_VALUE ? "long.example.com" : value;
    const taskNo = bench.addTask({ taskNo: `provider:${value}`, details: [{ domainName, taskResult: value }, { domainName: "other.example" }] });
    const inputs = bench.inputs({ taskNo, domainName });
    const checked = await bench.host.check({}, inputs);
    expect(checked.failures).toEqual([]);
    expect(checked.inputs).toMatchObject({ taskNo, domainName });
    const { id, properties } = await bench.host.create(checked.inputs);
    expect(id).toBe(taskNo);
    expect(properties).toMatchObject({ taskNo, domainName, total: 1, succeeded: true, taskResult: value, details: [{ taskNo, domainName }] });
    const sent = bench.emulator.stats().requests.filter((r) => r.taskNo === taskNo);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.httpStatus === 200)).toBe(true);
  });
});
