/**
 * The proof behind a verdict: one read of a task (one pass over its pages), checked against the question that
 * was asked, against itself, and against everything earlier reads of the same wait or refresh showed
 * (./evidence.ts). A gate never trusts a single answer; this is where answers are cross-examined.
 *
 * A pass is *verified* when nothing below went wrong:
 * - every detail has the TaskNo asked and matches every filter asked (DomainName, InstanceId, TaskStatus);
 * - every detail's TaskStatus and TaskStatusCode agree;
 * - every detail can be told from the others (TaskDetailNo, or DomainName + InstanceId), and no two different
 *   details share one identity (they are kept apart, never merged), nor does one detail read two ways;
 * - every page reports the same TotalItemNum, and no page the total promises comes back empty;
 * - the distinct details seen equal TotalItemNum (which must not be negative, nor 0 while details are served);
 * - every detail an earlier read served is served again (a failure among those that are not is kept failed:
 *   see `KeptFailures`).
 * Anything else is a *problem*: the pass does not verify, and the reader reads again or says so. Paging facts
 * that do not put the details in doubt (a wrong TotalPageNum, NextPage true on the last page) are *notes*.
 */
import { isKnownStatus, TASK_STATUSES, type TaskDetail, type TaskDetailPage } from "../api/schemas";
import type { PassCheck } from "../pager/scan-pass";
import { codeName, describeMissing, SEEN, shownCode, type Evidence } from "./evidence";

/** The question a read answers: the TaskNo, and the filters the service was asked to apply. */
export interface AskedQuery {
  taskNo: string;
  /** TaskStatusCode 0-3 asked for, if any. */
  taskStatus?: number;
  domainName?: string;
  instanceId?: string;
}

/**
 * What tells one detail from another: its TaskDetailNo, or, from a service that omits it, its DomainName and
 * InstanceId (one detail per domain or instance in a task); undefined when a detail has none of them.
 */
export const identityOf = (d: Pick<TaskDetail, "taskDetailNo" | "domainName" | "instanceId">): string | undefined =>
  d.taskDetailNo !== "" ? d.taskDetailNo : d.domainName !== "" || d.instanceId !== "" ? `\u0000${d.domainName}\u0000${d.instanceId}` : undefined;

/** Domain names compare without case and without a trailing root dot (EXAMPLE.com. is example.com). */
const sameDomain = (a: string, b: string): boolean => a.toLowerCase().replace(/\.$/, "") === b.toLowerCase().replace(/\.$/, "");

/** Why a detail does not belong to the question, or undefined when it does. */
export const mismatch = (d: TaskDetail, asked: AskedQuery): string | undefined => {
  // (The exact comparison first: it spares two lower-cased copies per detail on the path every detail takes.)
  if (d.taskNo !== asked.taskNo && d.taskNo.toLowerCase() !== asked.taskNo.toLowerCase()) {
    return d.taskNo === "" ? "carries no TaskNo" : `carries TaskNo ${d.taskNo}, not the ${asked.taskNo} asked`;
  }
  if (asked.domainName !== undefined && !sameDomain(d.domainName, asked.domainName)) {
    return `is of domain ${JSON.stringify(d.domainName)}, but the DomainName filter asked for ${JSON.stringify(asked.domainName)} (the filter was ignored)`;
  }
  if (asked.instanceId !== undefined && d.instanceId !== asked.instanceId) {
    return `is of instance ${JSON.stringify(d.instanceId)}, but the InstanceId filter asked for ${JSON.stringify(asked.instanceId)} (the filter was ignored)`;
  }
  if (asked.taskStatus !== undefined && d.taskStatus !== TASK_STATUSES[asked.taskStatus]) {
    return `has TaskStatus ${d.taskStatus}, but the TaskStatus filter asked for ${TASK_STATUSES[asked.taskStatus]} (the filter was ignored)`;
  }
  return undefined;
};

/** Why a detail's TaskStatus and TaskStatusCode disagree, or undefined when they agree (or no code was sent). */
const statusDisagreement = (d: TaskDetail): string | undefined => {
  if (TASK_STATUSES[d.taskStatusCode] === d.taskStatus) return undefined; // they agree (almost every detail: no search)
  if (d.taskStatusCode === -1 || !isKnownStatus(d.taskStatus)) return undefined; // nothing to cross-check
  const named = TASK_STATUSES[d.taskStatusCode];
  return named === d.taskStatus ? undefined : `says TaskStatus ${d.taskStatus} but TaskStatusCode ${d.taskStatusCode}${named ? ` (${named})` : ""}`;
};

export const describeDetail = (d: Pick<TaskDetail, "taskDetailNo" | "domainName" | "instanceId">): string =>
  `the detail ${d.taskDetailNo ? `${d.taskDetailNo} ` : ""}of ${d.domainName ? JSON.stringify(d.domainName) : `instance ${JSON.stringify(d.instanceId)}`}`;

/** A detail, by the name people know it by. */
export const nameOf = (d: Pick<TaskDetail, "taskDetailNo" | "domainName" | "instanceId">): string => d.domainName || d.taskDetailNo || d.instanceId;

/** What one page of a pass holds for its reader. */
export interface AcceptedPage {
  /** The details that belong to the question and are new to this pass, in the page's order. */
  fresh: TaskDetail[];
  /** Those never handed out before (only when the pass hands out), and their entries in the evidence. */
  unseen: TaskDetail[];
  unseenEntries: number[];
}

/**
 * How a pass treats a failure an earlier read showed that it does not bear out (read as EXECUTE_SUCCESS with no
 * retry seen, or not served at all): `count` keeps it failed in the outcome, with an anomaly saying so (a
 * verdict-giving read); `contradict` makes it a problem (a listing, which cannot say "failed").
 */
export type KeptFailures = "count" | "contradict";

export interface LedgerOptions {
  /** Hand out details not handed out before (`unseen`). */
  handOut: boolean;
  keptFailures: KeptFailures;
}

const NONE: never[] = [];

/** One pass over the pages of one query. Feed it every page with `accept`, then `close` it. */
export class PassLedger implements PassCheck<AcceptedPage> {
  /** Contradictions: while any is here, the pass is not verified. */
  readonly problems: string[] = [];
  /** Paging facts the service got wrong that do not put the details in doubt. */
  readonly notes: string[] = [];
  /** What the pass kept failed although it read them otherwise (keptFailures "count"): for the outcome's anomalies. */
  readonly kept: string[] = [];
  /** Entries of failures earlier reads showed that this pass did not serve (keptFailures "count"). */
  keptAbsent: number[] = [];
  /** Details dropped because this pass had already seen the same detail (pages shifted under the read). */
  duplicates = 0;
  /** This pass's number in the evidence. */
  readonly read: number;
  /** Details this pass could not track (no identity at all): their status codes, for the outcome's counts. */
  readonly untracked: number[] = [];
  private firstInRead = 0;
  private claimedTotal: number | undefined;

  constructor(
    private readonly asked: AskedQuery,
    private readonly evidence: Evidence,
    private readonly options: LedgerOptions,
  ) {
    this.read = evidence.beginRead();
  }

  /** Distinct details this pass accepted. */
  get distinct(): number {
    return this.firstInRead + this.untracked.length;
  }

  /** The TotalItemNum of the first page accepted. */
  get totalItemNum(): number {
    return this.claimedTotal ?? 0;
  }

  get verified(): boolean {
    return this.problems.length === 0;
  }

  /** Records a contradiction (each text once: a restless service should not flood the report). */
  problem(text: string): void {
    if (!this.problems.includes(text)) this.problems.push(text);
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  /**
   * Checks one page and returns the details in it that belong to the question and are new to this pass, in the
   * page's order. A detail that does not belong is left out (and the pass does not verify).
   */
  accept(page: TaskDetailPage, pageNum: number): AcceptedPage {
    const where = `(page ${pageNum}, RequestId ${page.requestId})`;
    if (this.claimedTotal === undefined) {
      this.claimedTotal = page.totalItemNum;
      this.evidence.reserve(page.totalItemNum);
    } else if (page.totalItemNum !== this.claimedTotal) {
      this.problem(`TotalItemNum changed from ${this.claimedTotal} to ${page.totalItemNum} during one read ${where}`);
    }
    const { handOut, keptFailures } = this.options;
    const fresh: TaskDetail[] = [];
    const unseen: TaskDetail[] = handOut ? [] : NONE;
    const unseenEntries: number[] = handOut ? [] : NONE;
    for (const d of page.details) {
      const wrong = mismatch(d, this.asked);
      if (wrong !== undefined) {
        this.problem(`${describeDetail(d)} ${wrong} ${where}`);
        continue;
      }
      const disagreement = statusDisagreement(d);
      if (disagreement !== undefined) this.problem(`${describeDetail(d)} ${disagreement} ${where}`);
      if (d.taskDetailNo === "") {
        if (d.domainName === "" && d.instanceId === "") {
          this.problem(`a detail has no TaskDetailNo, DomainName or InstanceId, so it cannot be told apart from others ${where}`);
          this.untracked.push(shownCode(d));
          fresh.push(d);
          if (handOut && this.read === 1) unseen.push(d); // cannot be told apart: handed out by the first read only (no entry to mark)
          continue;
        }
        this.note("details without a TaskDetailNo; told apart by DomainName and InstanceId instead");
      }
      const seen = this.evidence.see(d, this.read, handOut);
      if (seen & SEEN.SHARES_IDENTITY) {
        // Two different details under one identity: both are kept, so neither (a failure, say) disappears.
        this.problem(`two different details share TaskDetailNo ${d.taskDetailNo} (one of them ${describeDetail(d)}) ${where}`);
      }
      if (seen & SEEN.FIRST_IN_READ) {
        this.firstInRead += 1;
        fresh.push(d);
        if (seen & SEEN.UNSEEN) {
          unseen.push(d);
          unseenEntries.push(this.evidence.last);
        }
      } else if (seen & SEEN.FLIPPED) {
        this.problem(`${describeDetail(d)} read as ${codeName(this.evidence.previousCode)} and as ${d.taskStatus} within one read ${where}`);
      } else {
        this.duplicates += 1;
      }
      if (seen & SEEN.KEPT_FAILED) {
        const text = `${nameOf(d)} was EXECUTE_FAILURE and now reads EXECUTE_SUCCESS with no retry seen in between`;
        if (keptFailures === "contradict") this.problem(`${text} ${where}`);
        else if (!this.kept.includes(`${text}; kept as failed`)) this.kept.push(`${text}; kept as failed`);
      }
    }
    return { fresh, unseen, unseenEntries };
  }

  /**
   * Ends the pass: the distinct details must equal what TotalItemNum promised for the pages read, and every
   * detail an earlier read served must be among them.
   * @param expected the details the pass should have seen (TotalItemNum, less the pages skipped by a resume).
   * @param complete whether the pass covered the whole selection (false for a resumed read).
   */
  close(expected: number = this.totalItemNum, complete = true): void {
    const total = this.totalItemNum;
    if (total < 0) this.problem(`TotalItemNum is negative (${total})`);
    else if (total === 0 && this.distinct > 0) this.problem(`TotalItemNum says 0, but ${this.distinct} details were served`);
    else if (this.distinct !== Math.max(0, expected)) {
      this.problem(`TotalItemNum says ${total}, but ${this.distinct} distinct details were served`);
    }
    if (!complete) return;
    const { keptFailures, missing } = this.evidence.unaccounted(this.read);
    const absent = missing.reduce((a, b) => a + b, 0);
    if (absent > 0) {
      const text = `${absent} detail(s) an earlier read served (${describeMissing(missing)}) are not in this read`;
      // Details legitimately leave a selection by status as they move; anything else is a contradiction.
      if (this.asked.taskStatus === undefined) this.problem(text);
      else this.note(`${text}: they left the TaskStatus selection`);
    }
    if (keptFailures.length === 0) return;
    if (this.options.keptFailures === "count") this.keptAbsent = keptFailures;
    else {
      const named = this.evidence.failureAt(keptFailures[0]);
      this.problem(`${keptFailures.length} detail(s) an earlier read showed EXECUTE_FAILURE (${named ? nameOf(named) : "not named"}` +
        `${keptFailures.length > 1 ? ", ..." : ""}) are not in this read`);
    }
  }
}
