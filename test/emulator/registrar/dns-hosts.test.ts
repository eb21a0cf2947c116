/**
 * DNS hosts (glue records), by the InstanceId QueryDomainByDomainName gives, with our client and two we did not
 * write: create, modify, delete and synchronize tasks of the right types, QueryDnsHost following each one's success;
 * the registry's rules (a host that exists, one that does not, one still serving a domain), TaskIsBeingProcessed
 * while a DNS-host task of the instance is open, bad parameters, RAM; and a name-server change to a glue host,
 * which fails until the host exists.
 */
import { detailsOf, page } from "../helpers";
import { CLIENTS, READ_ONLY, listParam, useRegistrar } from "./harness";

const reg = useRegistrar();

describe.each(CLIENTS)("%s", (_name, call) => {
  const instanceOf = async (domainName: string) => (await call(reg.emulator, "QueryDomainByDomainName", { DomainName: domainName })).body.InstanceId as string;
  const hosts = async (instanceId: string) => (await call(reg.emulator, "QueryDnsHost", { InstanceId: instanceId })).body.DnsHostList;
  const detail = async (taskNo: unknown, extra: Record<string, string> = {}) => detailsOf(await page(reg.emulator, taskNo as string, 1, 10, extra))[0];
  const host = (action: string, instanceId: string, dnsName: string, ips: string[] = []) =>
    call(reg.emulator, action, { InstanceId: instanceId, DnsName: dnsName, ...listParam("Ip", ips) });

  it("creates, modifies and deletes a host; QueryDnsHost shows each change once its detail succeeds, not before", async () => {
    const instanceId = await instanceOf("shop.example.com");
    expect(instanceId).toMatch(/^S\d{4}[0-9A-F]{10}$/);
    expect(await hosts(instanceId)).toEqual([]);

    const created = await host("SaveSingleTaskForCreatingDnsHost", instanceId, "ns1", ["192.0.2.10", "2001:db8::10"]);
    expect(created).toMatchObject({ status: 200, body: { TaskNo: expect.any(String) } });
    reg.clock.advance(4_000);
    expect(await hosts(instanceId)).toEqual([]);
    expect(await detail(created.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTING", TaskType: "CREATE_DNSHOST", TaskTypeDescription: "Create a DNS host", InstanceId: instanceId, DomainName: "shop.example.com" });
    reg.clock.advance(1_000);
    expect(await hosts(instanceId)).toEqual([{ DnsName: "ns1", IpList: ["192.0.2.10", "2001:db8::10"] }]);
    expect((await detail(created.body.TaskNo, { Lang: "zh" })).TaskTypeDescription).toBe("创建DNS host");

    const modified = await host("SaveSingleTaskForModifyingDnsHost", instanceId, "NS1", ["192.0.2.20"]);
    expect(await hosts(instanceId)).toEqual([{ DnsName: "ns1", IpList: ["192.0.2.10", "2001:db8::10"] }]);
    reg.finish();
    expect(await hosts(instanceId)).toEqual([{ DnsName: "ns1", IpList: ["192.0.2.20"] }]);
    expect(await detail(modified.body.TaskNo)).toMatchObject({ TaskType: "UPDATE_DNSHOST", TaskTypeDescription: "Update a DNS host", TaskStatus: "EXECUTE_SUCCESS" });

    const deleted = await host("SaveSingleTaskForDeletingDnsHost", instanceId, "ns1");
    reg.finish();
    expect(await hosts(instanceId)).toEqual([]);
    expect(await detail(deleted.body.TaskNo)).toMatchObject({ TaskType: "UPDATE_DNSHOST", TaskStatus: "EXECUTE_SUCCESS" });
    expect(reg.emulator.domainState("shop.example.com")?.dnsHosts).toEqual([]);
  });

  it("synchronizes an instance's hosts (SYNC_DNSHOST), changing nothing", async () => {
    const synced = await call(reg.emulator, "SaveSingleTaskForSynchronizingDnsHost", { InstanceId: "S2024GLUE000001" });
    reg.finish();
    expect(await detail(synced.body.TaskNo)).toMatchObject({ TaskType: "SYNC_DNSHOST", TaskTypeDescription: "Synchronize DNS host information", TaskStatus: "EXECUTE_SUCCESS", DomainName: "glue.example.net" });
    expect((await detail(synced.body.TaskNo, { Lang: "zh" })).TaskTypeDescription).toBe("同步DNS host");
    expect(await hosts("S2024GLUE000001")).toEqual([{ DnsName: "ns1", IpList: ["192.0.2.1"] }]);
  });

  it("fails what the registry refuses per detail: a host that exists, one that does not, one serving a domain, an expired domain", async () => {
    const exists = await host("SaveSingleTaskForCreatingDnsHost", "S2024GLUE000001", "ns1", ["192.0.2.9"]);
    reg.finish();
    expect(await detail(exists.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: "2302 Object exists (host ns1.glue.example.net)", ErrorMsg: expect.stringContaining("Modify it") });
    const missing = await host("SaveSingleTaskForModifyingDnsHost", "S2024GLUE000001", "ns2", ["192.0.2.9"]);
    reg.finish();
    expect(await detail(missing.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: "2303 Object does not exist (host ns2.glue.example.net)" });

    const served = await call(reg.emulator, "SaveBatchTaskForModifyingDomainDns", { ...listParam("DomainName", ["blog.example.com"]), AliyunDns: "false", ...listParam("DomainNameServer", ["ns1.glue.example.net", "dns2.hichina.com"]) });
    reg.finish();
    expect(await detail(served.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });
    const inUse = await host("SaveSingleTaskForDeletingDnsHost", "S2024GLUE000001", "ns1");
    reg.finish();
    expect(await detail(inUse.body.TaskNo)).toMatchObject({
      TaskStatus: "EXECUTE_FAILURE",
      FailReason: "2305 Object association prohibits operation (host ns1.glue.example.net is a DNS server of blog.example.com)",
    });
    expect(await hosts("S2024GLUE000001")).toEqual([{ DnsName: "ns1", IpList: ["192.0.2.1"] }]);

    const lapsed = await host("SaveSingleTaskForCreatingDnsHost", await instanceOf("lapsed.example.com"), "ns1", ["192.0.2.9"]);
    reg.finish();
    expect(await detail(lapsed.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: "2304 Object status prohibits operation (domain expired)", ErrorMsg: expect.stringContaining("before changing its DNS hosts") });
  });

  it("refuses a DNS-host task while another of the instance is open, and takes it once that one has finished", async () => {
    expect((await host("SaveSingleTaskForCreatingDnsHost", "S2024GLUE000001", "ns2", ["192.0.2.2"])).status).toBe(200);
    for (const busy of [
      await host("SaveSingleTaskForCreatingDnsHost", "S2024GLUE000001", "ns3", ["192.0.2.3"]),
      await call(reg.emulator, "SaveSingleTaskForSynchronizingDnsHost", { InstanceId: "S2024GLUE000001" }),
    ]) {
      expect(busy).toMatchObject({ status: 400, code: "TaskIsBeingProcessed" });
    }
    // Another instance is not busy.
    expect((await host("SaveSingleTaskForCreatingDnsHost", await instanceOf("shop.example.com"), "ns1", ["192.0.2.4"])).status).toBe(200);
    reg.finish();
    expect((await host("SaveSingleTaskForCreatingDnsHost", "S2024GLUE000001", "ns3", ["192.0.2.3"])).status).toBe(200);
    expect((await call(reg.emulator, "QueryTaskList", { PageNum: "1", PageSize: "10" })).body.TotalItemNum).toBe(3);
  });

  it("refuses bad parameters, an unknown instance and a key without domain:DnsHostModification, creating no task", async () => {
    const refused = async (answer: Promise<{ status: number; code?: string; message?: string }>) => {
      const a = await answer;
      expect(a.status).toBeGreaterThanOrEqual(400);
      return a;
    };
    const create = "SaveSingleTaskForCreatingDnsHost";
    expect(await refused(call(reg.emulator, create, { DnsName: "ns2", ...listParam("Ip", ["192.0.2.2"]) }))).toMatchObject({ code: "MissingInstanceId" });
    expect(await refused(call(reg.emulator, create, { InstanceId: "S2024GLUE000001", ...listParam("Ip", ["192.0.2.2"]) }))).toMatchObject({ code: "MissingDnsName" });
    expect(await refused(host(create, "S2024GLUE000001", "ns2"))).toMatchObject({ code: "MissingIp" });
    expect(await refused(host(create, "S2024GLUE000001", "ns2.glue.example.net", ["192.0.2.2"]))).toMatchObject({ code: "ParameterIllegal", message: expect.stringContaining("ns1 for ns1.example.com") });
    expect(await refused(host(create, "S2024GLUE000001", "ns2", ["192.0.2.300"]))).toMatchObject({ code: "ParameterIllegal", message: expect.stringContaining('Ip="192.0.2.300"') });
    const fourteen = Array.from({ length: 14 }, (_, i) => `192.0.2.${i + 1}`);
    expect(await refused(host(create, "S2024GLUE000001", "ns2", fourteen))).toMatchObject({ code: "ParameterIllegal", message: expect.stringContaining("at most 13") });
    expect(await refused(host(create, "S0000NOSUCH", "ns2", ["192.0.2.2"]))).toMatchObject({ code: "DomainNotExist" });
    expect(await refused(call(reg.emulator, "QueryDnsHost", { InstanceId: "S0000NOSUCH" }))).toMatchObject({ code: "DomainNotExist" });
    expect(await refused(call(reg.emulator, "QueryDnsHost", {}))).toMatchObject({ code: "MissingInstanceId" });
    for (const action of [create, "SaveSingleTaskForModifyingDnsHost", "SaveSingleTaskForDeletingDnsHost", "SaveSingleTaskForSynchronizingDnsHost"]) {
      const denied = await call(reg.emulator, action, { InstanceId: "S2024GLUE000001", DnsName: "ns1", ...listParam("Ip", ["192.0.2.2"]) }, { credential: READ_ONLY });
      expect(denied).toMatchObject({ status: 403, code: "Forbidden.RAM", message: expect.stringContaining("domain:DnsHostModification") });
    }
    expect((await call(reg.emulator, "QueryTaskList", { PageNum: "1", PageSize: "10" })).body.TotalItemNum).toBe(0);
    expect(await hosts("S2024GLUE000001")).toEqual([{ DnsName: "ns1", IpList: ["192.0.2.1"] }]);
  });

  it("lets a domain use its own glue host as a name server only once the host exists at the registry", async () => {
    const instanceId = await instanceOf("shop.example.com");
    const toGlue = () =>
      call(reg.emulator, "SaveBatchTaskForModifyingDomainDns", { ...listParam("DomainName", ["shop.example.com"]), AliyunDns: "false", ...listParam("DomainNameServer", ["ns1.shop.example.com", "ns1.glue.example.net"]) });
    const early = await toGlue();
    reg.finish();
    expect(await detail(early.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: "2303 Object does not exist (host ns1.shop.example.com)" });
    await host("SaveSingleTaskForCreatingDnsHost", instanceId, "ns1", ["192.0.2.10"]);
    reg.finish();
    const late = await toGlue();
    reg.finish();
    expect(await detail(late.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });
    expect((await call(reg.emulator, "QueryDomainByDomainName", { DomainName: "shop.example.com" })).body.DnsList).toEqual({ Dns: ["ns1.shop.example.com", "ns1.glue.example.net"] });
  });
});
