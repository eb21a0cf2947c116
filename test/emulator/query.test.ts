/** QueryTaskDetailList: parameter validation, paging fields, filters, ordering and Lang, over real HTTP. */
import { VirtualClock } from "../../sdk/clock";
import { startEmulator, type Emulator } from "../../emulator";
import { callApi, callError, detailsOf, page } from "./helpers";

let emulator: Emulator;
let batchTask: string;
let mixedTask: string;
const clock = new VirtualClock(Date.UTC(2026, 0, 1, 0, 0, 0));

beforeAll(async () => {
  emulator = await startEmulator({ clock });
  batchTask = emulator.addTask({ taskType: "ORDER_RENEW", batch: { count: 25, domainTemplate: "d{i}.example.com", failEvery: 5 } });
  mixedTask = emulator.addTask({
    taskNo: "T-MIXED",
    taskType: "CHG_DNS",
    details: [
      { domainName: "waiting.example.com", instanceId: "S-W", startAfterSeconds: 60, finishAfterSeconds: 120 },
      { domainName: "running.example.com", instanceId: "S-R", startAfterSeconds: 0, finishAfterSeconds: 120 },
      { domainName: "done.example.com", instanceId: "S-D", taskResult: "ok" },
      { domainName: "failed.example.com", instanceId: "S-F", outcome: "failure", failReason: "2201 Authorization error", errorMsg: "Registry refused" },
      { domainName: "failed-default.example.com", outcome: "failure" },
    ],
  });
});
afterAll(() => emulator.close());

describe("paging", () => {
  it("describes each page: CurrentPageNum, TotalPageNum, TotalItemNum, PageSize, PrePage, NextPage", async () => {
    const first = await page(emulator, batchTask, 1, 10);
    expect(first).toMatchObject({ CurrentPageNum: 1, TotalPageNum: 3, TotalItemNum: 25, PageSize: 10, PrePage: false, NextPage: true });
    expect(detailsOf(first)).toHaveLength(10);
    const middle = await page(emulator, batchTask, 2, 10);
    expect(middle).toMatchObject({ CurrentPageNum: 2, PrePage: true, NextPage: true });
    const last = await page(emulator, batchTask, 3, 10);
    expect(last).toMatchObject({ CurrentPageNum: 3, TotalPageNum: 3, PrePage: true, NextPage: false });
    expect(detailsOf(last)).toHaveLength(5);
  });

  it("answers an empty Data.TaskDetail past the last page, with the requested CurrentPageNum", async () => {
    const past = await page(emulator, batchTask, 7, 10);
    expect(past).toMatchObject({ CurrentPageNum: 7, TotalPageNum: 3, TotalItemNum: 25, PrePage: true, NextPage: false });
    expect(past.Data).toEqual({ TaskDetail: [] });
  });

  it("returns every detail exactly once, in the seeded order (stable between requests), with unique 32-hex TaskDetailNos", async () => {
    const seen: Record<string, unknown>[] = [];
    for (let n = 1; n <= 4; n++) seen.push(...detailsOf(await page(emulator, batchTask, n, 7)));
    const numbers = seen.map((d) => String(d.TaskDetailNo));
    expect(new Set(numbers).size).toBe(25);
    expect(numbers.every((n) => /^[0-9a-f]{32}$/.test(n))).toBe(true);
    // Not sorted by TaskDetailNo: a client must not rely on any order.
    expect([...numbers].sort()).not.toEqual(numbers);
    expect(seen.map((d) => d.DomainName)).toEqual(Array.from({ length: 25 }, (_, i) => `d${i + 1}.example.com`));
    const again = detailsOf(await page(emulator, batchTask, 1, 25)).map((d) => d.TaskDetailNo);
    expect(again).toEqual(numbers);
  });

  it("never repeats a TaskDetailNo within a task, nor across tasks", async () => {
    const ids = new Set<string>();
    for (const taskNo of [emulator.addTask({ batch: { count: 3000 } }), emulator.addTask({ batch: { count: 2000 } })]) {
      for (let n = 1; n <= 3; n++) for (const d of detailsOf(await page(emulator, taskNo, n, 1000))) ids.add(String(d.TaskDetailNo));
    }
    expect(ids.size).toBe(5000);
  });

  it("derives TaskDetailNo from the TaskNo and position, so a replayed scenario gets the same numbers", async () => {
    const twin = await startEmulator({ clock });
    try {
      const spec = { taskNo: "T-TWIN", details: [{ domainName: "a.example.com" }, { domainName: "b.example.com" }] };
      emulator.addTask(spec);
      twin.addTask(spec);
      const ids = async (e: Emulator) => detailsOf(await page(e, "T-TWIN", 1, 10)).map((d) => d.TaskDetailNo);
      expect(await ids(twin)).toEqual(await ids(emulator));
    } finally {
      await twin.close();
    }
  });

  it("answers an unknown TaskNo with an empty first page", async () => {
    const body = await page(emulator, "no-such-task", 1, 10);
    expect(body).toMatchObject({ CurrentPageNum: 1, TotalPageNum: 0, TotalItemNum: 0, PrePage: false, NextPage: false, Data: { TaskDetail: [] } });
  });

  it("allows the maximum PageSize of 1000", async () => {
    expect(await page(emulator, batchTask, 1, 1000)).toMatchObject({ TotalPageNum: 1, PageSize: 1000 });
  });
});

describe("parameter validation", () => {
  it.each([
    [{ PageNum: "1", PageSize: "10" }, "MissingTaskNo", "TaskNo is mandatory for this action."],
    [{ TaskNo: "t", PageSize: "10" }, "MissingPageNum", "PageNum is mandatory for this action."],
    [{ TaskNo: "t", PageNum: "1" }, "MissingPageSize", "PageSize is mandatory for this action."],
  ])("refuses a missing parameter %j with %s", async (query, code, message) => {
    const error = await callError(callApi(emulator, query));
    expect([error.statusCode, error.code, error.data?.Message]).toEqual([400, code, message]);
  });

  it.each([
    ["PageSize", "1001"],
    ["PageSize", "0"],
    ["PageSize", "ten"],
    ["PageNum", "0"],
    ["PageNum", "-1"],
    ["PageNum", "1.5"],
    ["TaskStatus", "4"],
    ["TaskStatus", "EXECUTING"],
  ])("refuses %s=%s with Invalid<Name>, naming the parameter and value", async (name, value) => {
    const error = await callError(callApi(emulator, { TaskNo: batchTask, PageNum: "1", PageSize: "10", [name]: value }));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe(`Invalid${name}`);
    expect(String(error.data?.Message)).toContain(`Specified parameter ${name} is not valid. ${name}="${value}"`);
  });
});

describe("PageSize above 1000", () => {
  it("is refused with InvalidPageSize in the gateway's wording by default", async () => {
    const error = await callError(page(emulator, batchTask, 1, 1001));
    expect([error.statusCode, error.code]).toEqual([400, "InvalidPageSize"]);
    expect(String(error.data?.Message)).toMatch(/^Specified parameter PageSize is not valid\. /);
  });

  it("is served as 1000 under the clampPageSize quirk", async () => {
    emulator.setFaults({ quirks: { clampPageSize: true } });
    try {
      expect(await page(emulator, batchTask, 1, 5000)).toMatchObject({ PageSize: 1000, TotalItemNum: 25, TotalPageNum: 1 });
    } finally {
      emulator.setFaults({});
    }
  });
});

describe("filters", () => {
  const domainsWith = async (extra: Record<string, string>) =>
    detailsOf(await page(emulator, mixedTask, 1, 100, extra)).map((d) => d.DomainName);

  it("filters by TaskStatus code 0-3", async () => {
    expect(await domainsWith({ TaskStatus: "0" })).toEqual(["waiting.example.com"]);
    expect(await domainsWith({ TaskStatus: "1" })).toEqual(["running.example.com"]);
    expect(await domainsWith({ TaskStatus: "2" })).toEqual(["done.example.com"]);
    expect(await domainsWith({ TaskStatus: "3" })).toEqual(["failed.example.com", "failed-default.example.com"]);
  });

  it("filters by DomainName and InstanceId, alone or combined with TaskStatus", async () => {
    expect(await domainsWith({ DomainName: "done.example.com" })).toEqual(["done.example.com"]);
    expect(await domainsWith({ InstanceId: "S-F" })).toEqual(["failed.example.com"]);
    expect(await domainsWith({ InstanceId: "S-F", DomainName: "failed.example.com", TaskStatus: "3" })).toEqual(["failed.example.com"]);
    expect(await domainsWith({ InstanceId: "S-F", TaskStatus: "2" })).toEqual([]);
    expect(await domainsWith({ DomainName: "nowhere.example.com" })).toEqual([]);
  });

  it("pages within a filter", async () => {
    const failed = await page(emulator, batchTask, 2, 3, { TaskStatus: "3" });
    expect(failed).toMatchObject({ TotalItemNum: 5, TotalPageNum: 2, CurrentPageNum: 2, NextPage: false, PrePage: true });
    expect(detailsOf(failed).map((d) => d.DomainName)).toEqual(["d20.example.com", "d25.example.com"]);
  });
});

describe("detail fields and Lang", () => {
  const byDomain = async (lang?: string) => {
    const body = await page(emulator, mixedTask, 1, 100, lang ? { Lang: lang } : {});
    return Object.fromEntries(detailsOf(body).map((d) => [d.DomainName, d]));
  };

  it("fills every documented field, times as UTC+8 'YYYY-MM-DD HH:mm:ss'", async () => {
    const details = await byDomain();
    expect(details["done.example.com"]).toEqual({
      TaskNo: "T-MIXED",
      TaskDetailNo: expect.stringMatching(/^[0-9a-f]{32}$/),
      InstanceId: "S-D",
      DomainName: "done.example.com",
      TaskType: "CHG_DNS",
      TaskTypeDescription: "DNS Modification",
      TaskStatus: "EXECUTE_SUCCESS",
      TaskStatusCode: 2,
      TaskResult: "ok",
      ErrorMsg: "The operation is successful.",
      TryCount: 0,
      CreateTime: "2026-01-01 08:00:00",
      UpdateTime: "2026-01-01 08:00:00",
    });
    expect(details["failed.example.com"]).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", TaskStatusCode: 3, FailReason: "2201 Authorization error", ErrorMsg: "Registry refused", TryCount: 5 });
    // Fields without a value are left out, as in a real response.
    expect(details["waiting.example.com"]).toMatchObject({ TaskStatusCode: 0, TryCount: 0 });
    expect(["TaskResult", "FailReason", "ErrorMsg"].filter((k) => k in details["waiting.example.com"])).toEqual([]);
  });

  it("answers TaskTypeDescription and the default ErrorMsg in the language asked for (en by default)", async () => {
    const en = await byDomain();
    const zh = await byDomain("zh");
    expect(en["failed-default.example.com"].ErrorMsg).toMatch(/^The operation failed/);
    expect(zh["failed-default.example.com"].ErrorMsg).toMatch(/注册局/);
    expect(zh["done.example.com"].TaskTypeDescription).toBe("修改DNS");
    expect((await byDomain("en"))["done.example.com"].TaskTypeDescription).toBe("DNS Modification");
    // The documentation's wording for ORDER_RENEW, in both languages.
    expect(detailsOf(await page(emulator, batchTask, 1, 1, { Lang: "zh" }))[0].TaskTypeDescription).toBe("创建续费订单");
    expect(detailsOf(await page(emulator, batchTask, 1, 1))[0].TaskTypeDescription).toBe("Create a renewal order");
  });
});
