/** Task details and outcomes for renderer tests, built with the SDK's own summarizeTask. */
import type { TaskDetail } from "../../sdk/api/schemas";
import { summarizeTask, type TaskOutcome } from "../../sdk/outcome";

export const detail = (overrides: Partial<TaskDetail> & Pick<TaskDetail, "domainName" | "taskStatus">): TaskDetail => ({
  taskNo: "T-1",
  taskDetailNo: `D-${overrides.domainName}`,
  instanceId: "",
  taskType: "CHG_DNS",
  taskTypeDescription: "Modify DNS",
  taskStatusCode: ["WAITING_EXECUTE", "EXECUTING", "EXECUTE_SUCCESS", "EXECUTE_FAILURE"].indexOf(overrides.taskStatus),
  taskResult: "",
  errorMsg: "",
  failReason: "",
  tryCount: 1,
  createTime: "2026-01-01 10:00:00",
  updateTime: "2026-01-01 10:00:09",
  ...overrides,
});

/** A finished batch: two successes and one failure with a multi-line reason. */
export const batchOutcome = (): TaskOutcome =>
  summarizeTask("T-1", [
    detail({ domainName: "a.example.com", taskStatus: "EXECUTE_SUCCESS" }),
    detail({ domainName: "bb.example.com", taskStatus: "EXECUTE_FAILURE", failReason: "Domain is locked.\n", errorMsg: "DomainStatusProhibited", tryCount: 3 }),
    detail({ domainName: "c.example.com", taskStatus: "EXECUTE_SUCCESS" }),
  ], { verified: true });
