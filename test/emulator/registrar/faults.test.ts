/**
 * Fault rules and quirks on the registrar actions, through the one write seam (emulator/actions/index.ts): every
 * write can be struck before it is carried out (no task) or after (`afterWrite`: the task exists, the answer is
 * the fault - what a client must never turn into a second task); the write quirks bend every write's answer; the
 * reads can be faulted by name. Driven by openapi-core, a client we did not write.
 */
import type { FaultConfig } from "../../../emulator";
import { openApiCoreCall } from "../foreign-clients";
import { listParam, useRegistrar } from "./harness";

const reg = useRegistrar();

/** One valid request per registrar write (each on its own domain or instance, so none is busy). */
const WRITES: [string, Record<string, string>][] = [
  ["SaveBatchTaskForTransferProhibitionLock", { ...listParam("DomainName", ["shop.example.com"]), Status: "true" }],
  ["SaveSingleTaskForTransferProhibitionLock", { DomainName: "shop.example.com", Status: "true" }],
  ["SaveBatchTaskForUpdateProhibitionLock", { ...listParam("DomainName", ["shop.example.com"]), Status: "true" }],
  ["SaveSingleTaskForUpdateProhibitionLock", { DomainName: "shop.example.com", Status: "true" }],
  ["SaveBatchTaskForDomainNameProxyService", { ...listParam("DomainName", ["shop.example.com"]), Status: "true" }],
  ["SaveSingleTaskForDomainNameProxyService", { DomainName: "shop.example.com", Status: "true" }],
  ["SaveSingleTaskForCreatingDnsHost", { InstanceId: "S2024GLUE000001", DnsName: "ns2", ...listParam("Ip", ["192.0.2.2"]) }],
  ["SaveSingleTaskForModifyingDnsHost", { InstanceId: "S2024GLUE000001", DnsName: "ns1", ...listParam("Ip", ["192.0.2.3"]) }],
  ["SaveSingleTaskForDeletingDnsHost", { InstanceId: "S2024GLUE000001", DnsName: "ns1" }],
  ["SaveSingleTaskForSynchronizingDnsHost", { InstanceId: "S2024GLUE000001" }],
  ["SaveBatchTaskForUpdatingContactInfoByRegistrantProfileId", { ...listParam("DomainName", ["shop.example.com"]), ContactType: "admin", RegistrantProfileId: "5" }],
];

const tasks = async () => (await openApiCoreCall(reg.emulator, "QueryTaskList", { PageNum: "1", PageSize: "10" })).body.TotalItemNum;

describe.each(WRITES)("%s", (action, params) => {
  const strike = (faults: FaultConfig) => {
    reg.emulator.setFaults(faults);
    return openApiCoreCall(reg.emulator, action, params);
  };

  it("a fault before the write creates no task", async () => {
    expect(await strike({ rules: [{ fault: "serviceUnavailable", actions: [action], every: 1 }] })).toMatchObject({ status: 503, body: { Code: "ServiceUnavailable" } });
    reg.emulator.setFaults({});
    expect(await tasks()).toBe(0);
  });

  it("a 5xx after the write was accepted: the task exists, the log names it, and the answer is the fault", async () => {
    expect(await strike({ rules: [{ fault: "internalError", actions: [action], every: 1, afterWrite: true }] })).toMatchObject({ status: 500, body: { Code: "InternalError" } });
    reg.emulator.setFaults({});
    expect(await tasks()).toBe(1);
    const [record] = reg.emulator.stats().requests.filter((r) => r.action === action);
    expect(record).toMatchObject({ httpStatus: 500, fault: "internalError", taskNo: expect.any(String) });
  });

  it("takes the write quirks: a success body with Code 200, and the previous write's TaskNo", async () => {
    const first = await strike({ writeQuirks: { successCode200: true, staleTaskNo: true } });
    expect(first).toMatchObject({ status: 200, body: { Code: "200", Success: true, TaskNo: expect.any(String) } });
    reg.finish();
    const second = await openApiCoreCall(reg.emulator, action, params); // accepted: the first has finished
    expect(second.body.TaskNo).toBe(first.body.TaskNo);
  });
});

it("faults the reads by name: QueryDnsHost and QueryDomainByDomainName", async () => {
  reg.emulator.setFaults({ rules: [{ fault: "throttling", actions: ["QueryDnsHost", "QueryDomainByDomainName"], every: 2 }] });
  const dns = () => openApiCoreCall(reg.emulator, "QueryDnsHost", { InstanceId: "S2024GLUE000001" });
  const domain = () => openApiCoreCall(reg.emulator, "QueryDomainByDomainName", { DomainName: "shop.example.com" });
  expect([(await dns()).status, (await dns()).status, (await domain()).status, (await domain()).status]).toEqual([200, 400, 200, 400]);
});
