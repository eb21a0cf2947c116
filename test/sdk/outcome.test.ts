import type { TaskDetail } from "../../sdk/api/schemas";
import { formatStatusCounts, OutcomeBuilder, summarizeTask } from "../../sdk/outcome";
import { detail as makeDetail } from "../support/details";

/** A detail in `taskStatus` with its own identity (the shared factory: test/support/details.ts). */
const detail = (taskStatus: string, extra: Partial<TaskDetail> = {}): TaskDetail => makeDetail({ taskStatus, ...extra });

/** Every value is JSON: no undefined anywhere (Pulumi outputs and provider state must be plain JSON). */
const assertPlainJson = (value: unknown) => expect(JSON.parse(JSON.stringify(value))).toEqual(value);

describe("summarizeTask", () => {
  it("a task with no details is neither complete nor succeeded, and waiting", () => {
    const o = summarizeTask("T-0", []);
    expect(o).toMatchObject({ taskNo: "T-0", status: "WAITING_EXECUTE", statusCode: 0, succeeded: false, complete: false, total: 0 });
    expect(o.taskResult).toBeNull();
    expect(o.failReason).toBeNull();
    expect(o.errorMsg).toBeNull();
    assertPlainJson(o);
  });

  it("a single-detail task puts its TaskResult, FailReason and ErrorMsg at the top level", () => {
    const ok = summarizeTask("T-1", [detail("EXECUTE_SUCCESS", { taskResult: "ns1.example.net" })], { verified: true });
    expect(ok).toMatchObject({ status: "EXECUTE_SUCCESS", statusCode: 2, succeeded: true, complete: true, verified: true, total: 1 });
    expect([ok.taskResult, ok.failReason, ok.errorMsg]).toEqual(["ns1.example.net", "", ""]);

    const bad = summarizeTask("T-1", [detail("EXECUTE_FAILURE", { failReason: "DNS server unreachable", errorMsg: "E1" })]);
    expect(bad).toMatchObject({ status: "EXECUTE_FAILURE", statusCode: 3, succeeded: false, complete: true });
    expect([bad.taskResult, bad.failReason, bad.errorMsg]).toEqual(["", "DNS server unreachable", "E1"]);
    expect(bad.failed).toEqual([expect.objectContaining({ failReason: "DNS server unreachable", errorMsg: "E1" })]);
  });

  it("a batch task keeps the top-level result fields null and lists every failure with its reason", () => {
    const details = [
      detail("EXECUTE_SUCCESS", { taskResult: "ok" }),
      detail("EXECUTE_FAILURE", { failReason: "registry busy", errorMsg: "Busy", domainName: "bad.example.com" }),
      detail("EXECUTE_SUCCESS"),
    ];
    const o = summarizeTask("T-2", details);
    expect(o).toMatchObject({ status: "EXECUTE_FAILURE", succeeded: false, complete: true, total: 3 });
    expect([o.taskResult, o.failReason, o.errorMsg]).toEqual([null, null, null]);
    expect(o.failed).toEqual([
      { domainName: "bad.example.com", taskDetailNo: details[1].taskDetailNo, instanceId: details[1].instanceId,
        failReason: "registry busy", errorMsg: "Busy", taskResult: "" },
    ]);
    expect(o.counts).toEqual({ WAITING_EXECUTE: 0, EXECUTING: 0, EXECUTE_SUCCESS: 2, EXECUTE_FAILURE: 1, UNKNOWN: 0 });
    expect(o.details).toEqual(details);
    assertPlainJson(o);
  });

  it("a failure decides the status even while other details still run, but the task is not complete", () => {
    const o = summarizeTask("T-3", [detail("EXECUTING"), detail("EXECUTE_FAILURE")]);
    expect(o).toMatchObject({ status: "EXECUTE_FAILURE", complete: false, succeeded: false });
  });

  it("is executing while anything executes or some but not all have finished, else waiting", () => {
    expect(summarizeTask("T", [detail("WAITING_EXECUTE"), detail("EXECUTING")]).status).toBe("EXECUTING");
    expect(summarizeTask("T", [detail("WAITING_EXECUTE"), detail("EXECUTE_SUCCESS")]).status).toBe("EXECUTING");
    expect(summarizeTask("T", [detail("WAITING_EXECUTE"), detail("WAITING_EXECUTE")])).toMatchObject({
      status: "WAITING_EXECUTE", statusCode: 0, complete: false,
    });
  });

  it("counts an unknown status under UNKNOWN, lists it, and never calls it success or terminal", () => {
    const o = summarizeTask("T-4", [detail("EXECUTE_SUCCESS"), detail("EXECUTE_PAUSED"), detail("EXECUTE_PAUSED"), detail("ROLLED_BACK")]);
    expect(o.counts.UNKNOWN).toBe(3);
    expect(o.unknownStatuses).toEqual(["EXECUTE_PAUSED", "ROLLED_BACK"]);
    expect(o).toMatchObject({ status: "EXECUTING", succeeded: false, complete: false });
    const only = summarizeTask("T-5", [detail("SOMETHING_NEW")]);
    expect(only).toMatchObject({ status: "EXECUTING", succeeded: false, complete: false, taskResult: "" });
  });

  it("formats counts in status-code order, skipping zeros", () => {
    const o = summarizeTask("T", [detail("EXECUTE_SUCCESS"), detail("WAITING_EXECUTE"), detail("X")]);
    expect(formatStatusCounts(o.counts)).toBe("1 WAITING_EXECUTE, 1 EXECUTE_SUCCESS, 1 UNKNOWN");
    expect(formatStatusCounts(summarizeTask("T", []).counts)).toBe("no details");
  });

  it("never says succeeded for details whose read was not verified (the default), however they read", () => {
    const all = [detail("EXECUTE_SUCCESS"), detail("EXECUTE_SUCCESS")];
    expect(summarizeTask("T-6", all)).toMatchObject({ status: "EXECUTE_SUCCESS", complete: true, verified: false, succeeded: false });
    expect(summarizeTask("T-6", all, { verified: false, anomalies: ["x"] })).toMatchObject({ succeeded: false, anomalies: ["x"] });
    expect(summarizeTask("T-6", all, { verified: true })).toMatchObject({ succeeded: true, anomalies: [] });
  });
});

describe("OutcomeBuilder", () => {
  it("bounds the lists it keeps and counts what it left out, while the counts cover every detail", () => {
    const b = new OutcomeBuilder("T-7", { keepDetails: 2, keepFailed: 1 });
    for (const s of ["EXECUTE_FAILURE", "EXECUTE_SUCCESS", "EXECUTE_FAILURE", "EXECUTE_FAILURE", "EXECUTE_SUCCESS"]) b.add(detail(s));
    const o = b.finish({ verified: true });
    expect(o).toMatchObject({ total: 5, detailsOmitted: 3, failedOmitted: 2, status: "EXECUTE_FAILURE", succeeded: false });
    expect(o.details).toHaveLength(2);
    expect(o.failed).toHaveLength(1);
    expect(o.counts).toMatchObject({ EXECUTE_FAILURE: 3, EXECUTE_SUCCESS: 2 });
    assertPlainJson(o);
  });
});
