/**
 * Bad input on the DomainTask resource, through Pulumi's real dynamic-provider host: Check returns a failure
 * naming each bad property; awkward legal values pass Check and reach the emulator and the state unchanged.
 * Requires `npm run build` (the provider runs compiled inside the host).
 */
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
  ])("%s = %p", async (property, value) => {
    const { failures } = await bench.host.check({}, bench.inputs({ taskNo: "T-1", [property]: value }));
    expect(failures.map((f) => f.property)).toEqual([property]);
    expect(failures[0].reason).toContain(property);
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
