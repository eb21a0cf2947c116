/**
 * `readTaskOutcome`: the "find" of the find / status / wait triple - one verified read of a task, and its
 * outcome. Every verdict of this package (the CLI's `get` and `wait`, `getTaskDetails`, the DomainTask's
 * create and refresh, the waiter's reads) comes from here.
 *
 * 1. Read every page, checked by the pass's ledger (./ledger.ts); a pass that does not verify is read again
 *    (./passes.ts). Every pass, and every count's sample, adds to one body of evidence (./evidence.ts): what a
 *    discarded pass served must be accounted for by the pass that verifies, and a failure any of them showed
 *    stays a failure unless the service shows it retried.
 * 2. An outcome that says every detail succeeded is confirmed by a second view before it is trusted: the
 *    TaskStatus=3 count must be 0. One small request; a service whose full listing hides failures that its
 *    failure count shows is caught here. Should the service ignore the TaskStatus filter (the detail it serves
 *    is not a failure), the second view is another full read instead, whose statuses must agree.
 * 3. Answers that never verify end in an InconsistentAnswerError naming the contradictions; its `lastOutcome`
 *    (verified: false) carries what was seen - the last counts, every failure, each contradiction - for display.
 */
import { statusCode, type TaskDetail, type TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { followSignal } from "../clock";
import type { StatusCounts, TaskOutcome, OutcomeBounds } from "../outcome";
import { askPage } from "../pager/ask";
import { readPagerLimits } from "../pager/limits";
import type { PagerOptions } from "../pager/models";
import { checkQuery } from "./check-query";
import { Evidence, EXECUTING, shownCode, UNKNOWN, WAITING } from "./evidence";
import { inconsistentAnswer } from "./inconsistent";
import { mismatch } from "./ledger";
import { askedOf, readPasses, type ReadSettings } from "./passes";
import { PassOutcome } from "./read-outcome";

/** Options of `readTaskOutcome`. */
export interface ReadTaskOptions extends PagerOptions, OutcomeBounds {
  /**
   * Called with the details as they are read, each detail once (across re-reads too), before the verdict is
   * known; await it for backpressure. For streaming a huge task out without holding it.
   */
  onDetails?: (details: TaskDetail[]) => void | Promise<void>;
  /** Confirm an all-succeeded outcome with the failure count (step 2 above). Default true. */
  confirmSuccess?: boolean;
}

/** What the waiter hands a read besides the options: its evidence, and how to count its requests. */
export interface ReadHooks {
  /** Hears of every request as it is sent. */
  onRequest?: () => void;
  /** The evidence of the wait this read belongs to (default: a fresh one, for this read alone). */
  evidence?: Evidence;
  /**
   * Give up on the read as soon as a page shows a detail still open in a task larger than one page: reading the
   * rest would not end a wait, and counting costs a few requests where reading costs one per page.
   */
  abandonIfOpenAndLarge?: boolean;
  /**
   * Stream (`onDetails`) only the reads of a task larger than one page; a smaller one stays in the outcome's
   * `details` (the waiter hands those out when the wait ends, as the last read has them).
   */
  streamLargeOnly?: boolean;
}

/** What a read came to, and what it cost. */
export type ReadTaskResult =
  | { kind: "outcome"; outcome: TaskOutcome; requests: number }
  /**
   * The read gave up (`abandonIfOpenAndLarge`): the task has `total` details and some are open; `served` counts
   * the details the abandoned pass had served, by status code (0-3, 4 for a status this package does not know).
   */
  | { kind: "large"; total: number; served: number[]; requests: number };

const FAILURE = statusCode("EXECUTE_FAILURE");

const sameCounts = (a: StatusCounts, b: StatusCounts): boolean =>
  (Object.keys(a) as (keyof StatusCounts)[]).every((k) => a[k] === b[k]);

/** The second view of an all-succeeded outcome: "confirmed", a contradiction, or "filter ignored". */
const failureCount = async (
  api: DomainTaskApi,
  query: TaskQuery,
  settings: ReadSettings,
  evidence: Evidence,
): Promise<{ view: "confirmed" } | { view: "contradicted"; problem: string } | { view: "unusable"; note: string }> => {
  const page = await askPage(api, { ...query, taskStatus: FAILURE, pageNum: 1, pageSize: 1 }, settings);
  if (page.totalItemNum === 0 && page.details.length === 0) return { view: "confirmed" };
  const served = page.details[0];
  // What the count serves is evidence like any other read's (a failure it shows stays a failure).
  if (served !== undefined && mismatch(served, askedOf(query)) === undefined) evidence.sample(served);
  if (served !== undefined && served.taskStatus === "EXECUTE_FAILURE" && served.taskNo.toLowerCase() === query.taskNo.trim().toLowerCase()) {
    return {
      view: "contradicted",
      problem: `the TaskStatus=3 (EXECUTE_FAILURE) count says ${page.totalItemNum} failed (e.g. ${served.domainName || served.taskDetailNo}), ` +
        `but the full read lists every detail as EXECUTE_SUCCESS (RequestId ${page.requestId})`,
    };
  }
  return {
    view: "unusable",
    note: `the TaskStatus filter was not applied (asked for failures, got TotalItemNum ${page.totalItemNum}` +
      `${served ? ` and a ${served.taskStatus} detail` : " and no detail"}); confirmed by a second full read instead (RequestId ${page.requestId})`,
  };
};

/** An outcome whose proof failed after it was built: never a success. */
const unverified = (outcome: TaskOutcome, problems: readonly string[]): TaskOutcome =>
  ({ ...outcome, verified: false, succeeded: false, anomalies: [...outcome.anomalies, ...problems] });

/** Not finished: waiting, executing, or in a status this package does not know (never counted as done). */
const isOpen = (d: TaskDetail): boolean => {
  const code = shownCode(d);
  return code === WAITING || code === EXECUTING || code === UNKNOWN;
};

/**
 * Reads every detail of a task once, verifies the answers, and returns the outcome (`verified: true`).
 *
 * ```ts
 * const outcome = await readTaskOutcome(client, { taskNo });
 * if (!outcome.succeeded) console.error(outcome.failed);
 * ```
 * Cost on a consistent service: ceil(N / pageSize) requests, plus one PageSize-1 request when every detail
 * succeeded. Memory: O(pageSize x concurrency) plus a few bytes per detail for the evidence, plus what
 * `keepDetails` and `keepFailed` keep (all, by default).
 *
 * @throws InconsistentAnswerError when the answers never verified (within `maxReads`); ValidationError for a
 *   bad option; DomainApiError from the client; AbortError when `signal` fires.
 */
export async function readTaskOutcome(api: DomainTaskApi, query: TaskQuery, options: ReadTaskOptions = {}): Promise<TaskOutcome> {
  const result = await readTask(api, query, options);
  if (result.kind !== "outcome") throw new Error("unreachable: a read only gives up when asked to");
  return result.outcome;
}

/** `readTaskOutcome` with its cost, for the waiter, which shares its evidence across the reads of a wait. */
export async function readTask(api: DomainTaskApi, asked: TaskQuery, options: ReadTaskOptions = {}, hooks: ReadHooks = {}): Promise<ReadTaskResult> {
  const query = checkQuery(asked);
  const limits = readPagerLimits(options);
  const linked = followSignal(limits.signal);
  let requests = 0;
  const settings: ReadSettings = {
    ...limits,
    signal: linked.signal,
    onRequest: () => {
      requests += 1;
      hooks.onRequest?.();
    },
    handOut: options.onDetails !== undefined,
    keptFailures: "count",
  };
  const evidence = hooks.evidence ?? new Evidence({ keepFailed: options.keepFailed });
  for (const f of options.remembered?.values() ?? []) evidence.remember(f);
  const bounds = { keepDetails: options.keepDetails, keepFailed: options.keepFailed };
  const confirm = options.confirmSuccess !== false && query.taskStatus === undefined;
  const taskNo = query.taskNo;
  let carried: string[] = [];
  /** Counts of a verified pass whose success the failure count could not confirm: the next pass must agree. */
  let toAgreeWith: StatusCounts | undefined;
  let lastOutcome: TaskOutcome | undefined;
  let lastProblems: readonly string[] = [];
  let reads = 0;

  try {
    while (reads < settings.maxReads) {
      const passes = readPasses(api, query, { ...settings, maxReads: settings.maxReads - reads }, evidence);
      let outcome = new PassOutcome(taskNo, bounds, evidence);
      let served = [0, 0, 0, 0, 0];
      let report;
      for (;;) {
        const step = await passes.next();
        if (step.done) {
          report = step.value;
          break;
        }
        const event = step.value;
        if (event.kind === "pass") {
          outcome = new PassOutcome(taskNo, bounds, evidence);
          served = [0, 0, 0, 0, 0];
          continue;
        }
        const { accepted, plan } = event.page;
        if (hooks.abandonIfOpenAndLarge) {
          for (const d of accepted.fresh) served[shownCode(d)] += 1;
          if (plan.totalItemNum > plan.pageSize && accepted.fresh.some(isOpen)) {
            await passes.return(undefined as never);
            return { kind: "large", total: plan.totalItemNum, served, requests };
          }
        }
        outcome.add(accepted.fresh);
        if (accepted.unseen.length > 0 && options.onDetails && !(hooks.streamLargeOnly && plan.totalItemNum <= plan.pageSize)) {
          evidence.markHandedOut(accepted.unseenEntries);
          await options.onDetails(accepted.unseen);
        }
      }
      reads += report.reads;
      const anomalies = [...carried, ...report.anomalies];
      if (!report.verified) {
        lastOutcome = outcome.finish(report.ledger, { verified: false, anomalies });
        lastProblems = report.ledger.problems;
        break;
      }
      const provisional = outcome.finish(report.ledger, { verified: true, anomalies });
      if (toAgreeWith !== undefined) {
        if (sameCounts(toAgreeWith, provisional.counts)) return { kind: "outcome", outcome: provisional, requests };
        lastProblems = [`two full reads disagree: first ${JSON.stringify(toAgreeWith)}, then ${JSON.stringify(provisional.counts)}`];
        lastOutcome = unverified(provisional, lastProblems);
        toAgreeWith = undefined;
        carried = [...anomalies, ...lastProblems];
        continue;
      }
      if (!confirm || !provisional.succeeded) return { kind: "outcome", outcome: provisional, requests };
      const second = await failureCount(api, query, settings, evidence);
      if (second.view === "confirmed") return { kind: "outcome", outcome: provisional, requests };
      if (second.view === "unusable") {
        carried = [...anomalies, second.note];
        toAgreeWith = provisional.counts;
        // Should the read budget run out before the second read, this is why nothing was concluded.
        lastProblems = [`every detail read EXECUTE_SUCCESS, but no second view could confirm it within ${settings.maxReads} reads (${second.note})`];
        lastOutcome = unverified(provisional, lastProblems);
        continue;
      }
      lastProblems = [second.problem];
      // Counted again: the failure the count served is now part of what was seen.
      lastOutcome = unverified(outcome.finish(report.ledger, { verified: true, anomalies }), lastProblems);
      carried = [...anomalies, `read ${reads}: ${second.problem}`];
    }
  } finally {
    linked.release();
  }
  throw inconsistentAnswer(taskNo, lastProblems, reads, lastOutcome);
}
