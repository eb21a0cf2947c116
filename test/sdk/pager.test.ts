import type { Emulator } from "../../emulator";
import type { DomainTaskApi, DomainTaskClient } from "../../sdk/api/client";
import type { TaskDetail, TaskDetailPage } from "../../sdk/api/schemas";
import { VirtualClock } from "../../sdk/clock";
import { AbortError, DomainApiError, InconsistentAnswerError, PagingError, ValidationError } from "../../sdk/errors";
import { listTaskDetails, paginateTaskDetails } from "../../sdk/read";
import { clientFor, requestsFor, start } from "../support/emulator-client";
import { WatchedApi } from "../support/watched-api";

const ids = (details: readonly TaskDetail[]) => details.map((d) => d.taskDetailNo);
const distinct = (values: string[]) => new Set(values).size === values.length;

describe("pager against the emulator", () => {
  let emulator: Emulator;
  let client: DomainTaskClient;
  const clock = new VirtualClock();

  beforeAll(async () => {
    emulator = await start({ clock });
    client = clientFor(emulator).client;
  });
  afterAll(() => emulator.close());
  afterEach(() => emulator.setFaults({}));

  const batch = (count: number) => emulator.addTask({ batch: { count } });

  it("reads 2500 details in exactly ceil(2500 / 1000) = 3 requests, each page once, each detail once", async () => {
    const taskNo = batch(2500);
    const result = await listTaskDetails(client, { taskNo });
    expect(result.details).toHaveLength(2500);
    expect(distinct(ids(result.details))).toBe(true);
    expect(result.details[0].domainName).toBe("domain-1.example.com");
    expect(result.details[2499].domainName).toBe("domain-2500.example.com");
    expect(result).toMatchObject({ requests: 3, duplicatesRemoved: 0, anomalies: [] });
    expect(requestsFor(emulator, taskNo).map((r) => r.pageNum).sort()).toEqual([1, 2, 3]);
  });

  it("ends after one request on the API reference's sample: NextPage true on the only page", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com", taskResult: "ok" }] });
    emulator.setFaults({ quirks: { nextPageAlwaysTrue: true } });
    const result = await listTaskDetails(client, { taskNo });
    expect(result.details.map((d) => d.domainName)).toEqual(["example.com"]);
    expect(requestsFor(emulator, taskNo)).toHaveLength(1);
    expect(result.requests).toBe(1);
    expect(result.anomalies.join("\n")).toMatch(/NextPage is true on the last page/);
  });

  it("ignores NextPage on every page: a service that never stops saying it costs no extra request", async () => {
    const taskNo = batch(250);
    emulator.setFaults({ quirks: { nextPageAlwaysTrue: true, repeatLastPagePastEnd: true } });
    const result = await listTaskDetails(client, { taskNo }, { pageSize: 100 });
    expect(result.details).toHaveLength(250);
    expect(requestsFor(emulator, taskNo)).toHaveLength(3);
  });

  it.each([2, 1, -1, -3])("pages by TotalItemNum when TotalPageNum is off by %i", async (offset) => {
    const taskNo = batch(250);
    emulator.setFaults({ quirks: { totalPageNumOffset: offset } });
    const result = await listTaskDetails(client, { taskNo }, { pageSize: 100 });
    expect(ids(result.details)).toHaveLength(250);
    expect(distinct(ids(result.details))).toBe(true);
    expect(requestsFor(emulator, taskNo)).toHaveLength(3);
    expect(result.anomalies.join("\n")).toMatch(/TotalPageNum \S+ disagrees with TotalItemNum 250/);
  });

  it("reads a page holding a single object instead of an array", async () => {
    const taskNo = batch(21);
    emulator.setFaults({ quirks: { singleObjectDetail: true } });
    const result = await listTaskDetails(client, { taskNo }, { pageSize: 10 });
    expect(result.details.map((d) => d.domainName).at(-1)).toBe("domain-21.example.com");
    expect(result.details).toHaveLength(21);
    expect(requestsFor(emulator, taskNo)).toHaveLength(3);
  });

  it("never ends a read that served fewer distinct details than TotalItemNum (a total too high, the last page repeated past the end)", async () => {
    const taskNo = batch(30);
    emulator.setFaults({ quirks: { repeatLastPagePastEnd: true } });
    // The service's pages are real; only its TotalItemNum is inflated to 100, as a buggy server might.
    const lying = new WatchedApi(client, (_req, page) => ({ ...page, totalItemNum: 100, totalPageNum: 10 }));
    const error = await listTaskDetails(lying, { taskNo }, { pageSize: 10, concurrency: 1 }).catch((e: unknown) => e);
    expect(InconsistentAnswerError.isInstance(error)).toBe(true);
    expect((error as InconsistentAnswerError).message).toMatch(/TotalItemNum says 100, but 30 distinct details were served/);
    expect((error as InconsistentAnswerError).reads).toBe(3);
    // Three reads: 10 pages at 10, 10 again, then 20 at 5 (the last read cuts the pages anew).
    expect(lying.pages.filter((n) => n === 1)).toHaveLength(3);
  });

  it("loses no detail when details leave a filtered result while paging (the pager scans again)", async () => {
    const c = new VirtualClock();
    const emu = await start({ clock: c });
    try {
      // Fifty details processed one after another over 50 s; list the ones still waiting, 10 per page,
      // while 10 s pass after the first page: the waiting set shrinks from the front, so what was page 2
      // moves onto page 1, already read.
      const taskNo = emu.addTask({ batch: { count: 50, durationSeconds: 50 } });
      const api = new WatchedApi(clientFor(emu).client, (_req, page, call) => {
        if (call === 1) c.advance(10_000);
        return page;
      });
      const result = await listTaskDetails(api, { taskNo, taskStatus: "WAITING_EXECUTE" }, { pageSize: 10, concurrency: 1 });
      const stillWaiting = await listTaskDetails(clientFor(emu).client, { taskNo, taskStatus: "WAITING_EXECUTE" }, { pageSize: 10 });
      expect(stillWaiting.details.length).toBeGreaterThan(10);
      expect(ids(result.details)).toEqual(expect.arrayContaining(ids(stillWaiting.details)));
      expect(distinct(ids(result.details))).toBe(true);
      expect(result.anomalies.join("\n")).toMatch(/TotalItemNum changed from/);
    } finally {
      await emu.close();
    }
  });

  it("yields no detail twice when details join a filtered result ahead of the read position", async () => {
    const c = new VirtualClock();
    const emu = await start({ clock: c });
    try {
      // Detail k finishes at (51 - k) s: successes grow from the end towards the front, pushing the
      // details already read onto later pages.
      const details = Array.from({ length: 50 }, (_, i) => ({ domainName: `s${i + 1}.example.com`, finishAfterSeconds: 50 - i }));
      const taskNo = emu.addTask({ details });
      c.advance(20_000);
      const api = new WatchedApi(clientFor(emu).client, (_req, page, call) => {
        if (call === 1) c.advance(10_000);
        return page;
      });
      const result = await listTaskDetails(api, { taskNo, taskStatus: 2 }, { pageSize: 5, concurrency: 1 });
      const finalSet = await listTaskDetails(clientFor(emu).client, { taskNo, taskStatus: 2 }, { pageSize: 5 });
      expect(finalSet.details.length).toBeGreaterThan(20);
      expect(ids(result.details).sort()).toEqual(ids(finalSet.details).sort());
      expect(distinct(ids(result.details))).toBe(true);
      expect(result.duplicatesRemoved).toBeGreaterThan(0);
    } finally {
      await emu.close();
    }
  });

  it("loses no detail when the service omits TaskDetailNo (the de-duplication key), and says so", async () => {
    const taskNo = batch(2500);
    const noIds = new WatchedApi(client, (_request, page) => ({ ...page, details: page.details.map((d) => ({ ...d, taskDetailNo: "" })) }));
    const result = await listTaskDetails(noIds, { taskNo });
    expect(result.details).toHaveLength(2500);
    expect(new Set(result.details.map((d) => d.domainName)).size).toBe(2500);
    expect(result).toMatchObject({ requests: 3, duplicatesRemoved: 0 });
    expect(result.anomalies.join("\n")).toMatch(/without a TaskDetailNo/);
    // Told apart by DomainName and InstanceId, so a rescan or a repeated page still yields each detail once.
    const stripped = (page: TaskDetailPage) => ({ ...page, details: page.details.map((d) => ({ ...d, taskDetailNo: "" })) });
    // Page 3 comes back empty once (its details had moved, say): the pager scans again, seeing pages 1-2 twice.
    let emptied = false;
    const repeated = new WatchedApi(client, (request, page) =>
      stripped(request.pageNum === 3 && !emptied && (emptied = true) ? { ...page, details: [] } : page));
    const again = await listTaskDetails(repeated, { taskNo });
    expect(again.details).toHaveLength(2500);
    expect(new Set(again.details.map((d) => d.domainName)).size).toBe(2500);
    expect(again).toMatchObject({ requests: 6, duplicatesRemoved: 0 });
  });

  it("refuses, after one request, a TotalItemNum implying more pages than maxPages", async () => {
    const taskNo = batch(5);
    const absurd = new WatchedApi(client, (_req, page) => ({ ...page, totalItemNum: 2_000_000_000 }));
    const error = await listTaskDetails(absurd, { taskNo }, { pageSize: 10, maxPages: 1000 }).catch((e: unknown) => e);
    expect(PagingError.isInstance(error)).toBe(true);
    // The first page holds 5 details of a claimed 2e9, so the service applied at most 5 a page: 4e8 pages.
    expect((error as Error).message).toMatch(/TotalItemNum 2000000000 .* implies 400000000 pages of 5, more than maxPages 1000/);
    expect(requestsFor(emulator, taskNo)).toHaveLength(1);
  });

  it("ends in an InconsistentAnswerError, after three reads, when the totals never settle", async () => {
    const taskNo = batch(40);
    // Every answer reports a different TotalItemNum, as if details kept arriving and leaving.
    const restless = new WatchedApi(client, (_req, page, call) => ({ ...page, totalItemNum: 40 + (call % 2) }));
    const error = await listTaskDetails(restless, { taskNo }, { pageSize: 10, concurrency: 1 }).catch((e: unknown) => e);
    expect(InconsistentAnswerError.isInstance(error)).toBe(true);
    expect((error as InconsistentAnswerError).problems.join("\n")).toMatch(/TotalItemNum changed from 4\d to 4\d during one read/);
    expect((error as InconsistentAnswerError).code).toBe("InconsistentAnswer");
    expect(restless.pages.filter((n) => n === 1)).toHaveLength(3);
  });

  it("fetches pages concurrently (at most `concurrency` at once) and yields them in page order", async () => {
    const taskNo = batch(1000);
    const sequential = await listTaskDetails(client, { taskNo }, { pageSize: 50, concurrency: 1 });
    // Answers come back out of order: within each window of four, the later page arrives first.
    const watched = new WatchedApi(client, undefined, (request) => 10 * (4 - (request.pageNum % 4)));
    const order: number[] = [];
    const pager = paginateTaskDetails(watched, { taskNo }, { pageSize: 50, concurrency: 4 });
    for await (const page of pager.byPage()) order.push(page.pageNum);
    const concurrent = await listTaskDetails(watched, { taskNo }, { pageSize: 50, concurrency: 4 });
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(ids(concurrent.details)).toEqual(ids(sequential.details));
    expect(concurrent.details.map((d) => d.domainName).slice(0, 3)).toEqual(["domain-1.example.com", "domain-2.example.com", "domain-3.example.com"]);
    expect(watched.peakInFlight).toBe(4);
    expect(concurrent.requests).toBe(20);
    expect(requestsFor(emulator, taskNo)).toHaveLength(60);
  });

  it("lets one slow page hold back no other: later pages are fetched (up to twice the concurrency ahead) while it is out", async () => {
    const taskNo = batch(1000);
    const requested: number[] = [];
    let releaseSlowPage: () => void = () => undefined;
    const othersAhead = new Promise<void>((resolve) => (releaseSlowPage = resolve));
    // Page 2 answers only once page 9 has been asked for: a window refilled only as pages are taken would never
    // ask for page 9 first, and the safety timeout fails the test.
    const api: DomainTaskApi = {
      queryTaskDetailList: async (request, options) => {
        requested.push(request.pageNum);
        if (request.pageNum === 9) releaseSlowPage();
        if (request.pageNum === 2) {
          let timer: NodeJS.Timeout | undefined;
          const stuck = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("page 9 was never asked for while page 2 was out")), 10_000)));
          await Promise.race([othersAhead, stuck]).finally(() => clearTimeout(timer));
        }
        return client.queryTaskDetailList(request, options);
      },
    };
    const list = await listTaskDetails(api, { taskNo }, { pageSize: 50, concurrency: 4 });
    expect(list.details).toHaveLength(1000);
    // Never more than 2 x 4 answers ahead of the consumer: page 10 waits until page 2 is taken.
    expect(requested.indexOf(10)).toBeGreaterThan(requested.indexOf(9));
    expect(requested).toHaveLength(20);
  });

  it("iterates details with for await, and pages with byPage({ maxPageSize })", async () => {
    const taskNo = batch(230);
    const seen: string[] = [];
    for await (const d of paginateTaskDetails(client, { taskNo }, { pageSize: 100 })) seen.push(d.domainName);
    expect(seen).toHaveLength(230);
    const pager = paginateTaskDetails(client, { taskNo });
    const sizes: number[] = [];
    const tokens: (string | undefined)[] = [];
    for await (const page of pager.byPage({ maxPageSize: 100 })) {
      sizes.push(page.length);
      tokens.push(page.continuationToken);
    }
    expect(sizes).toEqual([100, 100, 30]);
    expect(tokens).toEqual(["2", "3", undefined]);
    expect(pager.stats.requests).toBe(3);
  });

  it("resumes from a continuationToken, reading only the remaining pages", async () => {
    const taskNo = batch(500);
    let token: string | undefined;
    const firstTwo: TaskDetail[] = [];
    for await (const page of paginateTaskDetails(client, { taskNo }, { concurrency: 1 }).byPage({ maxPageSize: 100 })) {
      firstTwo.push(...page);
      token = page.continuationToken;
      if (page.pageNum === 2) break;
    }
    expect(token).toBe("3");
    // (The first iteration prefetched page 3 and cancelled it on break; count the second one's calls only.)
    const watched = new WatchedApi(client);
    const rest = paginateTaskDetails(watched, { taskNo });
    const remaining: TaskDetail[] = [];
    for await (const page of rest.byPage({ maxPageSize: 100, continuationToken: token })) remaining.push(...page);
    expect(rest.stats.requests).toBe(3);
    expect(watched.pages.sort()).toEqual([3, 4, 5]);
    expect(ids([...firstTwo, ...remaining])).toHaveLength(500);
    expect(distinct(ids([...firstTwo, ...remaining]))).toBe(true);
  });

  it("resuming past the end (the task shrank since the token was handed out) costs one request and no rescans", async () => {
    const taskNo = batch(150);
    const watched = new WatchedApi(client);
    const pager = paginateTaskDetails(watched, { taskNo }, { pageSize: 100 });
    const pages: number[] = [];
    for await (const page of pager.byPage({ continuationToken: "3" })) pages.push(page.pageNum);
    expect(pages).toEqual([]);
    expect(watched.pages).toEqual([3]);
    expect(pager.stats).toMatchObject({ requests: 1, rescans: 0, anomalies: [] });
  });

  it("rejects a bad continuationToken, pageSize or concurrency before sending anything", async () => {
    const taskNo = batch(3);
    const pager = paginateTaskDetails(client, { taskNo });
    await expect(pager.byPage({ continuationToken: "page-two" }).next()).rejects.toThrow(/continuationToken must be a page number/);
    await expect(listTaskDetails(client, { taskNo }, { pageSize: 1001 })).rejects.toThrow(ValidationError);
    await expect(listTaskDetails(client, { taskNo }, { concurrency: 0 })).rejects.toMatchObject({ field: "concurrency", value: 0 });
    expect(requestsFor(emulator, taskNo)).toHaveLength(0);
  });

  it("returns nothing, after one request, for a TaskNo without details", async () => {
    const result = await listTaskDetails(client, { taskNo: "no-such-task" });
    expect(result).toMatchObject({ details: [], requests: 1, anomalies: [] });
  });

  it("stops at once with an AbortError when the signal fires, cancelling pages in flight", async () => {
    const taskNo = batch(2000);
    emulator.setFaults({ latencyMs: 200 });
    const controller = new AbortController();
    const pager = paginateTaskDetails(client, { taskNo }, { pageSize: 100, signal: controller.signal });
    const first = await pager.next();
    expect(first.done).toBe(false);
    controller.abort();
    let error: unknown;
    try {
      for await (const _ of pager) void _;
    } catch (e) {
      error = e;
    }
    expect(AbortError.isInstance(error)).toBe(true);
    expect(pager.stats.requests).toBeLessThanOrEqual(5);

    const already = new AbortController();
    already.abort();
    await expect(listTaskDetails(client, { taskNo }, { signal: already.signal })).rejects.toThrow(/abort/i);
  });

  it("lets a non-retryable API error through, unchanged", async () => {
    const taskNo = batch(3);
    const { DomainTaskClient } = await import("../../sdk/api/client");
    const wrongKey = new DomainTaskClient({ endpoint: emulator.url, credentials: { accessKeyId: "nobody", accessKeySecret: "x" }, env: {} });
    const error = await listTaskDetails(wrongKey, { taskNo }).catch((e: unknown) => e);
    expect(DomainApiError.isInstance(error)).toBe(true);
    expect((error as DomainApiError).retryable).toBe(false);
  });
});
