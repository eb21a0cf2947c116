/**
 * Fault injection and quirks, switched per run, and the request counters tests and benchmarks read.
 * Rules number QueryTaskDetailList requests from 1 (restarting at each setFaults).
 */
import { startEmulator, type Emulator } from "../../emulator";
import { callApi, callError, detailsOf, page } from "./helpers";

let emulator: Emulator;
let taskNo: string;
let single: string;

beforeAll(async () => {
  emulator = await startEmulator();
  taskNo = emulator.addTask({ batch: { count: 5 } });
  single = emulator.addTask({ details: [{ domainName: "one.example.com", outcome: "failure", taskResult: "1024", failReason: "2400 Command failed" }] });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.setFaults({});
  emulator.resetStats();
});

/** Outcome of one call: the HTTP status and code, or the transport failure. */
const attempt = async (): Promise<string> => {
  try {
    const result = await callApi(emulator, { TaskNo: taskNo, PageNum: "1", PageSize: "10" });
    return String(result.statusCode);
  } catch (error) {
    const e = error as { statusCode?: number; code?: string; name: string };
    return e.statusCode ? `${e.statusCode} ${e.code}` : e.name;
  }
};
const attempts = async (n: number) => {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await attempt());
  return out;
};

describe("fault rules", () => {
  it("throttles every Nth request with Throttling.User", async () => {
    emulator.setFaults({ rules: [{ fault: "throttling", every: 3 }] });
    expect(await attempts(6)).toEqual(["200", "200", "400 Throttling.User", "200", "200", "400 Throttling.User"]);
  });

  it("fails a burst of requests from..from+count-1", async () => {
    emulator.setFaults({ rules: [{ fault: "internalError", from: 2, count: 2 }] });
    expect(await attempts(5)).toEqual(["200", "500 InternalError", "500 InternalError", "200", "200"]);
  });

  it("answers 503 ServiceUnavailable with the real error body", async () => {
    emulator.setFaults({ rules: [{ fault: "serviceUnavailable", from: 1, count: 1 }] });
    const error = await callError(callApi(emulator, { TaskNo: taskNo, PageNum: "1", PageSize: "10" }));
    expect(error.statusCode).toBe(503);
    expect(error.data).toMatchObject({ Code: "ServiceUnavailable", Message: "The request has failed due to a temporary failure of the server.", HostId: "domain.aliyuncs.com" });
  });

  it("answers a 502 with an HTML body, which openapi-client cannot parse", async () => {
    emulator.setFaults({ rules: [{ fault: "html502", every: 1 }] });
    const error = await callError(callApi(emulator, { TaskNo: taskNo, PageNum: "1", PageSize: "10" }));
    expect(error.name).toBe("SyntaxError");
    const raw = await fetch(`${emulator.url}/?Action=QueryTaskDetailList&Version=2018-01-29`);
    expect(raw.status).toBe(502);
    expect(raw.headers.get("content-type")).toBe("text/html");
    expect(await raw.text()).toContain("<h1>502 Bad Gateway</h1>");
  });

  it("drops the connection without an answer", async () => {
    emulator.setFaults({ rules: [{ fault: "dropConnection", from: 1, count: 1 }] });
    const error = await callError(callApi(emulator, { TaskNo: taskNo, PageNum: "1", PageSize: "10" }));
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
    expect(await attempt()).toBe("200");
  });

  it("applies the first matching rule and restarts the count on setFaults", async () => {
    emulator.setFaults({ rules: [{ fault: "serviceUnavailable", from: 2, count: 1 }, { fault: "throttling", every: 2 }] });
    expect(await attempts(4)).toEqual(["200", "503 ServiceUnavailable", "200", "400 Throttling.User"]);
    emulator.setFaults({ rules: [{ fault: "throttling", every: 2 }] });
    expect(await attempts(2)).toEqual(["200", "400 Throttling.User"]);
  });

  it("injects faults before authentication, like a gateway in front of the service", async () => {
    emulator.setFaults({ rules: [{ fault: "throttling", every: 1 }] });
    const error = await callError(callApi(emulator, { TaskNo: taskNo, PageNum: "1", PageSize: "10" }, { credential: { accessKeyId: "nobody", accessKeySecret: "x" } }));
    expect(error.code).toBe("Throttling.User");
  });

  it("adds latency to every response and still answers correctly", async () => {
    emulator.setFaults({ latencyMs: 30 });
    expect(await attempts(2)).toEqual(["200", "200"]);
  });

  it("refuses an invalid fault config, naming the field", () => {
    expect(() => emulator.setFaults({ rules: [{ fault: "meltdown" as never, every: 1 }] })).toThrow(/rules\.0\.fault/);
    expect(() => emulator.setFaults({ rules: [{ fault: "throttling" }] })).toThrow(/every: N/);
  });
});

describe("quirks", () => {
  it("nextPageAlwaysTrue: NextPage is true on the last page", async () => {
    emulator.setFaults({ quirks: { nextPageAlwaysTrue: true } });
    expect(await page(emulator, taskNo, 1, 10)).toMatchObject({ TotalPageNum: 1, NextPage: true });
  });

  it("totalPageNumOffset: TotalPageNum is off by the offset", async () => {
    emulator.setFaults({ quirks: { totalPageNumOffset: 2 } });
    expect(await page(emulator, taskNo, 1, 2)).toMatchObject({ TotalItemNum: 5, TotalPageNum: 5 });
    emulator.setFaults({ quirks: { totalPageNumOffset: -1 } });
    expect(await page(emulator, taskNo, 1, 2)).toMatchObject({ TotalPageNum: 2 });
  });

  it("repeatLastPagePastEnd: a page past the end repeats the last page", async () => {
    emulator.setFaults({ quirks: { repeatLastPagePastEnd: true } });
    const last = detailsOf(await page(emulator, taskNo, 3, 2));
    const past = await page(emulator, taskNo, 9, 2);
    expect(past.CurrentPageNum).toBe(9);
    expect(detailsOf(past)).toEqual(last);
  });

  it("singleObjectDetail: Data.TaskDetail is an object when the page holds one detail", async () => {
    emulator.setFaults({ quirks: { singleObjectDetail: true } });
    const body = await page(emulator, single, 1, 10);
    expect(Array.isArray((body.Data as { TaskDetail: unknown }).TaskDetail)).toBe(false);
    expect((body.Data as { TaskDetail: { DomainName: string } }).TaskDetail.DomainName).toBe("one.example.com");
    const many = await page(emulator, taskNo, 1, 10);
    expect(Array.isArray((many.Data as { TaskDetail: unknown }).TaskDetail)).toBe(true);
  });

  it("numericTaskResult and trailingNewlineFailReason", async () => {
    emulator.setFaults({ quirks: { numericTaskResult: true, trailingNewlineFailReason: true } });
    const detail = detailsOf(await page(emulator, single, 1, 10))[0];
    expect(detail.TaskResult).toBe(1024);
    expect(detail.FailReason).toBe("2400 Command failed\n");
    emulator.setFaults({});
    const plain = detailsOf(await page(emulator, single, 1, 10))[0];
    expect([plain.TaskResult, plain.FailReason]).toEqual(["1024", "2400 Command failed"]);
  });
});

describe("stats", () => {
  it("counts requests by action, page and HTTP status, with a log of each", async () => {
    await page(emulator, taskNo, 1, 2);
    await page(emulator, taskNo, 2, 2, { TaskStatus: "2" });
    await callError(callApi(emulator, { TaskNo: taskNo, PageNum: "1", PageSize: "2" }, { action: "QueryTaskInfoHistory" }));
    emulator.setFaults({ rules: [{ fault: "dropConnection", every: 1 }] });
    await callError(callApi(emulator, { TaskNo: taskNo, PageNum: "3", PageSize: "2" }));
    const stats = emulator.stats();
    expect(stats.total).toBe(4);
    expect(stats.byAction).toEqual({ QueryTaskDetailList: 3, QueryTaskInfoHistory: 1 });
    expect(stats.byPage).toEqual({ "1": 1, "2": 1, "3": 1 });
    expect(stats.byStatus).toEqual({ "200": 2, "404": 1, "0": 1 });
    expect(stats.requests).toEqual([
      { action: "QueryTaskDetailList", taskNo, pageNum: 1, pageSize: 2, httpStatus: 200, at: expect.any(Number) },
      { action: "QueryTaskDetailList", taskNo, pageNum: 2, pageSize: 2, taskStatus: "2", httpStatus: 200, at: expect.any(Number) },
      { action: "QueryTaskInfoHistory", httpStatus: 404, code: "InvalidAction.NotFound", at: expect.any(Number) },
      { action: "QueryTaskDetailList", taskNo, pageNum: 3, pageSize: 2, httpStatus: 0, fault: "dropConnection", at: expect.any(Number) },
    ]);
    emulator.resetStats();
    expect(emulator.stats()).toEqual({ total: 0, byAction: {}, byPage: {}, byStatus: {}, requests: [] });
  });
});
