import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { DomainTaskClient } from "../../../sdk/api/client";
import { INVALID_RESPONSE, parseTaskDetailPage } from "../../../sdk/api/response";
import * as schemas from "../../../sdk/api/schemas";
import { QueryTaskDetailListResponseSchema, readStrictTaskDetailPage, safeParseTaskDetailPage } from "../../../sdk/api/schemas";
import { DomainApiError } from "../../../sdk/errors";
import { clientFor, useEmulator } from "../../support/emulator-client";
import { rejectionOf } from "../../support/rejection";

const ctx = useEmulator();

const page = (over: Record<string, unknown> = {}) => ({
  RequestId: "RID-1",
  CurrentPageNum: 1,
  TotalPageNum: 1,
  TotalItemNum: 1,
  PageSize: 10,
  PrePage: false,
  NextPage: false,
  Data: { TaskDetail: [{ TaskNo: "T1", TaskDetailNo: "D1", DomainName: "a.example", TaskStatus: "EXECUTE_SUCCESS", TaskStatusCode: 2 }] },
  ...over,
});

describe("parseTaskDetailPage: strict where it matters", () => {
  it.each(["CurrentPageNum", "TotalPageNum", "TotalItemNum", "PageSize"])("a missing %s is InvalidResponse with the RequestId", (field) => {
    const body: Record<string, unknown> = page();
    delete body[field];
    let err: unknown;
    try {
      parseTaskDetailPage(body);
    } catch (e) {
      err = e;
    }
    expect(DomainApiError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ code: INVALID_RESPONSE, statusCode: 200, requestId: "RID-1", retryable: false });
    expect((err as Error).message).toMatch(new RegExp(`^InvalidResponse \\(HTTP 200\\): .*unusable ${field} \\(got nothing.*RequestId: RID-1\\.`));
  });

  it("a non-numeric paging field is InvalidResponse showing the value", () => {
    expect(() => parseTaskDetailPage(page({ TotalItemNum: "many" }))).toThrow(/unusable TotalItemNum \(got "many"/);
  });

  it("a body that is not an object is InvalidResponse without a RequestId", () => {
    expect(() => parseTaskDetailPage("<html>")).toThrow(/^InvalidResponse \(HTTP 200\): .*RequestId: none\./);
  });

  it("keeps an unknown TaskStatus verbatim, never mapping it to a known one", () => {
    const p = parseTaskDetailPage(page({ Data: { TaskDetail: [{ TaskNo: "T1", TaskDetailNo: "D1", TaskStatus: "PAUSED" }] } }));
    expect(p.details[0]).toMatchObject({ taskStatus: "PAUSED", taskStatusCode: -1 });
  });
});

describe("parsing over HTTP: the emulator's quirks are absorbed", () => {
  it("single-object TaskDetail, numeric TaskResult, trailing newline in FailReason, NextPage on the last page", async () => {
    const taskNo = ctx.emu.addTask({
      details: [{ domainName: "q.example", outcome: "failure", taskResult: "42", failReason: "registry said no" }],
    });
    ctx.emu.setFaults({ quirks: { singleObjectDetail: true, numericTaskResult: true, trailingNewlineFailReason: true, nextPageAlwaysTrue: true } });
    const { client } = clientFor(ctx.emu);
    const p = await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 10 });
    expect(p.nextPage).toBe(true);
    expect(p.details).toEqual([expect.objectContaining({ domainName: "q.example", taskResult: "42", failReason: "registry said no", taskStatus: "EXECUTE_FAILURE" })]);
  });

  it("an empty task parses to no details", async () => {
    const { client } = clientFor(ctx.emu);
    const p = await client.queryTaskDetailList({ taskNo: "no-such-task", pageNum: 1, pageSize: 10 });
    expect([p.totalItemNum, p.details]).toEqual([0, []]);
  });

  it("a 200 response without paging fields is InvalidResponse, not retried", async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ RequestId: "RID-BROKEN", Data: { TaskDetail: [] } }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const client = new DomainTaskClient({
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        credentials: { accessKeyId: "id", accessKeySecret: "secret" },
        env: {},
      });
      const err = await rejectionOf(client.queryTaskDetailList({ taskNo: "T1", pageNum: 1, pageSize: 10 }));
      expect(err).toMatchObject({ code: INVALID_RESPONSE, requestId: "RID-BROKEN", attempts: 1 });
      expect(hits).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe("the strict fast path and the lenient schema give the same page", () => {
  /** A small seeded PRNG (mulberry32), so a failing shape can be reproduced from its seed. */
  const prng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const STRING_FIELDS = ["TaskNo", "TaskDetailNo", "InstanceId", "DomainName", "TaskType", "TaskTypeDescription", "TaskStatus",
    "TaskResult", "ErrorMsg", "FailReason", "CreateTime", "UpdateTime"];

  /** A body of the documented types: some fields absent, some strings with trailing blanks, unknown extra fields. */
  const documented = (random: () => number): Record<string, unknown> => {
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    const detail = () => {
      const d: Record<string, unknown> = {};
      for (const f of STRING_FIELDS) if (random() < 0.9) d[f] = pick(["", "x", "EXECUTE_SUCCESS", "PAUSED", "registry busy\n", " a b  ", "中文\t"]);
      if (random() < 0.8) d.TaskStatusCode = pick([0, 1, 2, 3, 7]);
      if (random() < 0.8) d.TryCount = pick([0, 1, 5]);
      if (random() < 0.2) d.SomethingNew = "ignored";
      return d;
    };
    const body: Record<string, unknown> = { RequestId: pick(["R-1", "R-2 "]), CurrentPageNum: 1, TotalPageNum: pick([0, 1, 3]), TotalItemNum: pick([0, 2, 2500]), PageSize: 1000 };
    if (random() < 0.7) body.PrePage = random() < 0.5;
    if (random() < 0.7) body.NextPage = random() < 0.5;
    if (random() < 0.9) body.Data = { TaskDetail: Array.from({ length: Math.floor(random() * 4) }, detail) };
    return body;
  };

  /** Each quirk the lenient schema absorbs, applied to a documented body. */
  const QUIRKS: Array<[string, (b: Record<string, unknown>) => void]> = [
    ["single-object TaskDetail", (b) => (b.Data = { TaskDetail: { TaskNo: "T", TaskStatus: "EXECUTE_SUCCESS ", TaskStatusCode: 2 } })],
    ["numeric TaskResult", (b) => (b.Data = { TaskDetail: [{ TaskNo: "T", TaskResult: 42 }, { TaskNo: "U", TaskResult: "ok " }] })],
    ["boolean TaskResult", (b) => (b.Data = { TaskDetail: [{ TaskNo: "T", TaskResult: true }] })],
    ["null strings", (b) => (b.Data = { TaskDetail: [{ TaskNo: null, FailReason: null, DomainName: "a.example" }] })],
    ["numeric-string codes", (b) => (b.Data = { TaskDetail: [{ TaskNo: "T", TaskStatusCode: "2", TryCount: " 3 " }] })],
    ["numeric-string paging", (b) => Object.assign(b, { TotalItemNum: "2500", PageSize: "1000", CurrentPageNum: " 1" })],
    ["string booleans", (b) => Object.assign(b, { NextPage: "true", PrePage: "false" })],
    ["Data null", (b) => (b.Data = null)],
    ["Data empty string", (b) => (b.Data = "")],
    ["Data without TaskDetail", (b) => (b.Data = {})],
    ["TaskDetail null", (b) => (b.Data = { TaskDetail: null })],
    ["null codes", (b) => (b.Data = { TaskDetail: [{ TaskNo: "T", TaskStatus: "EXECUTING", TaskStatusCode: null, TryCount: null }] })],
    ["null flags", (b) => Object.assign(b, { NextPage: null, PrePage: null })],
  ];

  it("reads a null optional code or flag as absent (-1, 0, false), and a null paging count as an error", () => {
    const body = { RequestId: "R", CurrentPageNum: 1, TotalPageNum: 1, TotalItemNum: 1, PageSize: 10, NextPage: null, PrePage: null,
      Data: { TaskDetail: [{ TaskNo: "T", TaskStatus: "EXECUTING", TaskStatusCode: null, TryCount: null }] } };
    const page = safeParseTaskDetailPage(body).result.data;
    expect(page).toMatchObject({ nextPage: false, prePage: false });
    expect(page?.details[0]).toMatchObject({ taskStatus: "EXECUTING", taskStatusCode: -1, tryCount: 0 });
    const nullCount = safeParseTaskDetailPage({ ...body, TotalItemNum: null }).result;
    expect(nullCount.success).toBe(false);
    expect(nullCount.error?.issues[0].path).toEqual(["TotalItemNum"]);
  });

  /** Wrong-typed values a broken service might send, put in one field of a documented body at a time. */
  const MALFORMED: unknown[] = [null, "", "x", " 7 ", "1.5", 1.5, -1, 2 ** 60, true, "true", {}, [], [{}], { TaskDetail: [] }];

  it("the fast path accepts no malformed body the lenient schema refuses, and gives its output when both accept", () => {
    const fields = (body: Record<string, unknown>) => {
      const paths: Array<[Record<string, unknown>, string]> = Object.keys(body).map((k) => [body, k]);
      const data = body.Data as { TaskDetail?: Array<Record<string, unknown>> } | undefined;
      for (const d of data?.TaskDetail ?? []) for (const k of [...STRING_FIELDS, "TaskStatusCode", "TryCount"]) paths.push([d, k]);
      if (data) paths.push([data as Record<string, unknown>, "TaskDetail"]);
      return paths;
    };
    let checked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const count = fields(documented(prng(seed))).length;
      for (let i = 0; i < count; i++) {
        for (const value of MALFORMED) {
          const body = documented(prng(seed));
          const [owner, key] = fields(body)[i];
          owner[key] = value;
          const { strict, lenient } = both(body);
          if (!strict.success) continue;
          checked += 1;
          expect({ seed, key, value, lenient: lenient.success }).toEqual({ seed, key, value, lenient: true });
          expect(strict.data).toEqual(lenient.data);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  /** The strict reader's answer, in the shape of a zod result. */
  const strictRead = (body: unknown) => {
    const data = readStrictTaskDetailPage(body);
    return { success: data !== undefined, data };
  };
  const both = (body: unknown) => ({
    strict: strictRead(body),
    lenient: QueryTaskDetailListResponseSchema.safeParse(body),
    chosen: safeParseTaskDetailPage(body),
  });

  it("documented-shaped bodies take the strict path, with exactly the lenient schema's output", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const body = documented(prng(seed));
      const { strict, lenient, chosen } = both(body);
      expect({ seed, success: strict.success }).toEqual({ seed, success: true });
      expect(lenient.success).toBe(true);
      expect(strict.data).toEqual(lenient.data);
      expect(chosen.path).toBe("strict");
      expect(chosen.result.data).toEqual(lenient.data);
    }
  });

  it.each(QUIRKS)("a body with %s: the lenient schema parses it, and the strict one either refuses it or agrees", (_name, quirk) => {
    for (let seed = 1; seed <= 20; seed++) {
      const body = documented(prng(seed));
      quirk(body);
      const { strict, lenient, chosen } = both(body);
      expect(lenient.success).toBe(true);
      if (strict.success) expect(strict.data).toEqual(lenient.data);
      expect(chosen.path).toBe(strict.success ? "strict" : "lenient");
      expect(chosen.result.data).toEqual(lenient.data);
    }
  });

  it("a body neither accepts reports the lenient schema's error", () => {
    const chosen = safeParseTaskDetailPage({ RequestId: "R", CurrentPageNum: 1, TotalPageNum: 1, PageSize: 10, TotalItemNum: "many" });
    expect(chosen.path).toBe("lenient");
    expect(chosen.result.success).toBe(false);
    expect(chosen.result.error?.issues[0].path).toEqual(["TotalItemNum"]);
  });

  it("the emulator's pages (documented types) take the fast path; a quirky one falls back", async () => {
    const spy = jest.spyOn(schemas, "safeParseTaskDetailPage");
    try {
      const taskNo = ctx.emu.addTask({ batch: { count: 30, failEvery: 7, failReason: "busy" } });
      const { client } = clientFor(ctx.emu);
      await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 10 });
      expect(spy.mock.results.map((r) => (r.value as { path: string }).path)).toEqual(["strict"]);
      ctx.emu.setFaults({ quirks: { numericTaskResult: true } });
      const single = ctx.emu.addTask({ details: [{ domainName: "q.example", taskResult: "42" }] });
      const p = await client.queryTaskDetailList({ taskNo: single, pageNum: 1, pageSize: 10 });
      expect(p.details[0].taskResult).toBe("42");
      expect(spy.mock.results.map((r) => (r.value as { path: string }).path)).toEqual(["strict", "lenient"]);
    } finally {
      spy.mockRestore();
    }
  });
});
