/**
 * The task operations' seam: a setting's change as data (TaskOperation) and one submit-or-resume path for all of
 * them, on the verified listing of tasks. docs/sdk.md describes it.
 */
export { submitOrResume, DEFAULT_LOOKBACK_SECONDS } from "./submit-or-resume";
export { SUBMIT_GRACE_MS } from "./deadline";
export { listTasks, LIST_RAM_ACTION } from "./list-tasks";
export { sameTaskType } from "./task-facts";
export type {
  CallBudget,
  ChangeResult,
  DomainActionApi,
  ListTasksOptions,
  SubmitEvent,
  SubmitOptions,
  TaskApi,
  TaskInfo,
  TaskListQuery,
  TaskOperation,
} from "./models";
