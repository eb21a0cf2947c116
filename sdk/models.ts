/**
 * The public shapes of QueryTaskDetailList: what a query selects, what one request asks for, and what the
 * SDK hands back. Plain types only, written by hand: the zod schemas that parse the wire
 * (sdk/api/schemas.ts) are checked against these at compile time, so the two cannot drift apart, and zod
 * never appears in the package's public declarations (programs with `skipLibCheck: false` and no
 * `esModuleInterop`, as `pulumi new typescript` writes them, would fail on zod's own declarations).
 */

/** A documented task state, in the order of their TaskStatusCode (0-3). */
export type TaskStatus = "WAITING_EXECUTE" | "EXECUTING" | "EXECUTE_SUCCESS" | "EXECUTE_FAILURE";

/**
 * Which details a query selects. Shared by the pager, the waiter, the functions, the resource and the CLI.
 * (A type literal rather than an interface, so a query still fits where a `Record<string, unknown>` is expected.)
 */
export type TaskQuery = {
  /** The TaskNo returned by the SaveSingleTaskFor* / SaveBatchTaskFor* call that created the task. */
  taskNo: string;
  /** Only details in this state: a TaskStatusCode 0-3 or its name. */
  taskStatus?: number | TaskStatus;
  /** Only the detail of this domain. */
  domainName?: string;
  /** Only the detail of this instance ID. */
  instanceId?: string;
  /** Language of the service's messages (FailReason, TaskTypeDescription): `en` (the service's default) or `zh`. */
  lang?: "zh" | "en";
  /** The end user's IP address, passed through to the service. */
  userClientIp?: string;
};

/** One QueryTaskDetailList request: a TaskQuery plus the page wanted. */
export type QueryTaskDetailListRequest = TaskQuery & {
  /** The page, from 1. */
  pageNum: number;
  /** Details per page, 1-1000. */
  pageSize: number;
};

/**
 * One detail of a task (one domain or instance), as the SDK sees it: camelCase fields, trailing whitespace
 * trimmed, and an empty string (never undefined) for a field the service left out.
 */
export interface TaskDetail {
  taskNo: string;
  taskDetailNo: string;
  instanceId: string;
  domainName: string;
  taskType: string;
  taskTypeDescription: string;
  /** As the service sent it: usually a {@link TaskStatus}; any other value is kept and reported, never read as success. */
  taskStatus: string;
  /** 0-3, or -1 when the service left it out. */
  taskStatusCode: number;
  taskResult: string;
  errorMsg: string;
  failReason: string;
  /** 0 when the service left it out. */
  tryCount: number;
  /** As sent: "2018-01-25 20:46:57", no zone given. */
  createTime: string;
  /** As sent, like createTime. */
  updateTime: string;
}

/** One page of a task's details. `nextPage` is only a hint: the pager decides when paging stops. */
export interface TaskDetailPage {
  requestId: string;
  currentPageNum: number;
  totalPageNum: number;
  totalItemNum: number;
  pageSize: number;
  prePage: boolean;
  nextPage: boolean;
  details: TaskDetail[];
}
