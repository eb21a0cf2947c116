/**
 * One detail as it goes on the wire, and the integrity quirks that mislabel it: a TaskNo that is not the one
 * asked, TaskStatus and TaskStatusCode that disagree, a failure listed as a success, a failure sent under
 * another detail's TaskDetailNo. Which details are served at all is selection.ts's business.
 */
import { TASK_STATUSES } from "../sdk/api/schemas";
import { shownStatus } from "./shown-status";
import { detailUpdatedAt, instanceIdOf, type StoredTask } from "./task-store";
import { DEFAULT_ERROR_MSG, TASK_TYPE_DESCRIPTIONS, type Lang } from "./task-types";
import { FOREIGN_TASK_NO, type Quirks } from "./types";
import { formatWireTime } from "./wire-time";

/** What every detail of one answer shares. */
export interface AnswerContext {
  now: number;
  lang: Lang;
  quirks: Quirks;
  /** The task's answer number (see Quirks). */
  answer: number;
  /** The query carried a TaskStatus filter the server applied. */
  statusFiltered: boolean;
}

/** The TaskDetailNo `failuresReuseTaskDetailNo` borrows: the task's first detail that succeeds, found once per task. */
const firstSuccess = new WeakMap<StoredTask, number>();
const borrowedDetailNo = (task: StoredTask): number | undefined => {
  if (!firstSuccess.has(task)) firstSuccess.set(task, task.details.findIndex((d) => d.succeeds));
  const position = firstSuccess.get(task)!;
  return position < 0 ? undefined : task.details[position].taskDetailNo;
};

export const toWireDetail = (task: StoredTask, position: number, ctx: AnswerContext) => {
  const { now, lang, quirks } = ctx;
  const d = task.details[position];
  const real = shownStatus(d, now, quirks, ctx.answer);
  // A failure an unfiltered listing passes off as a success reads like one throughout (no FailReason).
  const status = real === "EXECUTE_FAILURE" && quirks.failuresListedAsSuccess && !ctx.statusFiltered ? "EXECUTE_SUCCESS" : real;
  const terminal = status === "EXECUTE_SUCCESS" || status === "EXECUTE_FAILURE";
  const failed = status === "EXECUTE_FAILURE";
  const taskResult = terminal ? d.taskResult : "";
  const failReason = failed ? d.failReason : "";
  const every = quirks.foreignTaskNo?.every;
  return {
    TaskNo: every && (position + 1) % every === 0 ? (quirks.foreignTaskNo!.taskNo ?? FOREIGN_TASK_NO) : task.taskNo,
    TaskDetailNo: String((failed && quirks.failuresReuseTaskDetailNo && borrowedDetailNo(task)) || d.taskDetailNo),
    InstanceId: instanceIdOf(d),
    DomainName: d.domainName,
    TaskType: task.taskType,
    TaskTypeDescription: TASK_TYPE_DESCRIPTIONS[task.taskType]?.[lang] ?? task.taskType,
    TaskStatus: failed && quirks.failureStatusMismatch === "statusSaysSuccess" ? "EXECUTE_SUCCESS" : status,
    TaskStatusCode: failed && quirks.failureStatusMismatch === "codeSaysSuccess" ? 2 : TASK_STATUSES.indexOf(status),
    TaskResult: quirks.numericTaskResult && /^-?\d+(\.\d+)?$/.test(taskResult) ? Number(taskResult) : taskResult,
    ErrorMsg: failed ? (d.errorMsg ?? DEFAULT_ERROR_MSG[lang]) : "",
    FailReason: quirks.trailingNewlineFailReason && failReason ? `${failReason}\n` : failReason,
    TryCount: status === "WAITING_EXECUTE" ? 0 : d.tryCount,
    CreateTime: formatWireTime(task.createdAt),
    UpdateTime: formatWireTime(detailUpdatedAt(task, d, now)),
  };
};
