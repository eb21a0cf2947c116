/**
 * QueryTaskList's answer, parsed at the edge and typed against ./models. Lenient where the documentation varies
 * (counts as numeric strings, `Data.TaskInfo` a single object, TaskType padded), strict where a guess would hide
 * a bug: no TaskNo or no paging counts is an InvalidResponse. NextPage is kept, to be cross-checked against
 * TotalItemNum, never believed alone.
 */
import { z } from "zod";
import type { TaskInfo } from "./models";
import { answerParser } from "./parse-answer";

const text = z.preprocess((v) => (v === undefined || v === null ? "" : typeof v === "number" ? String(v) : v), z.string());
const count = z.preprocess((v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v), z.number().int());
const flag = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean().optional());
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/**
 * A task's TaskStatusCode, for display only: which code goes with COMPLETE is not settled (the API reference says 3,
 * the PHP SDK model's examples pair COMPLETE with 1), so nothing decides on it - the task's details do - and no value
 * of it can make an answer unusable. Anything but an integer reads -1.
 */
const displayedCode = z.unknown().optional().transform((v) => {
  const n = typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) ? n : -1;
});

const TaskInfoSchema = z.object({
  TaskNo: z.string().trim().min(1),
  TaskType: text,
  TaskStatus: text,
  TaskStatusCode: displayedCode,
  TaskNum: count.optional(),
  CreateTime: text,
});

const TaskListSchema = z.object({
  RequestId: text,
  TotalItemNum: count,
  TotalPageNum: count.optional(),
  PageSize: count.optional(),
  CurrentPageNum: count.optional(),
  NextPage: flag,
  Data: z.preprocess((v) => v ?? {}, z.object({ TaskInfo: list(TaskInfoSchema) })),
});

/** One QueryTaskList page. */
export interface TaskListPage {
  requestId: string;
  totalItemNum: number;
  /** -1 when absent. */
  totalPageNum: number;
  /** As echoed; 0 when absent. */
  pageSize: number;
  /** undefined when absent. */
  nextPage?: boolean;
  tasks: TaskInfo[];
}

export const parseTaskListPage = answerParser("QueryTaskList", TaskListSchema, (d): TaskListPage => ({
  requestId: d.RequestId,
  totalItemNum: d.TotalItemNum,
  totalPageNum: d.TotalPageNum ?? -1,
  pageSize: d.PageSize ?? 0,
  ...(d.NextPage !== undefined && { nextPage: d.NextPage }),
  tasks: d.Data.TaskInfo.map((t) => ({
    taskNo: t.TaskNo,
    taskType: t.TaskType.trim(),
    taskStatus: t.TaskStatus.trim(),
    taskStatusCode: t.TaskStatusCode,
    taskNum: t.TaskNum ?? -1,
    createTime: t.CreateTime,
  })),
}));
