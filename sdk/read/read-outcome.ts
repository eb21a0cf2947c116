/**
 * The outcome of one pass of a verified read: the details as they stream in (the first `keepDetails` kept, for
 * the outcome's `details`), judged at the end by the evidence (./evidence.ts) - each detail counted once, in the
 * status the pass last read it in, and a failure an earlier read showed kept failed unless the pass saw it
 * retried (with an anomaly saying so). The counts never come from the stream, so a detail that read two ways in
 * one pass is counted once, in the worse reading.
 */
import type { TaskDetail } from "../api/schemas";
import { assembleOutcome, emptyCounts, toFailedDetail, type FailedDetail, type OutcomeBounds, type StatusCounts, type TaskOutcome } from "../outcome";
import { FAILURE, shownCode, UNKNOWN, type Evidence } from "./evidence";
import { nameOf, type PassLedger } from "./ledger";

const STATUS_OF: (keyof StatusCounts)[] = ["WAITING_EXECUTE", "EXECUTING", "EXECUTE_SUCCESS", "EXECUTE_FAILURE", "UNKNOWN"];

export class PassOutcome {
  private readonly kept: TaskDetail[] = [];
  private readonly unknown = new Set<string>();
  /** Failures among the details that cannot be told apart (the pass is unverified; they are still failures). */
  private readonly untrackedFailed: FailedDetail[] = [];
  private first: TaskDetail | undefined;

  constructor(
    private readonly taskNo: string,
    private readonly bounds: Pick<OutcomeBounds, "keepDetails" | "keepFailed">,
    private readonly evidence: Evidence,
  ) {}

  /** The details of one page that are new to the pass. */
  add(fresh: readonly TaskDetail[]): void {
    const keep = this.bounds.keepDetails ?? Infinity;
    for (const d of fresh) {
      this.first ??= d;
      if (this.kept.length < keep) this.kept.push(d);
      const code = shownCode(d);
      if (code === UNKNOWN) this.unknown.add(d.taskStatus);
      else if (code === FAILURE && d.taskDetailNo === "" && d.domainName === "" && d.instanceId === "") this.untrackedFailed.push(toFailedDetail(d));
    }
  }

  finish(ledger: PassLedger, proof: { verified: boolean; anomalies: readonly string[] }): TaskOutcome {
    const counts = emptyCounts();
    const failed: FailedDetail[] = [];
    const keepFailed = this.bounds.keepFailed ?? Infinity;
    let failures = 0;
    const fail = (f: FailedDetail | undefined) => {
      failures += 1;
      if (f !== undefined && failed.length < keepFailed) failed.push(f);
    };
    this.evidence.countRead(ledger.read, (code, entry) => {
      counts[STATUS_OF[code]] += 1;
      if (code === FAILURE) fail(this.evidence.failureAt(entry));
    });
    for (const code of ledger.untracked) counts[STATUS_OF[code]] += 1;
    for (const f of this.untrackedFailed) fail(f);
    const served = Object.values(counts).reduce((a, b) => a + b, 0);
    const anomalies = [...ledger.kept];
    for (const entry of ledger.keptAbsent) {
      // A failure an earlier read showed, that this one does not list: what it came to is still a failure.
      const f = this.evidence.failureAt(entry);
      anomalies.push(`${f ? nameOf(f) : "a detail"} was EXECUTE_FAILURE in an earlier read and is not listed now; kept as failed`);
      counts.EXECUTE_FAILURE += 1;
      fail(f);
    }
    return assembleOutcome({
      taskNo: this.taskNo,
      counts,
      failed,
      failures,
      unknownStatuses: this.unknown,
      single: this.first,
      details: this.kept,
      detailsOmitted: Math.max(0, served - this.kept.length),
      anomalies,
    }, proof);
  }
}
