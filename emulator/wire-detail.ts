/**
 * One detail as it goes on the wire, and the integrity quirks that mislabel it: a TaskNo that is not the one
 * asked, TaskStatus and TaskStatusCode that disagree, a failure listed as a success, a failure sent under
 * another detail's TaskDetailNo. Which details are served at all is selection.ts's business.
 */
import { TASK_STATUSES } from "../sdk/api/vocabulary";
import { shownStatus } from "./shown-status";
import { detailUpdatedAt, instanceIdOf, SUCCEEDED_TRY_COUNT, taskDetailNoOf, type StoredTask } from "./task-store";
import { DEFAULT_ERROR_MSG, SUCCESS_MSG, TASK_TYPE_DESCRIPTIONS, type Lang } from "./task-types";
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

/** The position whose TaskDetailNo `failuresReuseTaskDetailNo` borrows: the task's first detail that succeeds. */
const firstSuccess = new WeakMap<StoredTask, number>();
const lenderOf = (task: StoredTask): number => {
  if (!firstSuccess.has(task)) firstSuccess.set(task, task.details.findIndex((d) => d.succeeds));
  return firstSuccess.get(task)!;
};

/** A value, or - when there is none - nothing at all (the real service leaves such keys out), or "" under `absentAsEmptyString`. */
const present = <T>(value: T | undefined | "", quirks: Quirks): T | "" | undefined =>
  value === undefined || value === "" ? (quirks.absentAsEmptyString ? "" : undefined) : value;

export const toWireDetail = (task: StoredTask, position: number, ctx: AnswerContext) => {
  const { now, lang, quirks } = ctx;
  const d = task.details[position];
  const real = shownStatus(d, now, quirks, ctx.answer);
  // A failure an unfiltered listing passes off as a success reads like one throughout (no FailReason).
  const status = real === "EXECUTE_FAILURE" && quirks.failuresListedAsSuccess && !ctx.statusFiltered ? "EXECUTE_SUCCESS" : real;
  const terminal = status === "EXECUTE_SUCCESS" || status === "EXECUTE_FAILURE";
  const failed = status === "EXECUTE_FAILURE";
  const passedOff = real === "EXECUTE_FAILURE" && status === "EXECUTE_SUCCESS";
  const taskResult = terminal ? d.taskResult : "";
  const failReason = failed ? d.failReason : "";
  // A failure passed off as a success gets the success sentence, not its own message.
  const errorMsg = !terminal ? undefined : failed ? (d.errorMsg ?? DEFAULT_ERROR_MSG[lang]) : (d.succeeds && d.errorMsg) || SUCCESS_MSG[lang];
  const every = quirks.foreignTaskNo?.every;
  const lender = failed && quirks.failuresReuseTaskDetailNo ? lenderOf(task) : -1;
  return {
    TaskNo: every && (position + 1) % every === 0 ? (quirks.foreignTaskNo!.taskNo ?? FOREIGN_TASK_NO) : task.taskNo,
    TaskDetailNo: taskDetailNoOf(task, lender >= 0 ? lender : position),
    InstanceId: instanceIdOf(d),
    DomainName: d.domainName,
    TaskType: task.taskType,
    TaskTypeDescription: TASK_TYPE_DESCRIPTIONS[task.taskType]?.[lang] ?? task.taskType,
    TaskStatus: failed && quirks.failureStatusMismatch === "statusSaysSuccess" ? "EXECUTE_SUCCESS" : status,
    TaskStatusCode: failed && quirks.failureStatusMismatch === "codeSaysSuccess" ? 2 : TASK_STATUSES.indexOf(status),
    TaskResult: quirks.numericTaskResult && /^-?\d+(\.\d+)?$/.test(taskResult) ? Number(taskResult) : present(taskResult, quirks),
    ErrorMsg: present(quirks.trailingSpaceErrorMsg && errorMsg ? `${errorMsg} ` : errorMsg, quirks),
    FailReason: present(quirks.trailingNewlineFailReason && failReason ? `${failReason}\n` : failReason, quirks),
    // The tries of a finished detail; 0 before it finishes, so an executing detail does not tell how it will end.
    TryCount: !terminal ? 0 : passedOff ? SUCCEEDED_TRY_COUNT : d.tryCount,
    CreateTime: formatWireTime(task.createdAt),
    UpdateTime: formatWireTime(detailUpdatedAt(task, d, now)),
  };
};
