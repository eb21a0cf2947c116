/**
 * What every read of one wait or refresh showed - every pass, kept or discarded, every count's sample, every
 * poll - so a later clean read cannot erase it (docs/verdict.md, "What any read showed stays evidence").
 *
 * Per detail (./detail-table.ts, 16 bytes and a slot): the status it last read, the last read that served it, and
 * two marks - *failed* (a failure was shown and no retry since) and *handed out* (a streaming consumer has it).
 * The rule the marks carry:
 * - a verified read must account for every detail any read served: seen again, as the same detail;
 * - a failure stays a failure unless the service later shows the detail open again (WAITING_EXECUTE or
 *   EXECUTING: retried); read as EXECUTE_SUCCESS with no retry seen, or no longer served, it is kept failed.
 * The failures' descriptions (domain, reason) are kept too, up to a bound, so what was seen can be reported.
 */
import { TASK_STATUSES, type TaskDetail } from "../api/schemas";
import { toFailedDetail, type FailedDetail } from "../outcome";
import { DetailTable, identityKey, MAX_READS, whoOf } from "./detail-table";

const WAITING = 0;
const EXECUTING = 1;
const SUCCESS = 2;
const FAILURE = 3;
/** A TaskStatus this package does not know. */
const UNKNOWN = 4;
const STATUS_BITS = 7;
/** A failure was shown and no retry seen since. */
const FAILED = 8;
/** A streaming consumer has been handed this detail. */
const HANDED_OUT = 16;

/** The status code a detail is read as: a failure when either its TaskStatus or its TaskStatusCode says so. */
export const shownCode = (d: Pick<TaskDetail, "taskStatus" | "taskStatusCode">): number => {
  if (d.taskStatusCode === FAILURE) return FAILURE;
  // The code when it names the status (the common case: no search), else the status's own code.
  if (d.taskStatusCode >= 0 && TASK_STATUSES[d.taskStatusCode] === d.taskStatus) return d.taskStatusCode;
  const code = (TASK_STATUSES as readonly string[]).indexOf(d.taskStatus);
  return code < 0 ? UNKNOWN : code;
};

/** The status name of a code, with UNKNOWN for the rest. */
export const codeName = (code: number): string => TASK_STATUSES[code] ?? "UNKNOWN";

/** What `see` found, as bits (no allocation per detail). */
export const SEEN = {
  /** The first time this read served the detail: it counts toward the read's distinct details. */
  FIRST_IN_READ: 1,
  /** This read served the detail before, in the same status. */
  REPEAT: 2,
  /** This read served the detail before, in another status. */
  FLIPPED: 4,
  /** Another detail shares this one's identity (TaskDetailNo). */
  SHARES_IDENTITY: 8,
  /** Never handed out before (only when asked): the consumer may hand it out (`markHandedOut`). */
  UNSEEN: 16,
  /** Read as EXECUTE_SUCCESS, but a failure was shown earlier and no retry since: it counts as failed. */
  KEPT_FAILED: 32,
} as const;

export interface EvidenceOptions {
  /** Failures whose description is kept (the rest are counted). Default: all. */
  keepFailed?: number;
}

export class Evidence {
  private readonly table = new DetailTable();
  private reads = 0;
  /** Failure descriptions by entry, first shown first, while the failure stands. */
  private readonly failures = new Map<number, FailedDetail>();
  private readonly keepFailed: number;
  /** The entry of the last `see`, for `failureAt`. */
  last = -1;
  /** The status code the detail of the last `see` read before it (-1 when it was new). */
  previousCode = -1;

  constructor(options: EvidenceOptions = {}) {
    this.keepFailed = options.keepFailed ?? Infinity;
  }

  /** Distinct details seen by any read. */
  get size(): number {
    return this.table.size;
  }

  get bytes(): number {
    return this.table.bytes;
  }

  reserve(n: number): void {
    this.table.reserve(n);
  }

  /** Starts a read (a pass over the pages, or a count's sample); returns its number. */
  beginRead(): number {
    // Numbered in 24 bits (./detail-table.ts): 16 million reads - at one request each, years of polling.
    if (this.reads === MAX_READS) throw new RangeError(`more than ${MAX_READS} reads in one wait`);
    return ++this.reads;
  }

  /**
   * Records that read `read` (a pass) served `d` (which belongs to the question asked) and returns what that
   * means, as SEEN bits; with `handOut`, UNSEEN says the detail was never handed out (the entry is `last`).
   */
  see(d: TaskDetail, read: number, handOut: boolean): number {
    return this.record(d, read, handOut, true);
  }

  /** Marks entries handed out (a consumer now has them). */
  markHandedOut(entries: readonly number[]): void {
    for (const e of entries) this.table.setState(e, this.table.stateOf(e) | HANDED_OUT);
  }

  /**
   * Records the detail a count served with its total (a PageSize-1 answer): its status is evidence like any
   * read's, but it does not stand for a pass, so it leaves the pass that last served the detail as it was (a
   * detail new to the evidence must still be served by the next pass).
   */
  sample(d: TaskDetail): void {
    this.record(d, this.beginRead(), false, false);
  }

  private record(d: TaskDetail, read: number, handOut: boolean, pass: boolean): number {
    const { a, b } = identityKey(d.taskDetailNo, d.domainName, d.instanceId);
    const who = whoOf(d.domainName, d.instanceId);
    const t = this.table;
    let e = t.find(a, b, who);
    let seen = t.metOther ? SEEN.SHARES_IDENTITY : 0;
    const code = shownCode(d);
    let state: number;
    let servedBy = read;
    if (e < 0) {
      e = t.insert(a, b, who, read, code);
      state = code;
      seen |= SEEN.FIRST_IN_READ;
      this.previousCode = -1;
    } else {
      state = t.stateOf(e);
      const last = t.readOf(e);
      this.previousCode = state & STATUS_BITS;
      if (last !== read) seen |= SEEN.FIRST_IN_READ;
      else seen |= (state & STATUS_BITS) === code ? SEEN.REPEAT : SEEN.FLIPPED;
      state = (state & ~STATUS_BITS) | code;
      if (!pass) servedBy = last; // a count's sample leaves the pass that last served it as it was
    }
    if (code === FAILURE) {
      state |= FAILED;
      if (this.failures.has(e) || this.failures.size < this.keepFailed) this.failures.set(e, toFailedDetail(d));
    } else if (code === WAITING || code === EXECUTING) {
      state &= ~FAILED; // retried: what it comes to next is the service's to say
      this.failures.delete(e);
    } else if (code === SUCCESS && (state & FAILED) !== 0) {
      seen |= SEEN.KEPT_FAILED;
    }
    if (handOut && (state & HANDED_OUT) === 0) seen |= SEEN.UNSEEN;
    t.set(e, servedBy, state);
    this.last = e;
    return seen;
  }

  /**
   * A failure an earlier look recorded (a DomainTask's state): kept failed unless a read shows it retried. It is
   * not counted as served by any read, and never handed out.
   */
  remember(f: FailedDetail): void {
    const { a, b } = identityKey(f.taskDetailNo, f.domainName, f.instanceId);
    const who = whoOf(f.domainName, f.instanceId);
    const t = this.table;
    const found = t.find(a, b, who);
    const e = found >= 0 ? found : t.insert(a, b, who, 0, 0);
    t.setState(e, (t.stateOf(e) & ~STATUS_BITS) | FAILURE | FAILED);
    if (this.failures.has(e) || this.failures.size < this.keepFailed) this.failures.set(e, { ...f });
  }

  /** The kept description of the failure of entry `e` (see `last`), if any. */
  failureAt(e: number): FailedDetail | undefined {
    return this.failures.get(e);
  }

  /**
   * Walks what read `read` showed: for each detail it served, its status as the verdict counts it (a kept failure
   * counts as EXECUTE_FAILURE), as a code 0-4.
   */
  countRead(read: number, count: (code: number, entry: number) => void): void {
    const t = this.table;
    for (let e = 0; e < t.size; e++) {
      if (t.readOf(e) !== read) continue;
      const state = t.stateOf(e);
      count((state & FAILED) !== 0 ? FAILURE : state & STATUS_BITS, e);
    }
  }

  /**
   * What read `read` did not account for: the details some other read served that this one did not. A kept
   * failure among them stays a failure (`keptFailures`, their entries); any other is a contradiction (`missing`,
   * counted by the status it last read).
   */
  unaccounted(read: number): { keptFailures: number[]; missing: number[] } {
    const t = this.table;
    const keptFailures: number[] = [];
    const missing = [0, 0, 0, 0, 0];
    for (let e = 0; e < t.size; e++) {
      if (t.readOf(e) === read) continue;
      const state = t.stateOf(e);
      if ((state & FAILED) !== 0) keptFailures.push(e);
      else missing[state & STATUS_BITS] += 1;
    }
    return { keptFailures, missing };
  }

  /** Whether `d` was handed out (and, with `handOut`, hands it out now if not). */
  handedOut(d: TaskDetail, handOut: boolean): boolean {
    const { a, b } = identityKey(d.taskDetailNo, d.domainName, d.instanceId);
    const e = this.table.find(a, b, whoOf(d.domainName, d.instanceId));
    if (e < 0) return false;
    const state = this.table.stateOf(e);
    if (handOut) this.table.setState(e, state | HANDED_OUT);
    const was = (state & HANDED_OUT) !== 0;
    return was;
  }

  /** Failures standing now (shown, not retried since), described ones first seen first, and how many in all. */
  standingFailures(): { described: FailedDetail[]; count: number } {
    const t = this.table;
    let count = 0;
    for (let e = 0; e < t.size; e++) if ((t.stateOf(e) & FAILED) !== 0) count += 1;
    return { described: [...this.failures.values()], count };
  }
}

/** Counts of `missing` by status, in words: "2 EXECUTING, 1 EXECUTE_SUCCESS". */
export const describeMissing = (missing: readonly number[]): string =>
  missing.flatMap((n, code) => (n > 0 ? [`${n} ${codeName(code)}`] : [])).join(", ");

export { WAITING, EXECUTING, SUCCESS, FAILURE, UNKNOWN };
