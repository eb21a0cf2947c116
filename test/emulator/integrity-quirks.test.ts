/**
 * The integrity quirks (issue 9): each hostile-but-plausible answer, as the real client receives it over HTTP.
 * The task: d1..d10.example.com in listing order, d5 and d10 failed, the rest succeeded.
 */
import { FOREIGN_TASK_NO, startEmulator, type Emulator, type Quirks } from "../../emulator";
import { callError, detailsOf, page } from "./helpers";

let emulator: Emulator;
let taskNo: string;
let other: string;

beforeAll(async () => {
  emulator = await startEmulator({ admin: true });
  taskNo = emulator.addTask({ batch: { count: 10, domainTemplate: "d{i}.example.com", failEvery: 5 } });
  other = emulator.addTask({ batch: { count: 10, domainTemplate: "o{i}.example.com", failEvery: 5 } });
});
afterAll(() => emulator.close());

const use = (quirks: Quirks) => emulator.setFaults({ quirks });
const d = (...numbers: number[]) => numbers.map((n) => `d${n}.example.com`);
const domainsOf = (body: Record<string, unknown>) => detailsOf(body).map((x) => x.DomainName);
const paging = (body: Record<string, unknown>) => {
  const { CurrentPageNum, TotalPageNum, TotalItemNum, PageSize, PrePage, NextPage } = body;
  return { CurrentPageNum, TotalPageNum, TotalItemNum, PageSize, PrePage, NextPage };
};
const byDomain = async (extra: Record<string, string> = {}): Promise<Record<string, Record<string, unknown>>> =>
  Object.fromEntries(detailsOf(await page(emulator, taskNo, 1, 10, extra)).map((x) => [x.DomainName, x]));

describe("served fewer details than counted", () => {
  it("hiddenDetails.last: the last N are never served, TotalItemNum still counts them", async () => {
    use({ hiddenDetails: { last: 2 } });
    const pages = [await page(emulator, taskNo, 1, 4), await page(emulator, taskNo, 2, 4), await page(emulator, taskNo, 3, 4)];
    expect(pages.map(domainsOf)).toEqual([d(1, 2, 3, 4), d(5, 6, 7, 8), []]);
    expect(pages.map((p) => [p.TotalItemNum, p.TotalPageNum])).toEqual([[10, 3], [10, 3], [10, 3]]);
    const failed = await page(emulator, taskNo, 1, 10, { TaskStatus: "3" });
    expect([failed.TotalItemNum, domainsOf(failed)]).toEqual([2, d(5)]);
  });

  it("hiddenDetails.domains: the named domains are never served, even when asked for by name", async () => {
    use({ hiddenDetails: { domains: ["d5.example.com"] } });
    const all = await page(emulator, taskNo, 1, 10);
    expect([all.TotalItemNum, domainsOf(all)]).toEqual([10, d(1, 2, 3, 4, 6, 7, 8, 9, 10)]);
    const named = await page(emulator, taskNo, 1, 10, { DomainName: "d5.example.com" });
    expect([named.TotalItemNum, domainsOf(named)]).toEqual([1, []]);
  });

  it("shiftingPages: the listing rotates k positions per answer, so paging repeats d1 and never sees d7", async () => {
    use({ shiftingPages: 3 });
    const read = [];
    for (let n = 1; n <= 3; n++) read.push(domainsOf(await page(emulator, taskNo, n, 4)));
    expect(read).toEqual([d(1, 2, 3, 4), d(8, 9, 10, 1), d(5, 6)]);
    expect(new Set(read.flat()).size).toBe(9);
  });

  it("shiftingPages counts answers per task: another task's answers do not move it", async () => {
    use({ shiftingPages: 3 });
    await page(emulator, other, 1, 4);
    expect(domainsOf(await page(emulator, taskNo, 1, 4))).toEqual(d(1, 2, 3, 4));
  });

  it("emptyPages.pages: a chosen page comes back empty while the paging fields say it holds details", async () => {
    use({ emptyPages: { pages: [2] } });
    const second = await page(emulator, taskNo, 2, 4);
    expect(domainsOf(second)).toEqual([]);
    expect(paging(second)).toEqual({ CurrentPageNum: 2, TotalPageNum: 3, TotalItemNum: 10, PageSize: 4, PrePage: true, NextPage: true });
    expect(domainsOf(await page(emulator, taskNo, 3, 4))).toEqual(d(9, 10));
  });

  it("emptyPages.from: every page from n on is empty", async () => {
    use({ emptyPages: { from: 2 } });
    expect(domainsOf(await page(emulator, taskNo, 1, 4))).toEqual(d(1, 2, 3, 4));
    expect([domainsOf(await page(emulator, taskNo, 2, 4)), domainsOf(await page(emulator, taskNo, 3, 4))]).toEqual([[], []]);
  });

  it("pageSizeCap: applies min(PageSize, cap) but echoes the PageSize asked; the page count follows the echo", async () => {
    use({ pageSizeCap: 3 });
    const first = await page(emulator, taskNo, 1, 5);
    const second = await page(emulator, taskNo, 2, 5);
    expect([domainsOf(first), domainsOf(second)]).toEqual([d(1, 2, 3), d(4, 5, 6)]);
    expect(paging(second)).toEqual({ CurrentPageNum: 2, TotalPageNum: 2, TotalItemNum: 10, PageSize: 5, PrePage: true, NextPage: false });
  });

  it("echoedPageSize: applies the PageSize asked but echoes a larger one; the page count follows the echo", async () => {
    use({ echoedPageSize: 10 });
    const first = await page(emulator, taskNo, 1, 5);
    expect(domainsOf(first)).toEqual(d(1, 2, 3, 4, 5));
    expect(paging(first)).toEqual({ CurrentPageNum: 1, TotalPageNum: 1, TotalItemNum: 10, PageSize: 10, PrePage: false, NextPage: false });
  });

  it("partialListing: only the first N details exist, consistently (aging out)", async () => {
    use({ partialListing: 6 });
    const all = await page(emulator, taskNo, 1, 10);
    expect([all.TotalItemNum, all.TotalPageNum, domainsOf(all)]).toEqual([6, 1, d(1, 2, 3, 4, 5, 6)]);
    const failed = await page(emulator, taskNo, 1, 10, { TaskStatus: "3" });
    expect([failed.TotalItemNum, domainsOf(failed)]).toEqual([1, d(5)]);
  });
});

describe("counts that do not describe the details", () => {
  it.each([0, -3])("totalItemNum %i: the details are still served and NextPage stays true while pages remain", async (value) => {
    use({ totalItemNum: value });
    const first = await page(emulator, taskNo, 1, 4);
    expect(domainsOf(first)).toEqual(d(1, 2, 3, 4));
    expect(paging(first)).toEqual({ CurrentPageNum: 1, TotalPageNum: 0, TotalItemNum: value, PageSize: 4, PrePage: false, NextPage: true });
    expect((await page(emulator, taskNo, 3, 4)).NextPage).toBe(false);
  });

  it("totalItemNumOffset: TotalItemNum (and TotalPageNum) off by the offset", async () => {
    use({ totalItemNumOffset: -2 });
    const first = await page(emulator, taskNo, 1, 4);
    expect([first.TotalItemNum, first.TotalPageNum, first.NextPage]).toEqual([8, 2, true]);
    expect(domainsOf(await page(emulator, taskNo, 3, 4))).toEqual(d(9, 10));
  });

  it("omitTaskDetail: Data carries no TaskDetail at all while TotalItemNum says 10", async () => {
    use({ omitTaskDetail: true });
    const body = await page(emulator, taskNo, 1, 10);
    expect([body.TotalItemNum, body.Data]).toEqual([10, {}]);
  });
});

describe("answers that do not belong to the question", () => {
  it("foreignTaskNo: every Nth detail carries another TaskNo", async () => {
    use({ foreignTaskNo: { every: 3 } });
    const taskNos = detailsOf(await page(emulator, taskNo, 1, 10)).map((x) => x.TaskNo);
    expect(taskNos.map((t, i) => (t === FOREIGN_TASK_NO ? i + 1 : 0)).filter(Boolean)).toEqual([3, 6, 9]);
    expect(taskNos.filter((t) => t === taskNo)).toHaveLength(7);
    use({ foreignTaskNo: { every: 10, taskNo: other } });
    expect(detailsOf(await page(emulator, taskNo, 1, 10))[9].TaskNo).toBe(other);
  });

  it("ignoreDomainNameFilter and ignoreInstanceIdFilter: every detail comes back", async () => {
    use({ ignoreDomainNameFilter: true });
    const byName = await page(emulator, taskNo, 1, 10, { DomainName: "d3.example.com" });
    expect([byName.TotalItemNum, domainsOf(byName)]).toEqual([10, d(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]);
    use({ ignoreInstanceIdFilter: true });
    const instanceId = String(detailsOf(await page(emulator, taskNo, 1, 1))[0].InstanceId);
    const byInstance = await page(emulator, taskNo, 1, 10, { InstanceId: instanceId });
    expect(byInstance.TotalItemNum).toBe(10);
    use({});
    expect((await page(emulator, taskNo, 1, 10, { InstanceId: instanceId })).TotalItemNum).toBe(1);
  });

  it("ignoreTaskStatusFilter: a TaskStatus query is answered exactly like the same query without it", async () => {
    use({ ignoreTaskStatusFilter: true });
    const strip = (body: Record<string, unknown>) => ({ ...body, RequestId: undefined });
    for (const status of ["0", "1", "2", "3"]) {
      expect(strip(await page(emulator, taskNo, 2, 4, { TaskStatus: status }))).toEqual(strip(await page(emulator, taskNo, 2, 4)));
    }
  });

  it("emptyTaskStatusAnswers: a TaskStatus query says 0 and lists nothing; unfiltered queries are unchanged", async () => {
    use({ emptyTaskStatusAnswers: true });
    const failed = await page(emulator, taskNo, 1, 10, { TaskStatus: "3" });
    expect([failed.TotalItemNum, failed.TotalPageNum, domainsOf(failed)]).toEqual([0, 0, []]);
    expect((await page(emulator, taskNo, 1, 10)).TotalItemNum).toBe(10);
  });
});

describe("details that contradict themselves", () => {
  it("failureStatusMismatch statusSaysSuccess: a failure is sent as EXECUTE_SUCCESS with code 3", async () => {
    use({ failureStatusMismatch: "statusSaysSuccess" });
    const details = await byDomain();
    expect(details["d5.example.com"]).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS", TaskStatusCode: 3 });
    expect(details["d4.example.com"]).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS", TaskStatusCode: 2 });
    expect(domainsOf(await page(emulator, taskNo, 1, 10, { TaskStatus: "3" }))).toEqual(d(5, 10));
  });

  it("failureStatusMismatch codeSaysSuccess: a failure is sent as EXECUTE_FAILURE with code 2", async () => {
    use({ failureStatusMismatch: "codeSaysSuccess" });
    expect((await byDomain())["d10.example.com"]).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", TaskStatusCode: 2 });
  });

  it("failuresReuseTaskDetailNo: a failure is sent under the TaskDetailNo of a succeeded detail", async () => {
    use({ failuresReuseTaskDetailNo: true });
    const details = await byDomain();
    expect(details["d5.example.com"].TaskDetailNo).toBe(details["d1.example.com"].TaskDetailNo);
    expect(details["d10.example.com"].TaskDetailNo).toBe(details["d1.example.com"].TaskDetailNo);
    expect([details["d1.example.com"].TaskStatus, details["d5.example.com"].TaskStatus]).toEqual(["EXECUTE_SUCCESS", "EXECUTE_FAILURE"]);
    expect(new Set(Object.values(details).map((x) => x.TaskDetailNo)).size).toBe(8);
  });

  it("failureFlicker: a failure reads EXECUTING on every other answer, and the TaskStatus filter follows", async () => {
    use({ failureFlicker: true });
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await byDomain())["d5.example.com"].TaskStatus);
    expect(statuses).toEqual(["EXECUTE_FAILURE", "EXECUTING", "EXECUTE_FAILURE", "EXECUTING"]);
    expect((await page(emulator, taskNo, 1, 10, { TaskStatus: "3" })).TotalItemNum).toBe(2); // answer 5
    expect((await page(emulator, taskNo, 1, 10, { TaskStatus: "3" })).TotalItemNum).toBe(0); // answer 6
  });

  it("failuresListedAsSuccess: TaskStatus=3 counts and lists the failures; the unfiltered listing shows none", async () => {
    use({ failuresListedAsSuccess: true });
    const failed = await page(emulator, taskNo, 1, 10, { TaskStatus: "3" });
    expect([failed.TotalItemNum, domainsOf(failed)]).toEqual([2, d(5, 10)]);
    expect((await page(emulator, taskNo, 1, 10, { TaskStatus: "2" })).TotalItemNum).toBe(8);
    const all = detailsOf(await page(emulator, taskNo, 1, 10));
    expect(all.map((x) => `${x.TaskStatus}/${x.TaskStatusCode}`)).toEqual(Array(10).fill("EXECUTE_SUCCESS/2"));
    expect(all.find((x) => x.DomainName === "d5.example.com")).not.toHaveProperty("FailReason");
  });
});

describe("scope and configuration", () => {
  it("taskQuirks: a quirk for one TaskNo leaves the other tasks honest, and lays over the global quirks", async () => {
    emulator.setFaults({ quirks: { nextPageAlwaysTrue: true }, taskQuirks: { [taskNo]: { omitTaskDetail: true } } });
    const quirky = await page(emulator, taskNo, 1, 10);
    const honest = await page(emulator, other, 1, 10);
    expect([quirky.Data, quirky.NextPage]).toEqual([{}, true]);
    expect([domainsOf(honest).length, honest.NextPage]).toEqual([10, true]);
  });

  it("travels as JSON through the admin endpoint", async () => {
    const response = await fetch(`${emulator.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({ taskQuirks: { [taskNo]: { hiddenDetails: { last: 1 }, failureStatusMismatch: "statusSaysSuccess" } } }),
    });
    expect(response.status).toBe(200);
    const body = await page(emulator, taskNo, 1, 10);
    expect([body.TotalItemNum, detailsOf(body).length]).toEqual([10, 9]);
  });

  it("refuses a bad quirk, naming the field", async () => {
    expect(() => use({ failureStatusMismatch: "sometimes" as never })).toThrow(/quirks\.failureStatusMismatch/);
    expect(() => emulator.setFaults({ taskQuirks: { [taskNo]: { pageSizeCap: 0 } } })).toThrow(/taskQuirks\..*\.pageSizeCap/);
    use({});
    expect((await callError(page(emulator, taskNo, 0, 10))).code).toBe("InvalidPageNum");
  });
});
