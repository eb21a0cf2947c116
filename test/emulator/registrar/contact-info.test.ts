/**
 * SaveBatchTaskForUpdatingContactInfoByRegistrantProfileId, the contact change the update lock blocks, with our
 * client and two we did not write: the task type per ContactType, the change in the registry's state once the
 * detail succeeds, and the refusals (parameters, unknown domain, an open contact change, RAM).
 */
import { detailsOf, page } from "../helpers";
import { CLIENTS, READ_ONLY, listParam, useRegistrar } from "./harness";

const reg = useRegistrar();
const ACTION = "SaveBatchTaskForUpdatingContactInfoByRegistrantProfileId";

describe.each(CLIENTS)("%s", (_name, call) => {
  const change = (domains: string[], contactType: string, profileId = "42", extra: Record<string, string> = {}) =>
    call(reg.emulator, ACTION, { ...listParam("DomainName", domains), ContactType: contactType, RegistrantProfileId: profileId, ...extra });

  it.each([
    ["registrant", "CHG_HOLDER", "修改所有者信息"],
    ["admin", "UPDATE_ADMIN_CONTACT", "修改管理者信息"],
    ["billing", "UPDATE_BILLING_CONTACT", "修改付费者信息"],
    ["tech", "UPDATE_TECH_CONTACT", "修改技术者信息"],
  ])("a %s change is a %s task; the registry points the contact at the profile once it succeeds", async (contactType, taskType, zh) => {
    const answer = await change(["shop.example.com"], contactType, "9007199254740", { TransferOutProhibited: "true" });
    expect(answer.status).toBe(200);
    expect(reg.emulator.domainState("shop.example.com")?.contacts).toEqual({});
    reg.finish();
    expect(reg.emulator.domainState("shop.example.com")?.contacts).toEqual({ [contactType]: 9007199254740 });
    const [detail] = detailsOf(await page(reg.emulator, answer.body.TaskNo as string, 1, 10, { Lang: "zh" }));
    expect(detail).toMatchObject({ TaskType: taskType, TaskTypeDescription: zh, TaskStatus: "EXECUTE_SUCCESS" });
  });

  it("refuses bad parameters, an unknown domain, an open contact change and a key without domain:DomainInfoModification", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...listParam("DomainName", ["shop.example.com"]), RegistrantProfileId: "1" }, "MissingContactType"],
      [{ ...listParam("DomainName", ["shop.example.com"]), ContactType: "admin" }, "MissingRegistrantProfileId"],
      [{ ...listParam("DomainName", ["shop.example.com"]), ContactType: "owner", RegistrantProfileId: "1" }, "InvalidContactType"],
      [{ ...listParam("DomainName", ["shop.example.com"]), ContactType: "toString", RegistrantProfileId: "1" }, "InvalidContactType"],
      [{ ...listParam("DomainName", ["shop.example.com"]), ContactType: "admin", RegistrantProfileId: "-3" }, "InvalidRegistrantProfileId"],
      [{ ...listParam("DomainName", ["shop.example.com"]), ContactType: "admin", RegistrantProfileId: "1", TransferOutProhibited: "sometimes" }, "InvalidTransferOutProhibited"],
      [{ ...listParam("DomainName", ["nope.example.com"]), ContactType: "admin", RegistrantProfileId: "1" }, "DomainNotExist"],
    ];
    for (const [params, code] of cases) expect(await call(reg.emulator, ACTION, params)).toMatchObject({ status: 400, code });
    expect(await call(reg.emulator, ACTION, { ...listParam("DomainName", ["shop.example.com"]), ContactType: "admin", RegistrantProfileId: "1" }, { credential: READ_ONLY })).toMatchObject({
      status: 403,
      code: "Forbidden.RAM",
      message: expect.stringContaining("domain:DomainInfoModification"),
    });
    expect((await change(["shop.example.com"], "tech")).status).toBe(200);
    expect(await change(["blog.example.com", "shop.example.com"], "admin")).toMatchObject({ status: 400, code: "TaskIsBeingProcessed" });
    expect((await call(reg.emulator, "QueryTaskList", { PageNum: "1", PageSize: "10" })).body.TotalItemNum).toBe(1);
  });
});
