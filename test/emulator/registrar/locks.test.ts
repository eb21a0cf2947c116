/**
 * The transfer and update prohibition locks, batch and single, with our client and two we did not write: a task
 * of the right type whose success - and only its success - turns the lock OPEN or CLOSE in QueryDomainByDomainName;
 * the registry's refusals per domain (expired, in redemption), the request's refusals (unknown domain, an open
 * change of the same lock, bad parameters, RAM); and what the update lock then blocks.
 */
import { detailsOf, page } from "../helpers";
import { CLIENTS, READ_ONLY, listParam, useRegistrar } from "./harness";

const reg = useRegistrar();

const LOCKS = [
  { lock: "Transfer", field: "TransferProhibitionLock", taskType: "SET_TRANSFER_PROHIBITED", en: "Set the domain name transfer lock", zh: "设置域名转移锁" },
  { lock: "Update", field: "UpdateProhibitionLock", taskType: "SET_UPDATE_PROHIBITED", en: "Set the domain name security lock", zh: "设置域名安全锁" },
] as const;

describe.each(CLIENTS)("%s", (_name, call) => {
  const domainOf = async (domainName: string) => (await call(reg.emulator, "QueryDomainByDomainName", { DomainName: domainName })).body;
  const details = async (taskNo: string, extra: Record<string, string> = {}) => detailsOf(await page(reg.emulator, taskNo, 1, 10, extra));

  describe.each(LOCKS)("the $lock lock", ({ lock, field, taskType, en, zh }) => {
    const batch = `SaveBatchTaskFor${lock}ProhibitionLock`;
    const single = `SaveSingleTaskFor${lock}ProhibitionLock`;

    it("turns the lock on with a task of its type, and QueryDomainByDomainName reads OPEN once the detail succeeds, not before", async () => {
      const answer = await call(reg.emulator, batch, { ...listParam("DomainName", ["shop.example.com", "blog.example.com"]), Status: "true" });
      expect(answer).toMatchObject({ status: 200, code: undefined, body: { RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/), TaskNo: expect.any(String) } });
      const taskNo = answer.body.TaskNo as string;
      expect((await domainOf("shop.example.com"))[field]).toBe("CLOSE");
      expect((await domainOf("blog.example.com"))[field]).toBe("NONE_SETTING");
      reg.clock.advance(4_000); // blog finished (3 s), shop still executing (5 s)
      expect((await domainOf("blog.example.com"))[field]).toBe("OPEN");
      expect((await domainOf("shop.example.com"))[field]).toBe("CLOSE");
      reg.clock.advance(1_000);
      expect((await domainOf("shop.example.com"))[field]).toBe("OPEN");
      expect(await details(taskNo)).toEqual([
        expect.objectContaining({ DomainName: "shop.example.com", TaskType: taskType, TaskTypeDescription: en, TaskStatus: "EXECUTE_SUCCESS", InstanceId: (await domainOf("shop.example.com")).InstanceId }),
        expect.objectContaining({ DomainName: "blog.example.com", TaskType: taskType, TaskStatus: "EXECUTE_SUCCESS" }),
      ]);
      expect((await details(taskNo, { Lang: "zh" }))[0].TaskTypeDescription).toBe(zh);
      const listed = await call(reg.emulator, "QueryTaskList", { PageNum: "1", PageSize: "10", Lang: "zh" });
      expect(listed.body.Data).toEqual({ TaskInfo: [expect.objectContaining({ TaskNo: taskNo, TaskType: taskType, TaskTypeDescription: zh, TaskNum: 2, TaskStatus: "COMPLETE" })] });
    });

    it("turns it off with the single action (Status=false reads CLOSE)", async () => {
      const answer = await call(reg.emulator, single, { DomainName: "locked.example.com", Status: "false" });
      expect(answer.status).toBe(200);
      expect((await domainOf("locked.example.com"))[field]).toBe("OPEN");
      reg.finish();
      expect((await domainOf("locked.example.com"))[field]).toBe("CLOSE");
      expect(reg.emulator.domainState("locked.example.com")).toMatchObject({ [lock === "Transfer" ? "transferProhibitionLock" : "updateProhibitionLock"]: "CLOSE" });
      expect((await details(answer.body.TaskNo as string))[0]).toMatchObject({ TaskType: taskType, TaskStatus: "EXECUTE_SUCCESS" });
    });

    it("fails an expired domain and one in redemption per detail, with the registry's reasons in Lang; the lock stays", async () => {
      const answer = await call(reg.emulator, batch, { ...listParam("DomainName", ["lapsed.example.com", "gone.example.com", "blog.example.com"]), Status: "true", Lang: "zh" });
      reg.finish();
      const [lapsed, gone, blog] = await details(answer.body.TaskNo as string);
      expect(lapsed).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: "2304 Object status prohibits operation (domain expired)", ErrorMsg: expect.stringContaining("续费") });
      expect(gone).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: "2304 Object status prohibits operation (redemptionPeriod)", ErrorMsg: expect.stringContaining("赎回") });
      expect(blog).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });
      expect((await domainOf("lapsed.example.com"))[field]).toBe("CLOSE");
      expect(await domainOf("gone.example.com")).toMatchObject({ [field]: "CLOSE", DomainStatus: "2", ExpirationDateStatus: "2" });
    });

    it("refuses a domain outside the account, a second change of an open lock, and bad parameters - creating no task", async () => {
      const refused = async (action: string, params: Record<string, string>) => {
        const answer = await call(reg.emulator, action, params);
        expect(answer.status).toBe(400);
        return answer;
      };
      expect(await refused(batch, { ...listParam("DomainName", ["shop.example.com", "typo.example.com"]), Status: "true" })).toMatchObject({ code: "DomainNotExist" });
      expect(await refused(single, { DomainName: "typo.example.com", Status: "true" })).toMatchObject({ code: "DomainNotExist" });
      expect(await refused(batch, { Status: "true" })).toMatchObject({ code: "MissingDomainName" });
      expect(await refused(single, { Status: "true" })).toMatchObject({ code: "MissingDomainName" });
      expect(await refused(batch, listParam("DomainName", ["shop.example.com"]))).toMatchObject({ code: "MissingStatus" });
      expect(await refused(single, { DomainName: "shop.example.com", Status: "on" })).toMatchObject({ code: "InvalidStatus", message: expect.stringContaining('Status="on"') });
      expect(await refused(batch, { ...listParam("DomainName", ["shop.example.com", "SHOP.example.com."]), Status: "true" })).toMatchObject({
        code: "ParameterIllegal",
        message: expect.stringContaining("more than once"),
      });
      const listedBefore = (await call(reg.emulator, "QueryTaskList", { PageNum: "1", PageSize: "10" })).body.TotalItemNum;
      expect(listedBefore).toBe(0);

      expect((await call(reg.emulator, single, { DomainName: "shop.example.com", Status: "true" })).status).toBe(200);
      const busy = await refused(batch, { ...listParam("DomainName", ["blog.example.com", "shop.example.com"]), Status: "false" });
      expect(busy).toMatchObject({ code: "TaskIsBeingProcessed", message: expect.stringContaining("An operation is being processed") });
      reg.finish();
      expect((await call(reg.emulator, batch, { ...listParam("DomainName", ["blog.example.com", "shop.example.com"]), Status: "false" })).status).toBe(200);
      expect((await call(reg.emulator, "QueryTaskList", { PageNum: "1", PageSize: "10" })).body.TotalItemNum).toBe(2);
    });

    it("refuses a key without domain:SecuritySetting with 403 Forbidden.RAM naming it; the key still reads", async () => {
      for (const [action, params] of [[batch, { ...listParam("DomainName", ["shop.example.com"]), Status: "true" }], [single, { DomainName: "shop.example.com", Status: "true" }]] as const) {
        const denied = await call(reg.emulator, action, params, { credential: READ_ONLY });
        expect(denied).toMatchObject({ status: 403, code: "Forbidden.RAM", message: expect.stringContaining("domain:SecuritySetting") });
      }
      expect((await call(reg.emulator, "QueryDomainByDomainName", { DomainName: "shop.example.com" }, { credential: READ_ONLY })).status).toBe(200);
      expect(reg.emulator.stats().byAction).toMatchObject({ [batch]: 1, [single]: 1 });
    });
  });

  describe("what the update lock blocks", () => {
    const lockUpdates = (domainName: string, on: boolean) =>
      call(reg.emulator, "SaveSingleTaskForUpdateProhibitionLock", { DomainName: domainName, Status: String(on) });
    const changeDns = (domainName: string) =>
      call(reg.emulator, "SaveBatchTaskForModifyingDomainDns", { ...listParam("DomainName", [domainName]), AliyunDns: "false", ...listParam("DomainNameServer", ["ns1.new-dns.example", "ns2.new-dns.example"]) });
    const changeContact = (domainName: string) =>
      call(reg.emulator, "SaveBatchTaskForUpdatingContactInfoByRegistrantProfileId", { ...listParam("DomainName", [domainName]), ContactType: "admin", RegistrantProfileId: "1234" });
    const outcome = async (taskNo: unknown) => (await details(taskNo as string))[0];

    it("fails a name-server and a contact change once the lock's task has succeeded (not while it runs), naming the lock and how to lift it", async () => {
      await lockUpdates("blog.example.com", true);
      const whileOpen = await changeDns("blog.example.com"); // the lock is not in effect yet
      reg.finish();
      expect(await outcome(whileOpen.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });

      const dns = await changeDns("blog.example.com");
      const contact = await changeContact("blog.example.com");
      reg.finish();
      for (const task of [dns, contact]) {
        expect(await outcome(task.body.TaskNo)).toMatchObject({
          TaskStatus: "EXECUTE_FAILURE",
          FailReason: "2304 Object status prohibits operation (clientUpdateProhibited)",
          ErrorMsg: expect.stringMatching(/update prohibition lock \(clientUpdateProhibited\)\. Remove the lock before changing its (DNS servers|contacts)\./),
        });
      }
      expect(reg.emulator.domainState("blog.example.com")).toMatchObject({ nameServers: ["ns1.new-dns.example", "ns2.new-dns.example"], contacts: {} });
    });

    it("lets the changes through once the lock is lifted, and does not block the other settings", async () => {
      expect(await outcome((await changeDns("locked.example.com")).body.TaskNo)).toMatchObject({ TaskStatus: "WAITING_EXECUTE" });
      const transfer = await call(reg.emulator, "SaveSingleTaskForTransferProhibitionLock", { DomainName: "locked.example.com", Status: "false" });
      const privacy = await call(reg.emulator, "SaveSingleTaskForDomainNameProxyService", { DomainName: "locked.example.com", Status: "true" });
      reg.finish();
      expect(await outcome(transfer.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });
      expect(await outcome(privacy.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });
      expect(reg.emulator.domainState("locked.example.com")?.nameServers).toEqual(["dns1.hichina.com", "dns2.hichina.com"]);

      await lockUpdates("locked.example.com", false);
      reg.finish();
      const dns = await changeDns("locked.example.com");
      const contact = await changeContact("locked.example.com");
      reg.finish();
      expect(await outcome(dns.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });
      expect(await outcome(contact.body.TaskNo)).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS", TaskType: "UPDATE_ADMIN_CONTACT" });
      expect(reg.emulator.domainState("locked.example.com")).toMatchObject({ nameServers: ["ns1.new-dns.example", "ns2.new-dns.example"], contacts: { admin: 1234 }, updateProhibitionLock: "CLOSE" });
    });
  });
});
