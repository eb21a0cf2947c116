/**
 * WHOIS privacy (SET_WHOIS_PROTECT), batch and single, with our client and two we did not write: DomainNameProxyService
 * follows the detail's success; TLDs whose registries forbid privacy fail per domain while the rest of the batch
 * succeeds; .cn needs CNNIC's own service; Domain-intl spells the batch's Status `status`.
 */
import { detailsOf, page } from "../helpers";
import { openApiCoreCall } from "../foreign-clients";
import { CLIENTS, READ_ONLY, listParam, useRegistrar } from "./harness";

const reg = useRegistrar();

describe.each(CLIENTS)("%s", (_name, call) => {
  const domainOf = async (domainName: string, version?: string) => (await call(reg.emulator, "QueryDomainByDomainName", { DomainName: domainName }, { version })).body;
  const details = async (taskNo: unknown, extra: Record<string, string> = {}) => detailsOf(await page(reg.emulator, taskNo as string, 1, 10, extra));
  const batch = (domains: string[], extra: Record<string, string> = {}, version?: string) =>
    call(reg.emulator, "SaveBatchTaskForDomainNameProxyService", { ...listParam("DomainName", domains), Status: "true", ...extra }, { version });

  it("turns privacy on: DomainNameProxyService reads true once the detail succeeds, not before", async () => {
    const answer = await batch(["shop.example.com", "blog.example.com"]);
    expect(answer).toMatchObject({ status: 200, body: { TaskNo: expect.any(String) } });
    expect(await domainOf("shop.example.com")).toMatchObject({ DomainNameProxyService: false, PrivacyServiceStatus: "CLOSE", CnnicPrivacyServiceStatus: "UN_SUPPORT" });
    reg.clock.advance(4_000);
    expect((await domainOf("blog.example.com")).DomainNameProxyService).toBe(true);
    expect((await domainOf("shop.example.com")).DomainNameProxyService).toBe(false);
    reg.clock.advance(1_000);
    expect(await domainOf("shop.example.com")).toMatchObject({ DomainNameProxyService: true, PrivacyServiceStatus: "OPEN" });
    const [detail] = await details(answer.body.TaskNo);
    expect(detail).toMatchObject({ TaskType: "SET_WHOIS_PROTECT", TaskTypeDescription: "Set privacy protection", TaskStatus: "EXECUTE_SUCCESS" });
    expect((await details(answer.body.TaskNo, { Lang: "zh" }))[0].TaskTypeDescription).toBe("设置隐私保护");
  });

  it("fails the TLDs whose registries forbid privacy, per domain, while the rest of the batch succeeds", async () => {
    const answer = await batch(["brand.us", "brand.co.uk", "blog.example.com"]);
    reg.finish();
    const [us, uk, blog] = await details(answer.body.TaskNo);
    expect(us).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: "2306 Parameter value policy error (the .us registry does not allow privacy or proxy registrations)" });
    expect(uk).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: expect.stringContaining("the .uk registry"), ErrorMsg: expect.stringContaining("Leave privacy off") });
    expect(blog).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });
    expect(await domainOf("brand.us")).toMatchObject({ DomainNameProxyService: false, PrivacyServiceStatus: "UN_SUPPORT", DomainType: "ccTLD" });
    // Turning it off asks nothing of the registry.
    const off = await call(reg.emulator, "SaveSingleTaskForDomainNameProxyService", { DomainName: "brand.us", Status: "false" });
    reg.finish();
    expect((await details(off.body.TaskNo))[0]).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });
  });

  it("gives .cn privacy only as CNNIC's service (ServiceType=cnnicRegistryService), which no other TLD has", async () => {
    const plain = await batch(["brand.cn"]);
    const wrongTld = await batch(["blog.example.com"], { ServiceType: "cnnicRegistryService" });
    reg.finish();
    expect((await details(plain.body.TaskNo))[0]).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: expect.stringContaining("cnnicRegistryService"), ErrorMsg: expect.stringContaining("ServiceType=cnnicRegistryService") });
    expect((await details(wrongTld.body.TaskNo))[0]).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", FailReason: expect.stringContaining("covers .cn and .中国 only") });
    expect(await domainOf("brand.cn")).toMatchObject({ DomainNameProxyService: false, PrivacyServiceStatus: "UN_SUPPORT", CnnicPrivacyServiceStatus: "CLOSE" });

    const cnnic = await batch(["brand.cn"], { ServiceType: "cnnicRegistryService" });
    reg.finish();
    expect((await details(cnnic.body.TaskNo))[0]).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS" });
    expect(await domainOf("brand.cn")).toMatchObject({ DomainNameProxyService: true, CnnicPrivacyServiceStatus: "OPEN" });
  });

  it("takes Domain-intl's lower-case batch `status` (and the `Status` pop-core sends), and leaves out the fields its models lack", async () => {
    const intl = await call(reg.emulator, "SaveBatchTaskForDomainNameProxyService", { ...listParam("DomainName", ["blog.example.com"]), status: "true" }, { version: "2017-12-18" });
    expect(intl.status).toBe(200);
    const invalid = await call(reg.emulator, "SaveBatchTaskForDomainNameProxyService", { ...listParam("DomainName", ["shop.example.com"]), status: "maybe" }, { version: "2017-12-18" });
    expect(invalid).toMatchObject({ status: 400, code: expect.stringMatching(/^Invalid[sS]tatus$/) });
    reg.finish();
    const read = await domainOf("blog.example.com", "2017-12-18");
    expect(read).toMatchObject({ DomainNameProxyService: true });
    expect(read).not.toHaveProperty("DomainStatus");
    expect(read).not.toHaveProperty("ExpirationDateStatus");
  });

  it("refuses bad parameters, an unknown domain, an open change of the same domain and a key without the RAM action", async () => {
    const refused = async (action: string, params: Record<string, string>, credential = undefined as typeof READ_ONLY | undefined) => {
      const answer = await call(reg.emulator, action, params, { credential });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      return answer;
    };
    const batchAction = "SaveBatchTaskForDomainNameProxyService";
    expect(await refused(batchAction, { ...listParam("DomainName", ["blog.example.com"]), Status: "true", ServiceType: "registrarProxy" })).toMatchObject({ code: "ParameterIllegal", message: expect.stringContaining('ServiceType="registrarProxy"') });
    expect(await refused(batchAction, listParam("DomainName", ["blog.example.com"]))).toMatchObject({ code: "MissingStatus" });
    expect(await refused("SaveSingleTaskForDomainNameProxyService", { Status: "true" })).toMatchObject({ code: "MissingDomainName" });
    expect(await refused("SaveSingleTaskForDomainNameProxyService", { DomainName: "nope.example.com", Status: "true" })).toMatchObject({ code: "DomainNotExist" });
    expect(await refused(batchAction, { ...listParam("DomainName", ["blog.example.com"]), Status: "yes" })).toMatchObject({ code: "InvalidStatus" });
    expect(await refused(batchAction, { ...listParam("DomainName", ["blog.example.com"]), Status: "true" }, READ_ONLY)).toMatchObject({ status: 403, code: "Forbidden.RAM", message: expect.stringContaining("domain:SecuritySetting") });
    expect((await batch(["blog.example.com"])).status).toBe(200);
    expect(await refused("SaveSingleTaskForDomainNameProxyService", { DomainName: "blog.example.com", Status: "false" })).toMatchObject({ code: "TaskIsBeingProcessed" });
    expect((await call(reg.emulator, "QueryTaskList", { PageNum: "1", PageSize: "10" })).body.TotalItemNum).toBe(1);
  });
});

it("holds Domain (2018-01-29) to the `Status` its models spell: a lower-case `status` is missing Status", async () => {
  const answer = await openApiCoreCall(reg.emulator, "SaveBatchTaskForDomainNameProxyService", { ...listParam("DomainName", ["blog.example.com"]), status: "true" });
  expect(answer).toMatchObject({ status: 400, body: { Code: "MissingStatus" } });
});
