/**
 * `listTasks`: every task created in a window, as QueryTaskList lists them - a verified read, like the details'.
 * Each read of the list is checked against itself (./list-pass); a read that does not verify is made again, and
 * a task any read showed must be shown again: answers that never add up end in an InconsistentAnswerError, never
 * in a shorter list. `--since` gates (a missed failed task would pass) and the search for a change already
 * submitted (a missed one would be submitted twice) both stand on it.
 *
 * The window: from `sinceMs` to its whole second (CreateTime has whole seconds, so a task created in the same
 * second is in), to now plus CLOCK_SKEW_MS (a service clock ahead of this machine must not hide the newest task).
 * Nothing documents QueryTaskList's order: every page is read, and the result is sorted newest first.
 */
import { systemClock } from "../clock";
import { InconsistentAnswerError, ValidationError } from "../errors";
import type { DomainActionApi, ListTasksOptions, TaskInfo, TaskListQuery } from "./models";
import { readListPass } from "./list-pass";
import { parseTaskListPage } from "./list-wire";
import { withRamAdvice } from "./permissions";
import { CLOCK_SKEW_MS, parseCreateTime, sameTaskType, wholeSecond } from "./task-facts";

/** The RAM action QueryTaskList needs. */
export const LIST_RAM_ACTION = "domain:QueryDomainTask";
const DEFAULTS = { pageSize: 100, maxPages: 100, maxReads: 3 };

const whole = (field: string, value: number, min: number, max: number): number => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, value, `${field} must be a whole number from ${min} to ${max}; got ${String(value)}`);
  }
  return value;
};

/**
 * Every task of the account created since `query.sinceMs` (of `query.taskType`, if given), newest first.
 *
 * @throws ValidationError for a bad query or option (nothing sent); PagingError when the list needs more pages
 *   than `maxPages`; InconsistentAnswerError when its answers never added up; DomainApiError (`DeadlineExceeded`
 *   when `timeoutMs` ran out).
 */
export async function listTasks(api: DomainActionApi, query: TaskListQuery, options: ListTasksOptions = {}): Promise<TaskInfo[]> {
  if (typeof query.sinceMs !== "number" || !Number.isFinite(query.sinceMs)) {
    throw new ValidationError("sinceMs", query.sinceMs, `sinceMs must be epoch milliseconds; got ${String(query.sinceMs)}`);
  }
  const pageSize = whole("pageSize", options.pageSize ?? DEFAULTS.pageSize, 1, 1000);
  const maxPages = whole("maxPages", options.maxPages ?? DEFAULTS.maxPages, 1, 100_000);
  const maxReads = whole("maxReads", options.maxReads ?? DEFAULTS.maxReads, 1, 100);
  const clock = options.clock ?? systemClock;
  const deadlineAt = options.timeoutMs === undefined ? undefined : clock.now() + options.timeoutMs;
  const since = wholeSecond(query.sinceMs);
  const window = { BeginCreateTime: String(since), EndCreateTime: String(Math.floor((options.nowMs ?? clock.now()) + CLOCK_SKEW_MS)) };
  const ask = (pageNum: number, size: number) =>
    api.callAction("QueryTaskList", { PageNum: String(pageNum), PageSize: String(size), ...window }, parseTaskListPage, {
      signal: options.signal,
      ...(deadlineAt !== undefined && { timeoutMs: Math.max(0, deadlineAt - clock.now()) }),
    });

  const evidence = new Map<string, TaskInfo>();
  let problems: string[] = [];
  try {
    for (let read = 1; read <= maxReads; read++) {
      const pass = await readListPass(ask, pageSize, maxPages);
      // What an earlier read showed must be shown again: a task does not leave a fixed window.
      const vanished = [...evidence.keys()].filter((k) => !pass.tasks.has(k));
      problems = [...pass.problems, ...vanished.map((k) => `task ${evidence.get(k)!.taskNo}, listed by an earlier read, is missing from read ${read}`)];
      for (const [key, task] of pass.tasks) evidence.set(key, task);
      if (problems.length === 0) return selected([...evidence.values()], query);
    }
  } catch (err) {
    throw withRamAdvice(err, LIST_RAM_ACTION, "list tasks");
  }
  throw new InconsistentAnswerError(
    `QueryTaskList's answers do not add up after ${maxReads} read(s): ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? `; and ${problems.length - 3} more` : ""}. ` +
      "No list was concluded from them (a task missed could be a change submitted twice, or a failed task let through); retry later",
    { problems, reads: maxReads },
  );
}

/** The window's tasks of the type asked, newest first (a CreateTime this package cannot read is kept, last). */
const selected = (tasks: TaskInfo[], query: TaskListQuery): TaskInfo[] => {
  const since = wholeSecond(query.sinceMs);
  return tasks
    .filter((t) => !(parseCreateTime(t.createTime) < since) && (query.taskType === undefined || sameTaskType(t.taskType, query.taskType)))
    .sort((a, b) => (parseCreateTime(b.createTime) || 0) - (parseCreateTime(a.createTime) || 0));
};
