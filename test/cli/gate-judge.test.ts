import { judge } from "../../cli/gate";
import { summarizeTask } from "../../sdk/outcome";
import { batchOutcome, detail } from "./fixtures";

const verified = { verified: true };
const succeeded = () => summarizeTask("T-9", [detail({ domainName: "a.example.com", taskStatus: "EXECUTE_SUCCESS" })], verified);
const running = () => summarizeTask("T-9", [
  detail({ domainName: "a.example.com", taskStatus: "EXECUTE_SUCCESS" }),
  detail({ domainName: "b.example.com", taskStatus: "EXECUTING" }),
], verified);

describe("judge", () => {
  it("--for success: 0 when every detail succeeded, 1 when one failed", () => {
    expect(judge(succeeded(), { condition: "success", timeoutSeconds: 60 })).toMatchObject({ exitCode: 0, verdict: "condition met: all 1 detail succeeded." });
    expect(judge(batchOutcome(), { condition: "success", timeoutSeconds: 60 })).toMatchObject({
      exitCode: 1,
      verdict: "condition false: 1 of 3 details failed (2 succeeded, 1 failed).",
    });
  });

  it("--for completion: 0 once every detail finished, failed or not", () => {
    expect(judge(batchOutcome(), { condition: "completion", timeoutSeconds: 60 })).toMatchObject({
      exitCode: 0,
      verdict: "condition met: all 3 details finished (2 succeeded, 1 failed).",
    });
  });

  it("4 while details are open, saying whether it waited or checked once", () => {
    expect(judge(running(), { condition: "completion", timeoutSeconds: 90 })).toMatchObject({
      exitCode: 4,
      verdict: "timed out after 1m30s: 1 of 2 details still open (1 succeeded, 1 executing).",
    });
    expect(judge(running(), { condition: "success", timeoutSeconds: 0 }).verdict).toBe("checked once (--timeout 0): 1 of 2 details still open (1 succeeded, 1 executing).");
    expect(judge(summarizeTask("T-0", [], verified), { condition: "success", timeoutSeconds: 0 }).verdict).toBe(
      "checked once (--timeout 0): the task has no details yet (check the TaskNo, and --product: domain or domain-intl).",
    );
  });

  it("3, never 0, for an outcome whose read was not verified, however it reads", () => {
    const unproven = summarizeTask("T-9", [detail({ domainName: "a.example.com", taskStatus: "EXECUTE_SUCCESS" })]);
    for (const condition of ["success", "completion"] as const) {
      expect(judge(unproven, { condition, timeoutSeconds: 60 })).toMatchObject({ exitCode: 3, verdict: expect.stringMatching(/^not verified/) });
      expect(judge({ ...succeeded(), verified: false }, { condition, timeoutSeconds: 0 }).exitCode).toBe(3);
    }
  });
});

describe("judge with failFast", () => {
  const failing = () => summarizeTask("T-9", [
    detail({ domainName: "a.example.com", taskStatus: "EXECUTE_FAILURE", failReason: "locked" }),
    detail({ domainName: "b.example.com", taskStatus: "EXECUTING" }),
  ], verified);

  it("decides --for success at the first failure, saying how many were still open", () => {
    expect(judge(failing(), { condition: "success", timeoutSeconds: 60, failFast: true })).toMatchObject({
      exitCode: 1,
      verdict: "condition false: 1 of 2 details failed; stopped early (--fail-fast) with 1 still open (1 failed, 1 executing).",
    });
  });

  it("changes nothing without a failure, or without the flag", () => {
    expect(judge(running(), { condition: "success", timeoutSeconds: 0, failFast: true }).exitCode).toBe(4);
    expect(judge(failing(), { condition: "success", timeoutSeconds: 0 }).exitCode).toBe(4);
  });
});
