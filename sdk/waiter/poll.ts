/**
 * One poll of a task: what state its details are in, verified, at a cost that does not grow with it.
 *
 * - The first poll asks for the total (one PageSize-1 request). A task that fits one page is then *read* at
 *   every poll: one verified read (../read/read-task.ts), one request, plus one when it says all succeeded.
 * - A larger task is *counted*: PageSize-1 requests filtered by TaskStatus, whose TotalItemNum is the count.
 *   A routine poll counts the finished details (2 requests: EXECUTE_SUCCESS, EXECUTE_FAILURE); a breakdown
 *   counts every status and the total (5 requests) on the first poll, after a poll where nothing finished, on
 *   request (the last poll before a timeout) and when the finished outnumber the known total.
 * - Counts are checked (./count.ts and `breakdown` below); a service that does not apply the TaskStatus filter
 *   is read in full from then on, so the wait still ends, in the right verdict.
 * - Once nothing is open (or, waiting `until: "firstFailure"`, once a failure is counted) the task is read in
 *   full, and the read must agree with the counts: same total, same successes, same failures. Two views of
 *   the task that agree are the proof; a disagreement makes the poll unverified.
 * - Failures are remembered across polls: a detail once read failed stays failed unless a later read shows it
 *   retried (open again) - see OutcomeBounds.remembered.
 */
import { statusCode, TASK_STATUSES, type TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { InconsistentAnswerError } from "../errors";
import { emptyCounts, openCount, type FailedDetail, type StatusCounts, type TaskOutcome } from "../outcome";
import { identityOf } from "../read/ledger";
import { readTask } from "../read/read-task";
import type { AskSettings } from "../read/ask";
import { countByStatus } from "./count";
import type { WaitState, WaitUntil } from "./models";

export interface PollSettings {
  pageSize: number;
  concurrency: number;
  signal?: AbortSignal;
  /** Milliseconds a request may still take (the wait's deadline, plus a little grace). */
  timeLeftMs: () => number;
  keepDetails?: number;
  keepFailed?: number;
}

/** A poll's state, and what it cost. */
export type PollResult = Omit<WaitState, "taskNo"> & { requests: number };

const SUCCESS = statusCode("EXECUTE_SUCCESS");
const FAILURE = statusCode("EXECUTE_FAILURE");

const fromOutcome = (outcome: TaskOutcome): Omit<PollResult, "requests"> => ({
  total: outcome.total,
  succeededCount: outcome.counts.EXECUTE_SUCCESS,
  failedCount: outcome.counts.EXECUTE_FAILURE,
  open: openCount(outcome.counts),
  breakdown: { ...outcome.counts },
  outcome: outcome.verified ? outcome : null,
  verified: outcome.verified,
  problems: [],
});

const unverifiedResult = (problems: readonly string[], seen?: TaskOutcome): Omit<PollResult, "requests"> => ({
  ...(seen ? fromOutcome(seen) : { total: 0, succeededCount: 0, failedCount: 0, open: 0, breakdown: null }),
  outcome: null,
  verified: false,
  problems: [...problems],
});

/** Polls one task; remembers between polls how to poll it, what the last breakdown was, and what failed. */
export class TaskPoller {
  private mode: "probe" | "read" | "count" = "probe";
  /** Set once the service broke a count: it is read in full from then on. */
  private countingBroken = false;
  /** The last breakdown of a counted task. */
  private last: { total: number; breakdown: StatusCounts } | undefined;
  private previousOpen: number | undefined;
  /** The total the probe read (and the status of the detail it served), spared from the first breakdown. */
  private probed: { total: number; sampleStatus?: string } | undefined;
  private breakdownNext = false;
  /** Failures seen in verified reads, by identity, until a read shows them retried. */
  private readonly remembered = new Map<string, FailedDetail>();
  /** What the poller learned about the service (e.g. that it ignores the TaskStatus filter). */
  readonly notes: string[] = [];
  /** Requests sent by the poll in progress. */
  private spent = 0;

  constructor(
    private readonly api: DomainTaskApi,
    private readonly query: TaskQuery,
    private readonly settings: PollSettings,
  ) {}

  /** @param exact count every status, even on a routine poll. */
  async poll(exact: boolean, until: WaitUntil): Promise<PollResult> {
    this.spent = 0;
    const ask: AskSettings = { signal: this.settings.signal, timeLeftMs: this.settings.timeLeftMs, onRequest: () => (this.spent += 1) };
    const result = await this.pollWith(ask, exact, until);
    this.breakdownNext = !result.verified || (this.previousOpen !== undefined && result.open >= this.previousOpen);
    this.previousOpen = result.open;
    return { ...result, requests: this.spent };
  }

  private async pollWith(ask: AskSettings, exact: boolean, until: WaitUntil): Promise<Omit<PollResult, "requests">> {
    if (this.mode === "probe") {
      const probe = await countByStatus(this.api, this.query, [undefined], ask);
      if (!probe.ok) this.stopCounting(probe.reason);
      else if (probe.counts[0] > this.settings.pageSize) {
        this.mode = "count";
        this.probed = { total: probe.counts[0], sampleStatus: probe.sampleStatus };
      }
      if (this.mode === "probe") this.mode = "read";
    }
    if (this.mode === "read") return this.read(ask, true);
    return this.count(ask, exact || this.breakdownNext || this.last === undefined, until);
  }

  private stopCounting(reason: string): void {
    this.countingBroken = true;
    this.mode = "read";
    const note = `counting by status does not work on this service (${reason}); polling by full reads instead`;
    if (!this.notes.includes(note)) this.notes.push(note);
  }

  /** A verified full read; `confirmSuccess` adds the failure count as a second view (not needed after counts). */
  private async read(ask: AskSettings, confirmSuccess: boolean): Promise<Omit<PollResult, "requests">> {
    try {
      const result = await readTask(this.api, this.query, {
        pageSize: this.settings.pageSize,
        concurrency: this.settings.concurrency,
        signal: ask.signal,
        timeoutMs: this.settings.timeLeftMs(),
        keepDetails: this.settings.keepDetails,
        keepFailed: this.settings.keepFailed,
        remembered: this.remembered,
        confirmSuccess,
      }, ask.onRequest);
      for (const key of result.retried) this.remembered.delete(key);
      for (const f of result.outcome.failed) {
        const key = identityOf(f);
        if (key !== undefined) this.remembered.set(key, f);
      }
      const outcome = { ...result.outcome, anomalies: [...this.notes, ...result.outcome.anomalies] };
      // A task that grew past one page is counted from now on (unless the service cannot count).
      if (this.mode === "read" && !this.countingBroken && outcome.total > this.settings.pageSize) this.mode = "count";
      return fromOutcome(outcome);
    } catch (error) {
      if (!InconsistentAnswerError.isInstance(error)) throw error;
      return unverifiedResult(error.problems, error.lastOutcome as TaskOutcome | undefined);
    }
  }

  private async count(ask: AskSettings, breakdown: boolean, until: WaitUntil): Promise<Omit<PollResult, "requests">> {
    const counted = breakdown ? await this.breakdown(ask) : await this.routine(ask);
    if (typeof counted === "string") {
      this.stopCounting(counted);
      return this.read(ask, true);
    }
    const { total, succeededCount, failedCount } = counted;
    if (total <= this.settings.pageSize) {
      this.mode = "read"; // shrunk to one page: reading it is as cheap as counting it
      return this.read(ask, true);
    }
    const open = total - succeededCount - failedCount;
    const finished = open === 0 || (until === "firstFailure" && failedCount > 0);
    if (!finished) return { ...counted, open, outcome: null, verified: true, problems: [] };
    const full = await this.read(ask, false);
    if (!full.verified || full.outcome === null) return full;
    const o = full.outcome;
    const agrees = open === 0
      ? o.total === total && o.counts.EXECUTE_SUCCESS === succeededCount && o.counts.EXECUTE_FAILURE === failedCount
      : o.total === total && o.counts.EXECUTE_FAILURE > 0;
    if (agrees) return full;
    // The read shows details open again (a failure being retried, say): the task moved since it was counted,
    // which is no contradiction. Poll on, on what the read shows.
    if (!o.complete && (open === 0 || o.counts.EXECUTE_FAILURE === 0)) return full;
    return unverifiedResult([
      `the counts (${succeededCount} EXECUTE_SUCCESS, ${failedCount} EXECUTE_FAILURE of ${total}) and the full read ` +
        `(${o.counts.EXECUTE_SUCCESS} EXECUTE_SUCCESS, ${o.counts.EXECUTE_FAILURE} EXECUTE_FAILURE of ${o.total}) disagree`,
    ], o);
  }

  /** The finished details only (2 requests); a breakdown when they outnumber the known total. */
  private async routine(ask: AskSettings): Promise<Counted | string> {
    const result = await countByStatus(this.api, this.query, [SUCCESS, FAILURE], ask);
    if (!result.ok) return result.reason;
    const [succeededCount, failedCount] = result.counts;
    const last = this.last!;
    if (succeededCount + failedCount > last.total) return this.breakdown(ask);
    return { total: last.total, succeededCount, failedCount, breakdown: null };
  }

  /** Every status and the total (5 requests), checked against each other. */
  private async breakdown(ask: AskSettings): Promise<Counted | string> {
    const probed = this.probed;
    this.probed = undefined;
    const statuses = TASK_STATUSES.map(statusCode);
    const result = await countByStatus(this.api, this.query, probed === undefined ? [undefined, ...statuses] : statuses, ask);
    if (!result.ok) return result.reason;
    const [total, ...known] = probed === undefined ? result.counts : [probed.total, ...result.counts];
    const sum = known.reduce((a, b) => a + b, 0);
    if (sum > total) return `the status counts add up to ${sum}, more than the total ${total}`;
    const breakdown = emptyCounts();
    TASK_STATUSES.forEach((s, i) => (breakdown[s] = known[i]));
    breakdown.UNKNOWN = total - sum;
    const sample = probed === undefined ? result.sampleStatus : probed.sampleStatus;
    if (sample !== undefined && (TASK_STATUSES as readonly string[]).includes(sample) && breakdown[sample as keyof StatusCounts] === 0) {
      return `a ${sample} detail was served, but the ${sample} count is 0`;
    }
    this.last = { total, breakdown };
    return { total, succeededCount: breakdown.EXECUTE_SUCCESS, failedCount: breakdown.EXECUTE_FAILURE, breakdown: { ...breakdown } };
  }
}

interface Counted {
  total: number;
  succeededCount: number;
  failedCount: number;
  breakdown: StatusCounts | null;
}
