/**
 * The proof behind a verdict: one read of a task (one pass over its pages), checked against the question that
 * was asked and against itself. A gate never trusts a single answer; this is where answers are cross-examined.
 *
 * A pass is *verified* when nothing below went wrong:
 * - every detail has the TaskNo asked and matches every filter asked (DomainName, InstanceId, TaskStatus);
 * - every detail's TaskStatus and TaskStatusCode agree;
 * - every detail can be told from the others (TaskDetailNo, or DomainName + InstanceId), and no two different
 *   details share one identity (they are kept apart, never merged), nor does one detail read two ways;
 * - every page reports the same TotalItemNum, and no page the total promises comes back empty;
 * - the distinct details seen equal TotalItemNum (which must not be negative, nor 0 while details are served).
 * Anything else is a *problem*: the pass does not verify, and the reader reads again or says so. Paging facts
 * that do not put the details in doubt (a wrong TotalPageNum, NextPage true on the last page) are *notes*.
 */
import { isKnownStatus, TASK_STATUSES, type TaskDetail, type TaskDetailPage } from "../api/schemas";

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
const mismatch = (d: TaskDetail, asked: AskedQuery): string | undefined => {
  if (d.taskNo.toLowerCase() !== asked.taskNo.toLowerCase()) {
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
  if (d.taskStatusCode === -1 || !isKnownStatus(d.taskStatus)) return undefined; // nothing to cross-check
  const named = TASK_STATUSES[d.taskStatusCode];
  return named === d.taskStatus ? undefined : `says TaskStatus ${d.taskStatus} but TaskStatusCode ${d.taskStatusCode}${named ? ` (${named})` : ""}`;
};

const describe = (d: TaskDetail): string =>
  `the detail ${d.taskDetailNo ? `${d.taskDetailNo} ` : ""}of ${d.domainName ? JSON.stringify(d.domainName) : `instance ${JSON.stringify(d.instanceId)}`}`;

/**
 * What a pass remembers of each detail, kept to one small integer (a V8 small integer: no allocation) so a
 * 200,000-detail read holds only its identities: a 24-bit hash of the DomainName and InstanceId, which tells
 * a second detail under the same TaskDetailNo from the same detail read again, and its status code (0-3, 4 for
 * a status this package does not know). A hash collision can only make two different details look like one,
 * which leaves the distinct count short of TotalItemNum: the pass still does not verify.
 */
const fingerprint = (d: TaskDetail): number => {
  let h = 0x811c9dc5; // FNV-1a, 32-bit
  const text = `${d.domainName}\u0000${d.instanceId}`;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const code = (TASK_STATUSES as readonly string[]).indexOf(d.taskStatus);
  return ((h >>> 8) << 3) | (code < 0 ? 4 : code);
};
const sameDetail = (a: number, b: number): boolean => a >>> 3 === b >>> 3;
const statusOf = (print: number): number => print & 7;
const FAILURE_CODE = TASK_STATUSES.indexOf("EXECUTE_FAILURE");

/** One pass over the pages of one query. Feed it every page with `accept`, then `close` it. */
export class PassLedger {
  /** Contradictions: while any is here, the pass is not verified. */
  readonly problems: string[] = [];
  /** Paging facts the service got wrong that do not put the details in doubt. */
  readonly notes: string[] = [];
  /** Details dropped because this pass had already seen the same detail (pages shifted under the read). */
  duplicates = 0;
  private readonly seen = new Map<string, number>();
  /** Details kept apart although they shared an identity with another (counted as distinct). */
  private conflicting = 0;
  private claimedTotal: number | undefined;

  constructor(private readonly asked: AskedQuery) {}

  /** Whether this pass accepted a detail of this identity (see `identityOf`). */
  has(key: string): boolean {
    return this.seen.has(key);
  }

  /** Distinct details this pass accepted. */
  get distinct(): number {
    return this.seen.size + this.conflicting;
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
   * Checks one page and returns the details in it that belong to the question and are new to this pass, in
   * the page's order. A detail that does not belong is left out (and the pass does not verify).
   */
  accept(page: TaskDetailPage, pageNum: number): TaskDetail[] {
    const where = `(page ${pageNum}, RequestId ${page.requestId})`;
    if (this.claimedTotal === undefined) this.claimedTotal = page.totalItemNum;
    else if (page.totalItemNum !== this.claimedTotal) {
      this.problem(`TotalItemNum changed from ${this.claimedTotal} to ${page.totalItemNum} during one read ${where}`);
    }
    const fresh: TaskDetail[] = [];
    for (const d of page.details) {
      const wrong = mismatch(d, this.asked);
      if (wrong !== undefined) {
        this.problem(`${describe(d)} ${wrong} ${where}`);
        continue;
      }
      const disagreement = statusDisagreement(d);
      if (disagreement !== undefined) this.problem(`${describe(d)} ${disagreement} ${where}`);
      const key = identityOf(d);
      if (d.taskDetailNo === "" && key !== undefined) this.note("details without a TaskDetailNo; told apart by DomainName and InstanceId instead");
      if (key === undefined) {
        this.problem(`a detail has no TaskDetailNo, DomainName or InstanceId, so it cannot be told apart from others ${where}`);
        this.conflicting += 1;
        fresh.push(d);
        continue;
      }
      const print = fingerprint(d);
      const before = this.seen.get(key);
      if (before === undefined) {
        this.seen.set(key, print);
        fresh.push(d);
      } else if (!sameDetail(before, print)) {
        // Two different details under one identity: keep both, so neither (a failure, say) disappears.
        this.problem(`two different details share TaskDetailNo ${d.taskDetailNo} (one of them ${describe(d)}) ${where}`);
        this.conflicting += 1;
        fresh.push(d);
      } else if (before !== print) {
        this.problem(`${describe(d)} read as ${TASK_STATUSES[statusOf(before)] ?? "an unknown status"} and as ${d.taskStatus} within one read ${where}`);
        // The worse reading stands until a consistent read replaces this one: a failure never hides.
        if (statusOf(print) === FAILURE_CODE) {
          this.seen.set(key, print);
          fresh.push(d);
          this.conflicting += 1;
        }
      } else {
        this.duplicates += 1;
      }
    }
    return fresh;
  }

  /**
   * Ends the pass: the distinct details must equal what TotalItemNum promised for the pages read.
   * @param expected the details the pass should have seen (TotalItemNum, less the pages skipped by a resume).
   */
  close(expected: number = this.totalItemNum): void {
    const total = this.totalItemNum;
    if (total < 0) this.problem(`TotalItemNum is negative (${total})`);
    else if (total === 0 && this.distinct > 0) this.problem(`TotalItemNum says 0, but ${this.distinct} details were served`);
    else if (this.distinct !== Math.max(0, expected)) {
      this.problem(`TotalItemNum says ${total}, but ${this.distinct} distinct details were served`);
    }
  }
}
