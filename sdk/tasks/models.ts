/**
 * The public shapes of the task operations' seam (./submit-or-resume): what a setting declares (TaskOperation),
 * how the task list is asked and what it answers, and what submitting a change came to. Interfaces only.
 */
import type { DomainTaskApi } from "../api/client";
import type { Clock } from "../clock";
import type { DomainApiError } from "../errors";
import type { TaskOutcome } from "../outcome";
import type { WaitProgress } from "../waiter/models";

/** One call of any Domain API action; `DomainTaskClient.callAction` implements it. */
export interface DomainActionApi {
  callAction<T>(
    action: string,
    query: Record<string, string>,
    parse: (body: unknown, statusCode: number) => T,
    options?: { signal?: AbortSignal; timeoutMs?: number; retryable?: (err: DomainApiError) => boolean },
  ): Promise<T>;
}

/** What the task operations need: a DomainTaskClient fits. */
export type TaskApi = DomainTaskApi & DomainActionApi;

/** One task of the account, as QueryTaskList lists it. */
export interface TaskInfo {
  taskNo: string;
  /** As sent, trimmed (`CHG_DNS`); compare with `sameTaskType`: services vary its case. */
  taskType: string;
  /**
   * WAITING_EXECUTE, EXECUTING or COMPLETE as listed. Never trusted for "is it still open": a task has been
   * listed COMPLETE while its details were open; its details decide (QueryTaskDetailList).
   */
  taskStatus: string;
  /** As listed; -1 when absent. Its meaning for COMPLETE is not settled (docs/emulator.md): not relied on. */
  taskStatusCode: number;
  /** How many details (domains) it has; 0 may mean "not counted yet", -1 absent. */
  taskNum: number;
  /** As sent ("Dec 26,2017 11:00:54" in the API's samples). */
  createTime: string;
}

/** What `listTasks` selects. */
export interface TaskListQuery {
  /** Epoch ms: tasks created in this second or later (CreateTime has whole seconds). */
  sinceMs: number;
  /** Only tasks of this type (compared trimmed and in any case). */
  taskType?: string;
}

/** How `listTasks` reads. */
export interface ListTasksOptions {
  signal?: AbortSignal;
  /**
   * The whole listing (every page, retry and re-read) settles within this many ms, or fails with a
   * DomainApiError `DeadlineExceeded`. Default: only the client's retry policy bounds it.
   */
  timeoutMs?: number;
  /** The end of the window, epoch ms. Default: the clock's now. */
  nowMs?: number;
  clock?: Clock;
  /** Tasks asked per page (1-1000). Default 100. The pages are planned from the size the service applied. */
  pageSize?: number;
  /** Most pages one read may fetch; a listing that needs more is refused with a PagingError naming this cap. Default 100. */
  maxPages?: number;
  /** Reads of the whole list before answers that do not add up end in an InconsistentAnswerError. Default 3. */
  maxReads?: number;
}

/**
 * A change a setting makes, as data: the one submit-or-resume path (`submitOrResume`) does the rest - validate,
 * look for the same change already submitted, submit only if none, retry the write only when the service cannot
 * have acted, wait through the verified read, and read the domains back. `C` is the change the caller gives,
 * `S` what reading a domain back returns.
 */
export interface TaskOperation<C, S> {
  /** The write action, e.g. `SaveBatchTaskForModifyingDomainDns`. */
  action: string;
  /** The RAM action the write needs, e.g. `domain:DnsModification` (named when a key lacks it). */
  ramAction: string;
  /** The task type the service lists the change's task as, e.g. `CHG_DNS`. */
  taskType: string;
  /** What the change does, for messages: "change name servers". */
  what: string;
  /** The change checked and normalized; throws a ValidationError naming the field, before anything is sent. */
  validate(change: C): C;
  /** What still needs the service before the write (e.g. an InstanceId looked up from a domain name); optional. */
  resolve?(api: TaskApi, change: C, call: CallBudget): Promise<C>;
  /** The domains the change touches: the task has one detail per domain. */
  domainsOf(change: C): string[];
  /** The write's wire query (lists flattened to `Name.1`, `Name.2`, ...). */
  query(change: C): Record<string, string>;
  /** One domain's state now (QueryDomainByDomainName, QueryDnsHost, ...). */
  readState(api: TaskApi, domain: string, change: C, call: CallBudget): Promise<S>;
  /** Whether `state` is what the change asks for: then nothing is submitted, and a gate may pass. */
  isApplied(change: C, state: S): boolean;
  /** The change, in words: "ns1.example.net, ns2.example.net". */
  describeChange(change: C): string;
  /** A domain's state, in words: "ns1.old.example, ns2.old.example". */
  describeState(state: S): string;
}

/** How one call of an operation is bounded. */
export interface CallBudget {
  signal?: AbortSignal;
  /** The time left for this call, ms. */
  timeoutMs: number;
}

/** How `submitOrResume` runs. */
export interface SubmitOptions {
  /** Wait for the task and gate on it (true), or return once it is submitted (or found) (false). Default true. */
  wait?: boolean;
  /**
   * Every phase - the search for the same change, the write, the wait, the read-back - settles within this, plus
   * at most SUBMIT_GRACE_MS for the requests at the deadline. Default 1800.
   */
  timeoutSeconds?: number;
  /** How far back to look for the same change already submitted. Default 24 h (QueryTaskList filters by whole days). */
  lookbackSeconds?: number;
  /** Polls of the wait. Defaults: the waiter's (2 s, 30 s). */
  minDelaySeconds?: number;
  maxDelaySeconds?: number;
  /** Stop at the first failed detail instead of waiting for the others. */
  failFast?: boolean;
  /** Language of the task's FailReason/ErrorMsg texts. */
  lang?: "en" | "zh";
  /** The UserClientIp sent with the write. */
  userClientIp?: string;
  signal?: AbortSignal;
  clock?: Clock;
  /** The waiter's progress, for a display. */
  onProgress?: (progress: WaitProgress) => void;
  /** What the path decided, one sentence at a time ("submitted the change as task ..."), for a log. */
  onEvent?: (event: SubmitEvent) => void;
  random?: () => number;
}

/** One step of the path, for logs. */
export interface SubmitEvent {
  kind: "found" | "waitingOnEarlier" | "alreadyApplied" | "submitted" | "adopted" | "notThisChange";
  taskNo?: string;
  message: string;
}

/** What submitting a change came to. */
export interface ChangeResult<S> {
  /** The task that makes (or made) the change; null when the domains already were in the asked state and no task of it was found. */
  taskNo: string | null;
  /**
   * `submitted`: this call submitted it. `resumed`: a task submitted earlier (a run interrupted after its write)
   * is the change, and was used instead. `applied`: the domains already read back in the asked state; nothing
   * was submitted.
   */
  how: "submitted" | "resumed" | "applied";
  /** The write's RequestId; null when nothing was written or its answer was lost. */
  requestId: string | null;
  /**
   * With `wait`: `applied` (one succeeded detail per domain asked, and every domain reads back the asked state),
   * `failed` (the task's verified outcome holds failed details), `notApplied` (the task succeeded but a domain
   * reads back another state). Without `wait`: `pending`.
   */
  verdict: "applied" | "failed" | "notApplied" | "pending";
  /** The task's verified outcome, when it was waited on (or read); else null. */
  outcome: TaskOutcome | null;
  /** Each domain's state as last read back (empty when none was read). */
  states: Record<string, S>;
  /** Why the verdict is what it is, one sentence. */
  summary: string;
}
