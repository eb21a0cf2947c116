/**
 * The emulator's write side over real HTTP (openapi-client, as the SDKs call it): SaveBatchTaskForModifyingDomainDns
 * makes a CHG_DNS task on the schedule, QueryDomainByDomainName's DnsList follows the details, QueryTaskList pages
 * the account's tasks, and all three are signed and refused like QueryTaskDetailList.
 */
import { startEmulator, type Emulator, type EmulatorCredential } from "../../emulator";
import { VirtualClock } from "../../sdk/clock";
import { callApi, callError, detailsOf, page } from "../emulator/helpers";

const DENIED: EmulatorCredential = { accessKeyId: "read-only-key", accessKeySecret: "read-only-secret", deniedActions: ["domain:DnsModification"] };
const OPEN: EmulatorCredential = { accessKeyId: "emulator-access-key-id", accessKeySecret: "emulator-access-key-secret" };

let emulator: Emulator;
let clock: VirtualClock;

beforeEach(async () => {
  clock = new VirtualClock(Date.UTC(2026, 5, 1, 2, 0, 0));
  emulator = await startEmulator({
    clock,
    credentials: [OPEN, DENIED],
    scenario: {
      tasks: [],
      domains: [
        { domainName: "shop.example.com", nameServers: ["ns1.old-dns.example", "ns2.old-dns.example"], changeStartAfterSeconds: 2, changeFinishAfterSeconds: 5 },
        { domainName: "blog.example.com" },
        { domainName: "locked.example.com", updateProhibited: true },
        { domainName: "lapsed.example.com", expired: true },
      ],
      unregisteredNameServers: ["ns9.unregistered.example"],
    },
  });
});
afterEach(() => emulator.close());

const submit = (domains: string[], nameServers: string[] | "aliyun", options = {}) =>
  callApi(
    emulator,
    {
      ...Object.fromEntries(domains.map((d, i) => [`DomainName.${i + 1}`, d])),
      AliyunDns: nameServers === "aliyun" ? "true" : "false",
      ...(nameServers === "aliyun" ? {} : Object.fromEntries(nameServers.map((n, i) => [`DomainNameServer.${i + 1}`, n]))),
    },
    { action: "SaveBatchTaskForModifyingDomainDns", ...options },
  );
const dnsOf = async (domainName: string) =>
  ((await callApi(emulator, { DomainName: domainName }, { action: "QueryDomainByDomainName" })).body.DnsList as { Dns: string[] }).Dns;

it("turns a submission into a CHG_DNS task whose success changes the domain's DnsList, not before", async () => {
  const { body } = await submit(["shop.example.com", "blog.example.com"], ["ns1.new-dns.example", "NS2.new-dns.example."]);
  expect(body).toEqual({ RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/), TaskNo: expect.any(String) });
  const taskNo = body.TaskNo as string;
  const statusOf = async () => Object.fromEntries(detailsOf(await page(emulator, taskNo, 1, 10)).map((d) => [d.DomainName, d.TaskStatus]));

  expect(await statusOf()).toEqual({ "shop.example.com": "WAITING_EXECUTE", "blog.example.com": "WAITING_EXECUTE" });
  expect(await dnsOf("shop.example.com")).toEqual(["ns1.old-dns.example", "ns2.old-dns.example"]);
  clock.advance(4_000);
  expect(await statusOf()).toEqual({ "shop.example.com": "EXECUTING", "blog.example.com": "EXECUTE_SUCCESS" });
  expect(await dnsOf("shop.example.com")).toEqual(["ns1.old-dns.example", "ns2.old-dns.example"]);
  expect(await dnsOf("blog.example.com")).toEqual(["ns1.new-dns.example", "ns2.new-dns.example"]);
  clock.advance(1_000);
  expect((await statusOf())["shop.example.com"]).toBe("EXECUTE_SUCCESS");
  expect(await dnsOf("shop.example.com")).toEqual(["ns1.new-dns.example", "ns2.new-dns.example"]);
  expect(detailsOf(await page(emulator, taskNo, 1, 10))[0]).toMatchObject({ TaskType: "CHG_DNS", TaskTypeDescription: "DNS Modification" });
});

it("fails a locked, an expired domain and an unknown name server with the registry's reasons; the DnsList stays", async () => {
  const locked = (await submit(["locked.example.com", "lapsed.example.com"], ["ns1.new-dns.example", "ns2.new-dns.example"])).body.TaskNo as string;
  const unknownHost = (await submit(["blog.example.com"], ["ns1.new-dns.example", "ns9.unregistered.example"], {})).body.TaskNo as string;
  clock.advance(10_000);
  const failures = [...detailsOf(await page(emulator, locked, 1, 10)), ...detailsOf(await page(emulator, unknownHost, 1, 10, { Lang: "zh" }))];
  expect(failures.map((d) => [d.DomainName, d.TaskStatus, d.FailReason])).toEqual([
    ["locked.example.com", "EXECUTE_FAILURE", "2304 Object status prohibits operation (clientUpdateProhibited)"],
    ["lapsed.example.com", "EXECUTE_FAILURE", "2304 Object status prohibits operation (domain expired)"],
    ["blog.example.com", "EXECUTE_FAILURE", "2303 Object does not exist (host ns9.unregistered.example)"],
  ]);
  expect(failures[0].ErrorMsg).toMatch(/update prohibition lock .*Remove the lock/);
  expect(await dnsOf("blog.example.com")).toEqual(["dns1.hichina.com", "dns2.hichina.com"]);
  const lapsed = (await callApi(emulator, { DomainName: "lapsed.example.com" }, { action: "QueryDomainByDomainName" })).body;
  expect(lapsed).toMatchObject({ DomainStatus: "1", UpdateProhibitionLock: "CLOSE", ExpirationDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
  expect(lapsed.ExpirationDateLong as number).toBeLessThan(clock.now());
});

it("moves domains to Alibaba Cloud DNS with AliyunDns=true", async () => {
  await submit(["shop.example.com"], "aliyun");
  clock.advance(5_000);
  expect(await dnsOf("shop.example.com")).toEqual(["dns1.hichina.com", "dns2.hichina.com"]);
});

it("refuses a submission it cannot accept, naming the parameter, and creates no task", async () => {
  const refusal = async (query: Record<string, string>) =>
    (await callError(callApi(emulator, query, { action: "SaveBatchTaskForModifyingDomainDns" }))).data;
  expect(await refusal({ AliyunDns: "false", "DomainNameServer.1": "ns1.x.example" })).toMatchObject({ Code: "MissingDomainName" });
  expect(await refusal({ "DomainName.1": "shop.example.com" })).toMatchObject({ Code: "MissingAliyunDns" });
  expect(await refusal({ "DomainName.1": "shop.example.com", AliyunDns: "maybe" })).toMatchObject({ Code: "InvalidAliyunDns", Message: expect.stringContaining('AliyunDns="maybe"') });
  expect(await refusal({ "DomainName.1": "shop.example.com", AliyunDns: "false" })).toMatchObject({ Code: "ParameterIllegal", Message: expect.stringContaining("DomainNameServer is required") });
  expect(await refusal({ "DomainName.1": "shop.example.com", "DomainName.2": "typo.example.com", AliyunDns: "true" })).toMatchObject({
    Code: "DomainNotExist",
    Message: "The domain name does not exist.",
  });
  const list = (await callApi(emulator, { PageNum: "1", PageSize: "10" }, { action: "QueryTaskList" })).body;
  expect(list.TotalItemNum).toBe(0);
});

it("refuses a key without domain:DnsModification with 403 Forbidden.RAM, and an unsigned or badly signed call", async () => {
  const denied = await callError(submit(["shop.example.com"], "aliyun", { credential: DENIED }));
  expect(denied).toMatchObject({ statusCode: 403, data: { Code: "Forbidden.RAM", Message: expect.stringContaining("domain:DnsModification") } });
  expect((await callApi(emulator, { DomainName: "shop.example.com" }, { action: "QueryDomainByDomainName", credential: DENIED })).statusCode).toBe(200);
  const forged = await callError(submit(["shop.example.com"], "aliyun", { credential: { ...OPEN, accessKeySecret: "wrong" }, signature: "v1" }));
  expect(forged).toMatchObject({ statusCode: 400, data: { Code: "SignatureDoesNotMatch" } });
  const unknown = await callError(callApi(emulator, { DomainName: "nope.example.com" }, { action: "QueryDomainByDomainName" }));
  expect(unknown).toMatchObject({ statusCode: 400, data: { Code: "DomainNotExist" } });
});

it("lists the account's tasks newest first, paged, with task-level statuses, within whole days", async () => {
  const first = (await submit(["blog.example.com"], "aliyun")).body.TaskNo;
  clock.advance(60_000);
  const second = (await submit(["shop.example.com"], "aliyun")).body.TaskNo;
  const seeded = emulator.addTask({ taskType: "ORDER_RENEW", details: [{ domainName: "x.example.com", startAfterSeconds: 5, finishAfterSeconds: 9 }] });
  const list = async (query: Record<string, string>) => (await callApi(emulator, query, { action: "QueryTaskList" })).body;

  const one = await list({ PageNum: "1", PageSize: "2" });
  expect(one).toMatchObject({ CurrentPageNum: 1, TotalPageNum: 2, TotalItemNum: 3, PageSize: 2, PrePage: false, NextPage: true });
  const infos = (one.Data as { TaskInfo: Record<string, unknown>[] }).TaskInfo;
  expect(infos.map((t) => t.TaskNo).sort()).toEqual([second, seeded].sort());
  expect(infos.find((t) => t.TaskNo === seeded)).toMatchObject({ TaskStatus: "WAITING_EXECUTE", TaskStatusCode: 1, TaskNum: 1, TaskCancelStatus: "INIT" });
  expect(infos.find((t) => t.TaskNo === second)).toMatchObject({ TaskType: "CHG_DNS", Clientip: "127.0.0.1", CreateTime: expect.stringMatching(/^[A-Z][a-z]{2} \d\d,\d{4} \d\d:\d\d:\d\d$/) });
  const two = (await list({ PageNum: "2", PageSize: "2" })).Data as { TaskInfo: Record<string, unknown>[] };
  expect(two.TaskInfo).toEqual([expect.objectContaining({ TaskNo: first, TaskStatus: "COMPLETE", TaskStatusCode: 3 })]);

  // By day: a window inside today still lists today's tasks; yesterday lists none.
  const now = clock.now();
  expect((await list({ PageNum: "1", PageSize: "10", BeginCreateTime: String(now), EndCreateTime: String(now) })).TotalItemNum).toBe(3);
  const yesterday = String(now - 24 * 3600 * 1000);
  expect((await list({ PageNum: "1", PageSize: "10", BeginCreateTime: yesterday, EndCreateTime: yesterday })).TotalItemNum).toBe(0);
  expect((await callError(callApi(emulator, { PageNum: "1" }, { action: "QueryTaskList" }))).data).toMatchObject({ Code: "MissingPageSize" });
});
