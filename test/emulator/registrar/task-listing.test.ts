/**
 * Every registrar write, once each, with our client and two we did not write: its task is listed by QueryTaskList
 * and its detail by QueryTaskDetailList under the documented TaskType, with the TaskTypeDescription of that type in
 * English and in Chinese (emulator/task-types.ts, with their sources), and the Clientip the write was sent with.
 */
import { TASK_TYPE_DESCRIPTIONS } from "../../../emulator/task-types";
import { detailsOf, page } from "../helpers";
import { CLIENTS, listParam, useRegistrar } from "./harness";

const reg = useRegistrar();

const WRITES: [string, Record<string, string>, string][] = [
  ["SaveBatchTaskForModifyingDomainDns", { ...listParam("DomainName", ["shop.example.com"]), AliyunDns: "true" }, "CHG_DNS"],
  ["SaveBatchTaskForTransferProhibitionLock", { ...listParam("DomainName", ["shop.example.com"]), Status: "true" }, "SET_TRANSFER_PROHIBITED"],
  ["SaveSingleTaskForTransferProhibitionLock", { DomainName: "blog.example.com", Status: "true" }, "SET_TRANSFER_PROHIBITED"],
  ["SaveBatchTaskForUpdateProhibitionLock", { ...listParam("DomainName", ["shop.example.com"]), Status: "true" }, "SET_UPDATE_PROHIBITED"],
  ["SaveSingleTaskForUpdateProhibitionLock", { DomainName: "blog.example.com", Status: "false" }, "SET_UPDATE_PROHIBITED"],
  ["SaveBatchTaskForDomainNameProxyService", { ...listParam("DomainName", ["shop.example.com"]), Status: "true" }, "SET_WHOIS_PROTECT"],
  ["SaveSingleTaskForDomainNameProxyService", { DomainName: "blog.example.com", Status: "true" }, "SET_WHOIS_PROTECT"],
  ["SaveSingleTaskForCreatingDnsHost", { InstanceId: "S2024GLUE000001", DnsName: "ns2", ...listParam("Ip", ["192.0.2.2"]) }, "CREATE_DNSHOST"],
  ["SaveBatchTaskForUpdatingContactInfoByRegistrantProfileId", { ...listParam("DomainName", ["brand.us"]), ContactType: "billing", RegistrantProfileId: "7" }, "UPDATE_BILLING_CONTACT"],
];
/** Each needs the instance's previous DNS-host task finished: they run one after another. */
const DNS_HOST_SEQUENCE: [string, Record<string, string>, string][] = [
  ["SaveSingleTaskForModifyingDnsHost", { InstanceId: "S2024GLUE000001", DnsName: "ns2", ...listParam("Ip", ["192.0.2.3"]) }, "UPDATE_DNSHOST"],
  ["SaveSingleTaskForSynchronizingDnsHost", { InstanceId: "S2024GLUE000001" }, "SYNC_DNSHOST"],
  ["SaveSingleTaskForDeletingDnsHost", { InstanceId: "S2024GLUE000001", DnsName: "ns2" }, "UPDATE_DNSHOST"],
];

describe.each(CLIENTS)("%s", (_name, call) => {
  it("lists every write's task and detail under its TaskType, described in en and zh", async () => {
    const submitted = new Map<string, string>();
    for (const [action, params, taskType] of WRITES) {
      const answer = await call(reg.emulator, action, { ...params, UserClientIp: "203.0.113.7" });
      expect([action, answer.status]).toEqual([action, 200]);
      submitted.set(answer.body.TaskNo as string, taskType);
    }
    for (const [action, params, taskType] of DNS_HOST_SEQUENCE) {
      reg.finish();
      const answer = await call(reg.emulator, action, { ...params, UserClientIp: "203.0.113.7" });
      expect([action, answer.status]).toEqual([action, 200]);
      submitted.set(answer.body.TaskNo as string, taskType);
    }
    reg.finish();
    for (const lang of ["en", "zh"] as const) {
      const listed = (await call(reg.emulator, "QueryTaskList", { PageNum: "1", PageSize: "100", Lang: lang })).body;
      const infos = (listed.Data as { TaskInfo: Record<string, unknown>[] }).TaskInfo;
      expect(listed.TotalItemNum).toBe(submitted.size);
      expect(Object.fromEntries(infos.map((t) => [t.TaskNo, [t.TaskType, t.TaskTypeDescription, t.Clientip, t.TaskStatus]]))).toEqual(
        Object.fromEntries([...submitted].map(([taskNo, type]) => [taskNo, [type, TASK_TYPE_DESCRIPTIONS[type][lang], "203.0.113.7", "COMPLETE"]])),
      );
      for (const [taskNo, type] of submitted) {
        const [detail] = detailsOf(await page(reg.emulator, taskNo, 1, 10, { Lang: lang }));
        expect([taskNo, detail.TaskType, detail.TaskTypeDescription, detail.TaskStatus]).toEqual([taskNo, type, TASK_TYPE_DESCRIPTIONS[type][lang], "EXECUTE_SUCCESS"]);
      }
    }
  });
});
