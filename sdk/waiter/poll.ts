/**
 * One poll of a task: how many of its details are in each state, at a cost that does not grow with it.
 *
 * A small task (one page holds every detail) is read in full with one request. A large task is counted
 * instead, with requests of PageSize 1 whose TotalItemNum is the count ("progress-driven counting"):
 *
 * - A routine poll sends 2 requests, sent together: the TaskStatus=2 (EXECUTE_SUCCESS) and TaskStatus=3
 *   (EXECUTE_FAILURE) counts. The total is the one the last exact read saw, and open = total - success -
 *   failure: waiting, executing and any status this SDK does not know are all open, so an unknown status is
 *   never taken for success.
 * - A breakdown poll sends 5: no filter (the total) and one per TaskStatus 0-3 (4 when a page just read gave
 *   the total). UNKNOWN = total - the four known counts. It happens on the first poll of a large task, on the
 *   poll after one where open did not go down (the task stalls: which details are waiting, executing or in
 *   an unknown status is then worth knowing, and the total is refreshed), when asked for (the waiter's last
 *   poll before a timeout, so the TimeoutError carries exact counts), and at once when success + failure
 *   exceed the known total (the task changed size).
 * - Only when nothing is open is the task read in full (through the pager), to return every detail and to
 *   confirm the counts; if that read still shows open details the waiter keeps polling.
 *
 * On a routine poll EXECUTE_SUCCESS and EXECUTE_FAILURE are exact and the open remainder is split like the
 * last exact counts: UNKNOWN carried, WAITING_EXECUTE = min(last waiting, open - unknown), EXECUTING the
 * rest. `countsExact` is false then.
 */
import { statusCode, TASK_STATUSES, type TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { emptyCounts, openCount, summarizeTask, type StatusCounts, type TaskOutcome } from "../outcome";
import { listTaskDetails } from "../pager";
import { abortable } from "../clock";

export interface TaskSnapshot {
  counts: StatusCounts;
  /**
   * False when WAITING_EXECUTE, EXECUTING and UNKNOWN are an estimate: a routine poll of a large task counts
   * only the finished details, and splits the open remainder like the last exact counts. EXECUTE_SUCCESS,
   * EXECUTE_FAILURE, `total` and `open` are exact either way.
   */
  countsExact: boolean;
  total: number;
  open: number;
  /** The full outcome, when this poll read every detail (small tasks, or a large one with nothing open). */
  outcome: TaskOutcome | null;
  /** Requests this poll sent. */
  requests: number;
}

export interface PollSettings {
  pageSize: number;
  concurrency: number;
  signal?: AbortSignal;
}

const SUCCESS = statusCode("EXECUTE_SUCCESS");
const FAILURE = statusCode("EXECUTE_FAILURE");

const fromOutcome = (outcome: TaskOutcome, requests: number): TaskSnapshot => ({
  counts: outcome.counts,
  countsExact: true,
  total: outcome.total,
  open: openCount(outcome.counts),
  outcome,
  requests,
});

/** The open remainder of a routine poll, split like the last exact counts. */
const estimateOpen = (last: StatusCounts, open: number): Pick<StatusCounts, "WAITING_EXECUTE" | "EXECUTING" | "UNKNOWN"> => {
  const unknown = Math.min(last.UNKNOWN, open);
  const waiting = Math.min(last.WAITING_EXECUTE, open - unknown);
  return { UNKNOWN: unknown, WAITING_EXECUTE: waiting, EXECUTING: open - unknown - waiting };
};

/** Polls one task; remembers between polls whether it is small or large, and what the last poll saw. */
export class TaskPoller {
  private large = false;
  /** The total and counts of the last exact read (a breakdown or a full read). */
  private exact: { total: number; counts: StatusCounts } | undefined;
  /** Open details at the previous poll. */
  private previousOpen: number | undefined;
  private breakdownNext = false;

  constructor(
    private readonly api: DomainTaskApi,
    private readonly query: TaskQuery,
    private readonly settings: PollSettings,
  ) {}

  /** @param exact count every status (a breakdown) even if the task is progressing. */
  async poll(exact = false): Promise<TaskSnapshot> {
    const snap = await this.read(exact);
    this.breakdownNext = this.previousOpen !== undefined && snap.open >= this.previousOpen;
    this.previousOpen = snap.open;
    if (snap.countsExact) this.exact = { total: snap.total, counts: snap.counts };
    return snap;
  }

  private async read(exact: boolean): Promise<TaskSnapshot> {
    if (!this.large) {
      const page = await this.count(undefined, this.settings.pageSize);
      // Small only if that one page really holds every detail (a service may apply a smaller PageSize).
      if (page.totalItemNum <= this.settings.pageSize && page.details.length >= page.totalItemNum) {
        return fromOutcome(summarizeTask(this.query.taskNo, page.details), 1);
      }
      this.large = true;
      return this.breakdown(page.totalItemNum, 1);
    }
    const last = this.exact;
    if (exact || this.breakdownNext || last === undefined) return this.breakdown(undefined, 0);
    const [success, failure] = await Promise.all([this.total(SUCCESS), this.total(FAILURE)]);
    // More finished details than the total: the task grew since it was last counted. Count it again.
    if (success + failure > last.total) return this.breakdown(undefined, 2);
    const open = last.total - success - failure;
    const counts = { ...estimateOpen(last.counts, open), EXECUTE_SUCCESS: success, EXECUTE_FAILURE: failure };
    return this.finish({ counts, countsExact: false, total: last.total, open, outcome: null, requests: 2 });
  }

  private count(taskStatus: number | undefined, pageSize: number) {
    const request = { ...this.query, taskStatus, pageNum: 1, pageSize };
    if (taskStatus === undefined) delete request.taskStatus;
    return abortable(this.api.queryTaskDetailList(request, { signal: this.settings.signal }), this.settings.signal);
  }

  /** TotalItemNum of one PageSize-1 request: the number of details with that status (or all, for undefined). */
  private total(taskStatus: number | undefined): Promise<number> {
    return this.count(taskStatus, 1).then((p) => p.totalItemNum);
  }

  private async breakdown(knownTotal: number | undefined, spent: number): Promise<TaskSnapshot> {
    const [total, ...known] = await Promise.all([
      knownTotal ?? this.total(undefined),
      ...TASK_STATUSES.map((s) => this.total(statusCode(s))),
    ]);
    const counts = emptyCounts();
    TASK_STATUSES.forEach((s, i) => (counts[s] = known[i]));
    // The five counts are read at slightly different moments; never let a race make a count negative.
    counts.UNKNOWN = Math.max(0, total - known.reduce((a, b) => a + b, 0));
    const requests = spent + (knownTotal === undefined ? 5 : 4);
    return this.finish({ counts, countsExact: true, total, open: openCount(counts), outcome: null, requests });
  }

  /** A count that shows nothing open is confirmed by reading every detail, which then is the snapshot. */
  private async finish(counted: TaskSnapshot): Promise<TaskSnapshot> {
    if (counted.open > 0 || counted.total === 0) return counted;
    const list = await listTaskDetails(this.api, this.query, this.settings);
    return fromOutcome(summarizeTask(this.query.taskNo, list.details), counted.requests + list.requests);
  }
}
