/**
 * The SDK's public surface (`pulumi-alicloud-domain-tasks/sdk`, also re-exported by the package root): a
 * deliberate list of what users call, one block per module. Everything else (retry, credentials, endpoint
 * resolution, the zod schemas...) is internal: the package's own code and tests import it by path.
 * Nothing here loads @pulumi/pulumi (the Pulumi functions are exported by the root instead).
 */

// The task models: plain interfaces, no zod.
export type { QueryTaskDetailListRequest, TaskDetail, TaskDetailPage, TaskQuery, TaskStatus } from "./models";

// The client: one call, signed, retried, validated.
export { DomainTaskClient, type ClientOptions, type DomainTaskApi } from "./api/client";
export type { StaticCredentials } from "./credentials";
export type { RetryOptions } from "./retry";
export type { Clock } from "./clock";

// Errors: each has a static `isInstance()` that works across two loaded copies of the package (the waiter's
// TimeoutError is with the waiter, below).
export {
  AbortError,
  CredentialsError,
  DomainApiError,
  DomainTaskError,
  InconsistentAnswerError,
  PagingError,
  TaskNotFoundError,
  ValidationError,
} from "./errors";

// The pager: every detail of a task, once each.
export { listTaskDetails, paginateTaskDetails, type PagedTaskDetails, type PagerOptions, type TaskDetailList } from "./read";

// The verified read: one read of a task, cross-examined, and its outcome (docs/verdict.md).
export { readTaskOutcome, type ReadTaskOptions } from "./read";

// The waiter: poll until the task is done (or the first failure), verified, with backoff, a deadline and an AbortSignal.
export {
  TimeoutError,
  waitForTask,
  waitForTasks,
  WAIT_DEFAULTS,
  type TaskWaitResult,
  type WaitOptions,
  type WaitProgress,
  type WaitState,
  type WaitUntil,
} from "./waiter";

// The outcome of a task's details: overall status, counts, failures.
export { summarizeTask, type FailedDetail, type OutcomeBounds, type OutcomeProof, type StatusCounts, type TaskOutcome } from "./outcome";

// Task operations: a setting's change as data, one submit-or-resume path (find the same change, write once, gate,
// read back), and the verified listing of tasks it stands on.
export {
  listTasks,
  submitOrResume,
  SUBMIT_GRACE_MS,
  type ChangeResult,
  type ListTasksOptions,
  type SubmitEvent,
  type SubmitOptions,
  type TaskApi,
  type TaskInfo,
  type TaskListQuery,
  type TaskOperation,
} from "./tasks";

// Name servers: the operation, the write alone, read a domain's name servers, find a change already submitted.
export {
  findTask,
  NAME_SERVER_CHANGE,
  queryDomainNameServers,
  submitNameServerChange,
  type DomainNameServersInfo,
  type FindTaskQuery,
  type FoundTask,
  type NameServerApi,
  type NameServerChange,
  type SubmittedChange,
} from "./name-servers";
