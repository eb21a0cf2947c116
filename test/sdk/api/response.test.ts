import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { DomainTaskClient } from "../../../sdk/api/client";
import { INVALID_RESPONSE, parseTaskDetailPage } from "../../../sdk/api/response";
import { DomainApiError } from "../../../sdk/errors";
import { clientFor, rejectionOf, useEmulator } from "./harness";

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
