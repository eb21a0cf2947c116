/**
 * One factory for parsed task details (the SDK's TaskDetail), for tests that build outcomes without the
 * emulator. Every detail gets its own domain name and TaskDetailNo unless the test names them.
 */
import { TASK_STATUSES, type TaskDetail } from "../../sdk/api/schemas";

let seq = 0;

/** A detail in `taskStatus`; `overrides` set any other field (its TaskStatusCode follows the status). */
export const detail = (overrides: Partial<TaskDetail> & Pick<TaskDetail, "taskStatus">): TaskDetail => {
  seq += 1;
  const domainName = overrides.domainName ?? `d${seq}.example.com`;
  return {
    taskNo: "T-1",
    taskDetailNo: `D-${domainName}`,
    instanceId: "",
    domainName,
    taskType: "CHG_DNS",
    taskTypeDescription: "Modify DNS",
    // -1 for a status outside the documented four, as a parsed unknown status would have no code of ours.
    taskStatusCode: (TASK_STATUSES as readonly string[]).indexOf(overrides.taskStatus),
    taskResult: "",
    errorMsg: "",
    failReason: "",
    tryCount: 1,
    createTime: "2026-01-01 10:00:00",
    updateTime: "2026-01-01 10:00:09",
    ...overrides,
  };
};
