/**
 * `readTaskOutcome`: the "find" of the find / status / wait triple - one verified read of a task, and its
 * outcome. Every verdict of this package (the CLI's `get` and `wait`, `getTaskDetails`, the DomainTask's
 * create and refresh, the waiter's final read) comes from here.
 *
 * 1. Read every page, checked by the pass's ledger (./ledger.ts); a pass that does not verify is read again
 *    (./passes.ts).
 * 2. An outcome that says every detail succeeded is confirmed by a second view before it is trusted: the
 *    TaskStatus=3 count must be 0. One small request; a service whose full listing hides failures that its
 *    failure count shows is caught here. Should the service ignore the TaskStatus filter (the detail it serves
 *    is not a failure), the second view is another full read instead, whose statuses must agree.
 * 3. Answers that never verify end in an InconsistentAnswerError naming the contradictions; its `lastOutcome`
 *    (verified: false) is for display only.
 */
import { statusCode, type TaskDetail, type TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { askPage } from "./ask";
import { OutcomeBuilder, type OutcomeBounds, type StatusCounts, type TaskOutcome } from "../outcome";
import type { PagerOptions } from "../pager/models";
import { readPagerLimits } from "../pager/paginate";
import { checkQuery } from "./check-query";
import { identityOf } from "./ledger";
import { inconsistentAnswer } from "./inconsistent";
import { readPasses, type ReadSettings } from "./passes";

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

/** What a read cost and which view confirmed it, beside the outcome. */
export interface ReadTaskResult {
  outcome: TaskOutcome;
  requests: number;
  /** Details of remembered failures the read saw open again (the service retried them). */
  retried: ReadonlySet<string>;
}

const FAILURE = statusCode("EXECUTE_FAILURE");

const sameCounts = (a: StatusCounts, b: StatusCounts): boolean =>
  (Object.keys(a) as (keyof StatusCounts)[]).every((k) => a[k] === b[k]);

/** The second view of an all-succeeded outcome: "confirmed", a contradiction, or "filter ignored". */
const failureCount = async (
  api: DomainTaskApi,
  query: TaskQuery,
  settings: ReadSettings,
): Promise<{ view: "confirmed" } | { view: "contradicted"; problem: string } | { view: "unusable"; note: string }> => {
  const page = await askPage(api, { ...query, taskStatus: FAILURE, pageNum: 1, pageSize: 1 }, settings);
  if (page.totalItemNum === 0 && page.details.length === 0) return { view: "confirmed" };
  const served = page.details[0];
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

/**
 * Reads every detail of a task once, verifies the answers, and returns the outcome (`verified: true`).
 *
 * ```ts
 * const outcome = await readTaskOutcome(client, { taskNo });
 * if (!outcome.succeeded) console.error(outcome.failed);
 * ```
 * Cost on a consistent service: ceil(N / pageSize) requests, plus one PageSize-1 request when every detail
 * succeeded. Memory: O(pageSize x concurrency) plus one identity per detail, plus what `keepDetails` and
 * `keepFailed` keep (all, by default).
 *
 * @throws InconsistentAnswerError when the answers never verified (within `maxReads`); ValidationError for a
 *   bad option; DomainApiError from the client; AbortError when `signal` fires.
 */
export async function readTaskOutcome(api: DomainTaskApi, query: TaskQuery, options: ReadTaskOptions = {}): Promise<TaskOutcome> {
  return (await readTask(api, query, options)).outcome;
}

/** `readTaskOutcome` with its costs, for the waiter; `onRequest` hears of every request as it is sent. */
export async function readTask(api: DomainTaskApi, asked: TaskQuery, options: ReadTaskOptions = {}, onRequest?: () => void): Promise<ReadTaskResult> {
  const query = checkQuery(asked);
  let requests = 0;
  const settings: ReadSettings = {
    ...readPagerLimits(options),
    onRequest: () => { requests += 1; onRequest?.(); },
    handOut: options.onDetails !== undefined,
  };
  const confirm = options.confirmSuccess !== false && query.taskStatus === undefined;
  const taskNo = query.taskNo;
  let carried: string[] = [];
  /** Counts of a verified pass whose success the failure count could not confirm: the next pass must agree. */
  let toAgreeWith: StatusCounts | undefined;
  let lastOutcome: TaskOutcome | undefined;
  let lastProblems: readonly string[] = [];
  let reads = 0;

  while (reads < settings.maxReads) {
    const passes = readPasses(api, query, { ...settings, maxReads: settings.maxReads - reads });
    let builder = new OutcomeBuilder(taskNo, options, identityOf);
    let report;
    for (;;) {
      const step = await passes.next();
      if (step.done) {
        report = step.value;
        break;
      }
      const event = step.value;
      if (event.kind === "pass") builder = new OutcomeBuilder(taskNo, options, identityOf);
      else {
        for (const d of event.page.details) builder.add(d);
        if (event.unseen.length > 0) await options.onDetails?.(event.unseen);
      }
    }
    reads += report.reads;
    const anomalies = [...carried, ...report.anomalies];
    if (!report.verified) {
      lastOutcome = builder.finish({ verified: false, anomalies });
      lastProblems = report.ledger.problems;
      break;
    }
    const provisional = builder.finish({ verified: true, anomalies });
    if (toAgreeWith !== undefined) {
      if (sameCounts(toAgreeWith, provisional.counts)) return { outcome: provisional, requests, retried: builder.retried };
      lastProblems = [`two full reads disagree: first ${JSON.stringify(toAgreeWith)}, then ${JSON.stringify(provisional.counts)}`];
      lastOutcome = unverified(provisional, lastProblems);
      toAgreeWith = undefined;
      carried = [...anomalies, ...lastProblems];
      continue;
    }
    if (!confirm || !provisional.succeeded) return { outcome: provisional, requests, retried: builder.retried };
    const second = await failureCount(api, query, settings);
    if (second.view === "confirmed") return { outcome: provisional, requests, retried: builder.retried };
    if (second.view === "unusable") {
      carried = [...anomalies, second.note];
      toAgreeWith = provisional.counts;
      // Should the read budget run out before the second read, this is why nothing was concluded.
      lastProblems = [`every detail read EXECUTE_SUCCESS, but no second view could confirm it within ${settings.maxReads} reads (${second.note})`];
      lastOutcome = unverified(provisional, lastProblems);
      continue;
    }
    lastProblems = [second.problem];
    lastOutcome = unverified(provisional, lastProblems);
    carried = [...anomalies, `read ${reads}: ${second.problem}`];
  }
  throw inconsistentAnswer(taskNo, lastProblems, reads, lastOutcome);
}
