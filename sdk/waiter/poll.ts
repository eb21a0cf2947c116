/**
 * One poll of a task: how many of its details are in each state, at a cost that does not grow with it.
 *
 * A small task (one page holds every detail) is read in full with one request. A large task is counted instead, with
 * five requests of PageSize 1 sent together: no filter (TotalItemNum = all details) and one per TaskStatus
 * filter 0-3. UNKNOWN = total - the four known counts, so a detail with a status this SDK does not know is
 * still counted as open and never as success. Only when nothing is open is the task read in full (through
 * the pager), to return every detail and to confirm the counts; if that read still shows open details the
 * waiter keeps polling.
 */
import { statusCode, TASK_STATUSES, type TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { emptyCounts, openCount, summarizeTask, type StatusCounts, type TaskOutcome } from "../outcome";
import { listTaskDetails } from "../pager";
import { abortable } from "../clock";

export interface TaskSnapshot {
  counts: StatusCounts;
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

const fromOutcome = (outcome: TaskOutcome, requests: number): TaskSnapshot => ({
  counts: outcome.counts,
  total: outcome.total,
  open: openCount(outcome.counts),
  outcome,
  requests,
});

/** Polls one task; remembers whether it is small or large between polls. */
export class TaskPoller {
  private large = false;
  constructor(
    private readonly api: DomainTaskApi,
    private readonly query: TaskQuery,
    private readonly settings: PollSettings,
  ) {}

  async poll(): Promise<TaskSnapshot> {
    if (!this.large) {
      const page = await this.count(undefined, this.settings.pageSize);
      // Small only if that one page really holds every detail (a service may apply a smaller PageSize).
      if (page.totalItemNum <= this.settings.pageSize && page.details.length >= page.totalItemNum) {
        return fromOutcome(summarizeTask(this.query.taskNo, page.details), 1);
      }
      this.large = true;
      return this.countLarge(page.totalItemNum, 1);
    }
    return this.countLarge(undefined, 0);
  }

  private count(taskStatus: number | undefined, pageSize: number) {
    const request = { ...this.query, taskStatus, pageNum: 1, pageSize };
    if (taskStatus === undefined) delete request.taskStatus;
    return abortable(this.api.queryTaskDetailList(request, { signal: this.settings.signal }), this.settings.signal);
  }

  private async countLarge(knownTotal: number | undefined, spent: number): Promise<TaskSnapshot> {
    const [total, ...known] = await Promise.all([
      knownTotal ?? this.count(undefined, 1).then((p) => p.totalItemNum),
      ...TASK_STATUSES.map((s) => this.count(statusCode(s), 1).then((p) => p.totalItemNum)),
    ]);
    let requests = spent + (knownTotal === undefined ? 5 : 4);
    const counts = emptyCounts();
    TASK_STATUSES.forEach((s, i) => (counts[s] = known[i]));
    // The five counts are read at slightly different moments; never let a race make a count negative.
    counts.UNKNOWN = Math.max(0, total - known.reduce((a, b) => a + b, 0));
    const open = openCount(counts);
    if (open > 0 || total === 0) return { counts, total, open, outcome: null, requests };
    const list = await listTaskDetails(this.api, this.query, this.settings);
    requests += list.requests;
    return fromOutcome(summarizeTask(this.query.taskNo, list.details), requests);
  }
}
