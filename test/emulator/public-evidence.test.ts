/**
 * What the public evidence says the service answers (issue 21, docs/emulator.md), as two clients we did not write
 * see it: @alicloud/pop-core (V1) and @alicloud/openapi-core (V3). TryCount, TaskTypeDescription in both languages,
 * the Domain API's own error texts and the error body's fields.
 */
import { startEmulator, type Emulator } from "../../emulator";
import { FOREIGN_CLIENTS } from "./foreign-clients";

/** CHG_DNS as the PollTaskResult samples answer it, and every type as the Chinese API reference lists it. */
const DOCUMENTED_ZH: Record<string, string> = {
  CHG_HOLDER: "修改所有者信息",
  CHG_DNS: "修改DNS",
  SET_WHOIS_PROTECT: "设置隐私保护",
  UPDATE_ADMIN_CONTACT: "修改管理者信息",
  UPDATE_BILLING_CONTACT: "修改付费者信息",
  UPDATE_TECH_CONTACT: "修改技术者信息",
  SET_UPDATE_PROHIBITED: "设置域名安全锁",
  SET_TRANSFER_PROHIBITED: "设置域名转移锁",
  ORDER_ACTIVATE: "创建注册订单",
  ORDER_RENEW: "创建续费订单",
  ORDER_REDEEM: "创建赎回订单",
  CREATE_DNSHOST: "创建DNS host",
  UPDATE_DNSHOST: "更新DNS host",
  SYNC_DNSHOST: "同步DNS host",
};

const MIXED = "T-TRIES";
let emulator: Emulator;
const byType: Record<string, string> = {};

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      tasks: [
        {
          taskNo: MIXED,
          details: [
            { domainName: "ok.example.com" },
            { domainName: "failed.example.com", outcome: "failure" },
            { domainName: "waiting.example.com", startAfterSeconds: 3600, finishAfterSeconds: 7200 },
            { domainName: "running.example.com", finishAfterSeconds: 3600, outcome: "failure" },
            { domainName: "retried.example.com", tryCount: 2 },
          ],
        },
      ],
      domains: [{ domainName: "shop.example.com" }],
    },
  });
  for (const taskType of Object.keys(DOCUMENTED_ZH)) byType[taskType] = emulator.addTask({ taskType, details: [{ domainName: `${taskType.toLowerCase()}.example.com` }] });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.setFaults({}));

const page = (taskNo: string, extra: Record<string, string> = {}) => ({ TaskNo: taskNo, PageNum: "1", PageSize: "100", ...extra });
type Detail = Record<string, unknown>;
const detailsOf = (body: Record<string, unknown>): Detail[] => (body.Data as { TaskDetail: Detail[] }).TaskDetail;

describe.each(FOREIGN_CLIENTS)("as %s sees it", (_name, call) => {
  it("reports TryCount 0 on a success and on an unfinished detail, 5 on a failure, and the spec's own count", async () => {
    const { status, body } = await call(emulator, "QueryTaskDetailList", page(MIXED));
    expect(status).toBe(200);
    const tries = Object.fromEntries(detailsOf(body).map((d) => [d.DomainName, [d.TaskStatus, d.TryCount]]));
    expect(tries).toEqual({
      "ok.example.com": ["EXECUTE_SUCCESS", 0],
      "failed.example.com": ["EXECUTE_FAILURE", 5],
      "waiting.example.com": ["WAITING_EXECUTE", 0],
      "running.example.com": ["EXECUTING", 0],
      "retried.example.com": ["EXECUTE_SUCCESS", 2],
    });
  });

  it('describes CHG_DNS as "DNS Modification" in English, by default and with Lang=en', async () => {
    for (const extra of [{}, { Lang: "en" }] as Record<string, string>[]) {
      const [detail] = detailsOf((await call(emulator, "QueryTaskDetailList", page(byType.CHG_DNS, extra))).body);
      expect(detail).toMatchObject({ TaskType: "CHG_DNS", TaskTypeDescription: "DNS Modification" });
    }
  });

  it("describes each of the fourteen task types with Lang=zh as the Chinese API reference does", async () => {
    const answered: Record<string, unknown> = {};
    for (const [taskType, taskNo] of Object.entries(byType)) {
      const [detail] = detailsOf((await call(emulator, "QueryTaskDetailList", page(taskNo, { Lang: "zh" }))).body);
      answered[String(detail.TaskType)] = detail.TaskTypeDescription;
      expect(detail.TaskType).toBe(taskType);
    }
    expect(answered).toEqual(DOCUMENTED_ZH);
  });

  it.each([
    ["parameterIllegal", "ParameterIllegal", "Parameter illegal."],
    ["networkIOError", "NetworkIOError", "Network IO Error."],
    ["taskIsBeingProcessed", "TaskIsBeingProcessed", "An operation is being processed. Please try again later."],
  ] as const)("answers the %s fault as the Domain API words it: 400 %s", async (fault, code, message) => {
    emulator.setFaults({ rules: [{ fault, from: 1, count: 1 }] });
    const { status, body } = await call(emulator, "QueryTaskDetailList", page(MIXED));
    expect([status, body.Code, body.Message]).toEqual([400, code, message]);
    // The next request is answered again: the rule hit only the first.
    expect((await call(emulator, "QueryTaskDetailList", page(MIXED))).status).toBe(200);
  });

  it('answers an unknown domain with 400 DomainNotExist "The domain name does not exist."', async () => {
    const { status, body } = await call(emulator, "QueryDomainByDomainName", { DomainName: "nobody-owns-this.example.com" });
    expect([status, body.Code, body.Message]).toEqual([400, "DomainNotExist", "The domain name does not exist."]);
    expect((await call(emulator, "QueryDomainByDomainName", { DomainName: "shop.example.com" })).status).toBe(200);
  });

  it("sends the five error-body fields, with a RequestId the Recommend link names", async () => {
    const { body } = await call(emulator, "QueryTaskDetailList", { TaskNo: MIXED, PageNum: "1" });
    expect(Object.keys(body).sort()).toEqual(["Code", "HostId", "Message", "Recommend", "RequestId"]);
    expect(body).toMatchObject({ Code: "MissingPageSize", HostId: "domain.aliyuncs.com" });
    expect(String(body.Recommend)).toContain(`requestId=${String(body.RequestId)}`);
  });
});
