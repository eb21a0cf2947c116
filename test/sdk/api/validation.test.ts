import { DomainTaskClient } from "../../../sdk/api/client";
import { toWireQuery } from "../../../sdk/api/request";
import type { QueryTaskDetailListRequest } from "../../../sdk/api/schemas";
import { ValidationError } from "../../../sdk/errors";
import { apiRequests, clientFor, useEmulator } from "../../support/emulator-client";
import { rejectionOf } from "../../support/rejection";

const ctx = useEmulator();
const valid: QueryTaskDetailListRequest = { taskNo: "T1", pageNum: 1, pageSize: 1000 };

describe("request validation, before anything is sent", () => {
  it.each([
    ["taskNo", "", /^taskNo must be a non-empty string; got ""\. Pass the TaskNo returned by the SaveSingleTaskFor\*/],
    ["taskNo", "   ", /^taskNo must be a non-empty string; got " {3}"/],
    ["taskNo", undefined, /^taskNo must be a non-empty string; got nothing/],
    ["pageNum", 0, /^pageNum must be an integer >= 1; got 0\. Pages are numbered from 1\./],
    ["pageNum", 1.5, /^pageNum must be an integer >= 1; got 1\.5/],
    ["pageNum", "2", /^pageNum must be an integer >= 1; got "2"/],
    ["pageSize", 0, /^pageSize must be an integer from 1 to 1000; got 0\. .*1000 makes the fewest calls/],
    ["pageSize", 1001, /^pageSize must be an integer from 1 to 1000; got 1001/],
    ["taskStatus", 4, /^taskStatus must be a status code 0-3 or a status name; got 4\. Use 0-3 or one of WAITING_EXECUTE, EXECUTING, EXECUTE_SUCCESS, EXECUTE_FAILURE/],
    ["taskStatus", -1, /^taskStatus must be .*; got -1/],
    ["taskStatus", "DONE", /^taskStatus must be .*; got "DONE"/],
    ["lang", "fr", /^lang must be "en" or "zh"; got "fr"/],
    ["domainName", "", /^domainName must be a non-empty string; got ""/],
    ["instanceId", " ", /^instanceId must be a non-empty string/],
  ])("%s = %p is a ValidationError naming the field, value and fix; no request is sent", async (field, value, message) => {
    const { client } = clientFor(ctx.emu);
    const err = await rejectionOf(client.queryTaskDetailList({ ...valid, [field]: value } as QueryTaskDetailListRequest));
    expect(ValidationError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ field, value });
    expect(err.message).toMatch(message);
    expect(apiRequests(ctx.emu)).toBe(0);
  });

  it("rejects a request that is not an object", async () => {
    const { client } = clientFor(ctx.emu);
    const err = await rejectionOf(client.queryTaskDetailList(null as unknown as QueryTaskDetailListRequest));
    expect(err).toMatchObject({ name: "ValidationError", field: "request" });
  });

  it("validates before resolving credentials: a bad request never reaches the credential chain", async () => {
    const client = new DomainTaskClient({ endpoint: ctx.emu.url, env: {}, profile: "does-not-exist" });
    const err = await rejectionOf(client.queryTaskDetailList({ ...valid, pageSize: 0 }));
    expect(ValidationError.isInstance(err)).toBe(true);
  });
});

describe("toWireQuery", () => {
  it("puts every value on the wire as a string, TaskStatus as its code, and omits what is unset", () => {
    expect(toWireQuery({ taskNo: " T1 ", pageNum: 2, pageSize: 50, taskStatus: "EXECUTE_FAILURE", lang: "zh" })).toEqual({
      TaskNo: "T1",
      PageNum: "2",
      PageSize: "50",
      TaskStatus: "3",
      Lang: "zh",
    });
    expect(toWireQuery({ taskNo: "T1", pageNum: 1, pageSize: 1, taskStatus: 0, domainName: "a.example", instanceId: "S1", userClientIp: "10.0.0.1" })).toEqual({
      TaskNo: "T1",
      PageNum: "1",
      PageSize: "1",
      TaskStatus: "0",
      DomainName: "a.example",
      InstanceId: "S1",
      UserClientIp: "10.0.0.1",
    });
  });
});
