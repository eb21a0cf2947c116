/** The errors a DomainTask deployment stops with: every failure named, long lists cut with a count. */
import type { TaskDetail } from "../../sdk/api/schemas";
import { summarizeTask } from "../../sdk/outcome";
import { MAX_LISTED_FAILURES, taskFailedMessage, timeoutMessage } from "../../provider/messages";
import { detail as makeDetail } from "../support/details";

/** Detail `i`: a failed one carries its own reason and message. */
const detail = (i: number, taskStatus: string): TaskDetail => makeDetail({
  taskStatus,
  domainName: `d${i}.example.com`,
  taskDetailNo: `D-${i}`,
  instanceId: `S-${i}`,
  ...(taskStatus === "EXECUTE_FAILURE" && { errorMsg: `E${i}`, failReason: `reason ${i}` }),
});

describe("taskFailedMessage", () => {
  it("lists each failed domain with FailReason and ErrorMsg, then what to do", () => {
    const outcome = summarizeTask("T-1", [detail(1, "EXECUTE_SUCCESS"), detail(2, "EXECUTE_FAILURE"), detail(3, "EXECUTE_FAILURE")]);
    expect(taskFailedMessage(outcome).split("\n")).toEqual([
      "DomainTask T-1 did not succeed: 2 of 3 task details failed (1 EXECUTE_SUCCESS, 2 EXECUTE_FAILURE).",
      "  - d2.example.com (TaskDetailNo D-2): FailReason: reason 2; ErrorMsg: E2",
      "  - d3.example.com (TaskDetailNo D-3): FailReason: reason 3; ErrorMsg: E3",
      'Fix the failed domains and submit a new task (a new taskNo), or set waitFor: "completion" to record the outcome without failing.',
    ]);
  });

  it(`lists the first ${MAX_LISTED_FAILURES} failures and counts the rest`, () => {
    const details = Array.from({ length: MAX_LISTED_FAILURES + 3 }, (_, i) => detail(i + 1, "EXECUTE_FAILURE"));
    const lines = taskFailedMessage(summarizeTask("T-1", details)).split("\n");
    expect(lines.filter((l) => l.startsWith("  - "))).toHaveLength(MAX_LISTED_FAILURES);
    expect(lines).toContain(`  - d${MAX_LISTED_FAILURES}.example.com (TaskDetailNo D-${MAX_LISTED_FAILURES}): FailReason: reason ${MAX_LISTED_FAILURES}; ErrorMsg: E${MAX_LISTED_FAILURES}`);
    expect(lines).toContain("  ... and 3 more (see the task in the Domain console).");
  });
});

describe("timeoutMessage", () => {
  it("gives the counts last seen, or says no details were found", () => {
    const breakdown = summarizeTask("T-1", [detail(1, "EXECUTING"), detail(2, "EXECUTE_SUCCESS")]).counts;
    const state = { taskNo: "T-1", total: 2, succeededCount: 1, failedCount: 0, open: 1, breakdown, outcome: null, seen: summarizeTask("T-1", []), verified: true, problems: [] };
    expect(timeoutMessage("T-1", 60, state)).toMatch(/^DomainTask T-1 did not complete within timeoutSeconds=60: last seen: 1 EXECUTING, 1 EXECUTE_SUCCESS of 2\. Raise timeoutSeconds/);
    expect(timeoutMessage("T-1", 60, { ...state, breakdown: null })).toContain("last seen: 1 EXECUTE_SUCCESS, 1 OPEN of 2");
    expect(timeoutMessage("T-1", 60, { ...state, total: 0 })).toContain("no task details were found (check taskNo and the domainName/instanceId filters)");
    expect(timeoutMessage("T-1", 60, undefined)).toContain("the task was never read");
  });
});
