/**
 * One poll of a task: what state its details are in, verified, at a cost that does not grow with it. This is
 * the per-poll cost model, written once here (other comments and the docs refer to it):
 *
 * - The first poll *reads*: one verified read (../read/read-task.ts), whose first page tells how large the task
 *   is. A task that fits one page is read at every poll: one request, plus one when it says all succeeded. A
 *   larger one is read to the end only while every detail read is finished (so a finished task costs exactly
 *   the read: ceil(N / pageSize) requests, plus one when all succeeded); at the first page showing an open
 *   detail the read stops and the task is *counted* instead.
 * - Counting: PageSize-1 requests filtered by TaskStatus, whose TotalItemNum is the count. A routine poll
 *   counts the finished details (2 requests: EXECUTE_SUCCESS, EXECUTE_FAILURE); a breakdown counts every
 *   status (4 requests, 5 with the total) on the first counted poll, after a poll where nothing finished, on
 *   request (the last poll before a timeout) and when the finished outnumber the known total.
 * - Counts are checked (./count.ts and `breakdown` below); a service that does not apply the TaskStatus filter
 *   is read in full from then on, so the wait still ends, in the right verdict.
 * - Once nothing is open (or, waiting `until: "firstFailure"`, once a failure is counted) the task is read in
 *   full, and the read must agree with the counts: same total, same successes, same failures. Two views of
 *   the task that agree are the proof; a disagreement makes the poll unverified.
 * - Every read and every count of the wait adds to one body of evidence (../read/evidence.ts): a detail any of
 *   them served must be accounted for by the read that ends the wait, and a failure any of them showed stays
 *   failed unless a later one shows it retried (open again).
 */
import { statusCode, TASK_STATUSES, type TaskDetail, type TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { InconsistentAnswerError } from "../errors";
import { assembleOutcome, emptyCounts, openCount, type StatusCounts, type TaskOutcome } from "../outcome";
import type { AskSettings } from "../pager/ask";
import { Evidence } from "../read/evidence";
import type { AskedQuery } from "../read/ledger";
import { askedOf } from "../read/passes";
import { readTask } from "../read/read-task";
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
  onDetails?: (details: TaskDetail[]) => void | Promise<void>;
}

/** A poll's state, and what it cost. */
export type PollResult = Omit<WaitState, "taskNo"> & { requests: number };
type Polled = Omit<PollResult, "requests">;

const SUCCESS = statusCode("EXECUTE_SUCCESS");
const FAILURE = statusCode("EXECUTE_FAILURE");

const fromOutcome = (outcome: TaskOutcome): Polled => ({
  total: outcome.total,
  succeededCount: outcome.counts.EXECUTE_SUCCESS,
  failedCount: outcome.counts.EXECUTE_FAILURE,
  open: openCount(outcome.counts),
  breakdown: { ...outcome.counts },
  outcome: outcome.verified ? outcome : null,
  seen: outcome,
  verified: outcome.verified,
  problems: [],
});

/** A poll whose answers did not verify: what it saw, never a success, the contradictions named. */
const unverifiedResult = (problems: readonly string[], seen: TaskOutcome): Polled => ({
  ...fromOutcome(seen),
  outcome: null,
  seen: {
    ...seen,
    verified: false,
    succeeded: false,
    anomalies: [...seen.anomalies, ...problems.filter((p) => !seen.anomalies.some((a) => a.endsWith(p)))],
  },
  verified: false,
  problems: [...problems],
});

interface Counted {
  total: number;
  succeededCount: number;
  failedCount: number;
  breakdown: StatusCounts | null;
}

/** Polls one task; remembers between polls how to poll it, what the last breakdown was, and what every read showed. */
export class TaskPoller {
  private mode: "first" | "read" | "count" = "first";
  /** Set once the service broke a count: it is read in full from then on. */
  private countingBroken = false;
  /** The last breakdown of a counted task. */
  private last: { total: number; breakdown: StatusCounts } | undefined;
  private previousOpen: number | undefined;
  /** The total the first read gave (spared from the first breakdown), and the details it served by status code. */
  private fromFirstRead: { total: number; served: number[] } | undefined;
  private breakdownNext = false;
  /** Everything every read and count of this wait served. */
  readonly evidence: Evidence;
  private readonly asked: AskedQuery;
  /** What the poller learned about the service (e.g. that it ignores the TaskStatus filter). */
  readonly notes: string[] = [];
  /** Requests sent by the poll in progress. */
  private spent = 0;

  constructor(
    private readonly api: DomainTaskApi,
    private readonly query: TaskQuery,
    private readonly settings: PollSettings,
  ) {
    this.evidence = new Evidence({ keepFailed: settings.keepFailed });
    this.asked = askedOf(query);
  }

  /** @param exact count every status, even on a routine poll. */
  async poll(exact: boolean, until: WaitUntil): Promise<PollResult> {
    this.spent = 0;
    const ask: AskSettings = { signal: this.settings.signal, timeLeftMs: this.settings.timeLeftMs, onRequest: () => (this.spent += 1) };
    const result = await this.pollWith(ask, exact, until);
    this.breakdownNext = !result.verified || (this.previousOpen !== undefined && result.open >= this.previousOpen);
    this.previousOpen = result.open;
    return { ...result, requests: this.spent };
  }

  /**
   * With `onDetails`: hands out the details `outcome` holds that no read has streamed yet (a small task's), and
   * returns the outcome without them - each has reached `onDetails` once.
   */
  async handOutRest(outcome: TaskOutcome): Promise<TaskOutcome> {
    const onDetails = this.settings.onDetails;
    if (onDetails === undefined) return outcome;
    const rest = outcome.details.filter((d) => !this.evidence.handedOut(d, true));
    if (rest.length > 0) await onDetails(rest);
    return { ...outcome, details: [], detailsOmitted: outcome.detailsOmitted + outcome.details.length };
  }

  private async pollWith(ask: AskSettings, exact: boolean, until: WaitUntil): Promise<Polled> {
    if (this.mode === "first") {
      const read = await this.read(ask, true, true);
      if (!("large" in read)) return read;
      this.mode = "count";
      this.fromFirstRead = read.large;
      return this.count(ask, true, until);
    }
    if (this.mode === "read") return this.readAll(ask, true);
    return this.count(ask, exact || this.breakdownNext || this.last === undefined, until);
  }

  private stopCounting(reason: string): void {
    this.countingBroken = true;
    this.mode = "read";
    const note = `counting by status does not work on this service (${reason}); polling by full reads instead`;
    if (!this.notes.includes(note)) this.notes.push(note);
  }

  private async readAll(ask: AskSettings, confirmSuccess: boolean): Promise<Polled> {
    const read = await this.read(ask, confirmSuccess, false);
    if ("large" in read) throw new Error("unreachable: only the first read gives up on a large task");
    return read;
  }

  /**
   * A verified full read; `confirmSuccess` adds the failure count as a second view (not needed after counts).
   * The first read (`firstRead`) gives up on a large task with open details: `large`, to be counted instead.
   */
  private async read(ask: AskSettings, confirmSuccess: boolean, firstRead: boolean): Promise<Polled | { large: NonNullable<TaskPoller["fromFirstRead"]> }> {
    const { pageSize, onDetails } = this.settings;
    try {
      const result = await readTask(this.api, this.query, {
        pageSize,
        concurrency: this.settings.concurrency,
        signal: ask.signal,
        timeoutMs: this.settings.timeLeftMs(),
        // Streaming, the outcome holds at most a small task (which is handed out when the wait ends).
        keepDetails: onDetails ? Math.min(this.settings.keepDetails ?? Infinity, pageSize) : this.settings.keepDetails,
        keepFailed: this.settings.keepFailed,
        confirmSuccess,
        onDetails,
      }, { onRequest: ask.onRequest, evidence: this.evidence, abandonIfOpenAndLarge: firstRead, streamLargeOnly: true });
      if (result.kind === "large") return { large: { total: result.total, served: result.served } };
      const outcome = { ...result.outcome, anomalies: [...this.notes, ...result.outcome.anomalies] };
      // A task larger than one page is counted from now on (unless the service cannot count); a smaller one read.
      if (this.mode !== "count") this.mode = !this.countingBroken && outcome.total > pageSize ? "count" : "read";
      return fromOutcome(outcome);
    } catch (error) {
      if (!InconsistentAnswerError.isInstance(error) || error.lastOutcome === undefined) throw error;
      return unverifiedResult(error.problems, { ...error.lastOutcome, anomalies: [...this.notes, ...error.lastOutcome.anomalies] });
    }
  }

  private async count(ask: AskSettings, breakdown: boolean, until: WaitUntil): Promise<Polled> {
    const counted = breakdown ? await this.breakdown(ask) : await this.routine(ask);
    if (typeof counted === "string") {
      this.stopCounting(counted);
      return this.readAll(ask, true);
    }
    const { total, succeededCount, failedCount } = counted;
    if (total <= this.settings.pageSize) {
      this.mode = "read"; // shrunk to one page: reading it is as cheap as counting it
      return this.readAll(ask, true);
    }
    const open = total - succeededCount - failedCount;
    const finished = open === 0 || (until === "firstFailure" && failedCount > 0);
    if (!finished) return { ...counted, open, outcome: null, seen: this.countedSeen(counted, open), verified: true, problems: [] };
    const full = await this.readAll(ask, false);
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

  /**
   * What a counted poll saw, as an outcome: its counts (the open ones as EXECUTING when only the finished were
   * counted), and the failures the wait's reads and counts showed. Neither complete nor a success: no read of
   * every detail stands behind it.
   */
  private countedSeen(c: Counted, open: number): TaskOutcome {
    const counts = c.breakdown ?? { ...emptyCounts(), EXECUTING: open, EXECUTE_SUCCESS: c.succeededCount, EXECUTE_FAILURE: c.failedCount };
    const { described, count } = this.evidence.standingFailures();
    const failed = described.slice(0, this.settings.keepFailed ?? Infinity);
    const unsplit = c.breakdown === null && open > 0
      ? [`the last poll counted the finished details only: ${open} open (waiting or executing) shown as EXECUTING`] : [];
    const outcome = assembleOutcome({
      taskNo: this.query.taskNo,
      counts,
      failed,
      failures: Math.max(count, c.failedCount),
      unknownStatuses: [],
      details: [],
      detailsOmitted: c.total,
      anomalies: [...this.notes, ...unsplit],
    }, { verified: true });
    return { ...outcome, succeeded: false, complete: false };
  }

  /** The finished details only (2 requests); a breakdown when they outnumber the known total. */
  private async routine(ask: AskSettings): Promise<Counted | string> {
    const result = await countByStatus(this.api, this.query, [SUCCESS, FAILURE], ask, { of: this.evidence, asked: this.asked });
    if (!result.ok) return result.reason;
    const [succeededCount, failedCount] = result.counts;
    const last = this.last!;
    if (succeededCount + failedCount > last.total) return this.breakdown(ask);
    return { total: last.total, succeededCount, failedCount, breakdown: null };
  }

  /** Every status and the total (5 requests; 4 when the first read gave the total), checked against each other. */
  private async breakdown(ask: AskSettings): Promise<Counted | string> {
    const fromFirstRead = this.fromFirstRead;
    this.fromFirstRead = undefined;
    const statuses = TASK_STATUSES.map(statusCode);
    const result = await countByStatus(this.api, this.query, fromFirstRead === undefined ? [undefined, ...statuses] : statuses, ask,
      { of: this.evidence, asked: this.asked });
    if (!result.ok) return result.reason;
    const [total, ...known] = fromFirstRead === undefined ? result.counts : [fromFirstRead.total, ...result.counts];
    const sum = known.reduce((a, b) => a + b, 0);
    if (sum > total) return `the status counts add up to ${sum}, more than the total ${total}`;
    const breakdown = emptyCounts();
    TASK_STATUSES.forEach((s, i) => (breakdown[s] = known[i]));
    breakdown.UNKNOWN = total - sum;
    const sample = result.sampleStatus;
    if (sample !== undefined && (TASK_STATUSES as readonly string[]).includes(sample) && breakdown[sample as keyof StatusCounts] === 0) {
      return `a ${sample} detail was served, but the ${sample} count is 0`;
    }
    // The counts must bear out what the first read served a moment before: a status it served has a count, and
    // finished details stay finished (no count of them below what was served).
    if (fromFirstRead !== undefined) {
      const byCode = [...TASK_STATUSES.map((s) => breakdown[s]), breakdown.UNKNOWN];
      const wrong = fromFirstRead.served.findIndex((n, code) => n > 0 && (byCode[code] === 0 || (code === SUCCESS || code === FAILURE) && byCode[code] < n));
      if (wrong >= 0) {
        const name = TASK_STATUSES[wrong] ?? "UNKNOWN";
        return `the first read served ${fromFirstRead.served[wrong]} ${name} detail(s), but the ${name} count is ${byCode[wrong]}`;
      }
    }
    this.last = { total, breakdown };
    return { total, succeededCount: breakdown.EXECUTE_SUCCESS, failedCount: breakdown.EXECUTE_FAILURE, breakdown: { ...breakdown } };
  }
}
