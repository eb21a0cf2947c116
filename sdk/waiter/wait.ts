/**
 * `waitForTask`: poll a task until it reaches the stop condition, sleeping a backoff between polls
 * (./poll-delay.ts, the formula in sdk/backoff.ts), never past the deadline - the "wait" of the find / status / wait triple (./poll is the
 * status, ../read the find).
 *
 * The loop (in the manner of terraform-provider-aws's waiters): poll, report progress, stop if done, fail if
 * out of time or if the service keeps contradicting itself, sleep, repeat. Every request is bounded by the time
 * left (plus a little grace for the poll at the deadline itself), so the wait ends by its deadline whatever the
 * server does; the last poll counts every status, so a TimeoutError carries exact counts.
 */
import type { TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { followSignal, throwIfAborted } from "../clock";
import { AbortError, TaskNotFoundError, ValidationError } from "../errors";
import { formatStatusCounts, type TaskOutcome } from "../outcome";
import { inconsistentAnswer } from "../read/inconsistent";
import { pollDelayMs } from "./poll-delay";
import type { WaitOptions, WaitState } from "./models";
import { TaskPoller, type PollResult } from "./poll";
import { TimeoutError } from "./timeout-error";
import { readWaitSettings } from "./settings";

/** Consecutive polls whose answers did not verify before the wait ends in an InconsistentAnswerError. */
export const MAX_UNVERIFIED_POLLS = 3;
/** How far past the deadline the requests of the poll at the deadline may run. */
const DEADLINE_GRACE_MS = 500;

const describe = (s: PollResult): string =>
  `${s.total} detail(s): ${s.breakdown ? formatStatusCounts(s.breakdown) : `${s.succeededCount} EXECUTE_SUCCESS, ${s.failedCount} EXECUTE_FAILURE`}` +
  `${unknownNames(s.outcome)}; ${s.open} not terminal${s.verified ? "" : " (these answers did not verify)"}`;

/** The unknown statuses by name, when the poll read every detail (a count says only how many). */
const unknownNames = (outcome: TaskOutcome | null): string => {
  const names = outcome?.unknownStatuses ?? [];
  return names.length === 0 ? "" : ` (status ${names.join(", ")}, which this package does not know)`;
};

const done = (s: PollResult, until: WaitOptions["until"]): boolean =>
  s.verified && s.outcome !== null && (s.outcome.complete || (until === "firstFailure" && s.outcome.counts.EXECUTE_FAILURE > 0));

/**
 * Waits until every detail of a task is terminal (EXECUTE_SUCCESS or EXECUTE_FAILURE), or with `until:
 * "firstFailure"` until a failure is seen, and returns its verified outcome. A failed task is a completed wait:
 * check `outcome.succeeded` / `outcome.failed`.
 *
 * ```ts
 * const outcome = await waitForTask(client, { taskNo }, { maxWaitSeconds: 900, onProgress: (p) => console.log(p.open) });
 * ```
 * A poll costs a few small requests however many details the task has (the cost model is written once, in
 * sdk/waiter/poll.ts); the details are read in full once nothing is open, and must agree with the counts.
 *
 * @throws TimeoutError after `maxWaitSeconds`, also when a request is still in flight then (its message names
 *   the task, the state expected, the last counts and the time waited; `lastState` holds them);
 *   InconsistentAnswerError when the service's answers did not verify at `MAX_UNVERIFIED_POLLS` polls in a
 *   row; AbortError when `signal` fires, even mid-sleep; ValidationError for bad options or a `taskStatus` in
 *   the query; TaskNotFoundError for a TaskNo that still has no details after `notFoundGraceSeconds`;
 *   DomainApiError for an API error the client did not retry away.
 */
export async function waitForTask(api: DomainTaskApi, query: TaskQuery, options: WaitOptions = {}): Promise<TaskOutcome> {
  // One listener on the caller's signal, however many requests and sleeps of the wait listen to it.
  const linked = followSignal(options.signal);
  try {
    return await waitFollowing(api, query, { ...options, signal: linked.signal });
  } finally {
    linked.release();
  }
}

async function waitFollowing(api: DomainTaskApi, query: TaskQuery, options: WaitOptions): Promise<TaskOutcome> {
  const settings = readWaitSettings(query, options);
  const { query: checked, maxWaitMs, minDelayMs, maxDelayMs, graceMs, clock, until } = settings;
  const { signal, onProgress } = options;
  const started = clock.now();
  const deadline = started + maxWaitMs;
  /**
   * When the poll in progress must be over: the deadline plus the grace, or, for the one exact poll that may
   * follow a poll ending past the deadline, its start plus the grace. One budget for the whole poll, however many
   * rounds of requests it needs, so a wait ends within maxWaitSeconds + 2 x DEADLINE_GRACE_MS whatever the server does.
   */
  let pollEndsAt = deadline + DEADLINE_GRACE_MS;
  const poller = new TaskPoller(api, checked, {
    ...settings,
    signal,
    timeLeftMs: () => Math.max(0, pollEndsAt - clock.now()),
    onDetails: options.onDetails,
  });
  const taskNo = checked.taskNo;
  let unverified = 0;
  let last: PollResult | undefined;
  /** Set when a poll that ended past the deadline is followed by one exact poll, at once. */
  let finalPoll = false;
  /** The state an error carries: with `onDetails`, its outcomes' details handed out first (see WaitOptions.onDetails). */
  const stateOf = async (s: PollResult | undefined): Promise<WaitState | undefined> => {
    if (s === undefined) return undefined;
    const seen = await poller.handOutRest(s.seen);
    return {
      taskNo, total: s.total, succeededCount: s.succeededCount, failedCount: s.failedCount, open: s.open,
      breakdown: s.breakdown, outcome: s.outcome === null ? null : seen, seen, verified: s.verified, problems: s.problems,
    };
  };
  const timeout = async (s: PollResult | undefined, elapsedMs: number, cause?: unknown) =>
    new TimeoutError(
      `timed out after ${(elapsedMs / 1000).toFixed(elapsedMs < 10_000 ? 1 : 0)} s (maxWaitSeconds ${maxWaitMs / 1000}) waiting for TaskNo ${taskNo} ` +
        `to have every detail terminal (EXECUTE_SUCCESS or EXECUTE_FAILURE); ` +
        (s === undefined ? "no poll completed" : `last seen: ${describe(s)}`) +
        (cause === undefined ? "" : "; a request was still in flight at the deadline") +
        (s?.total === 0 ? " - no details found; check the TaskNo and the product (domain vs domain-intl)" : "; raise maxWaitSeconds to wait longer"),
      await stateOf(s),
      cause,
    );

  for (let attempt = 1; ; attempt++) {
    throwIfAborted(signal);
    let snap: PollResult;
    try {
      pollEndsAt = Math.max(deadline, clock.now()) + DEADLINE_GRACE_MS;
      // The poll at the deadline counts every status, so a TimeoutError shows exact counts.
      snap = await poller.poll(clock.now() >= deadline, until);
    } catch (error) {
      // A request cut short by the deadline (or failing after it) is a timeout, with the last counts.
      if (!AbortError.isInstance(error) && !ValidationError.isInstance(error) && clock.now() >= deadline) {
        throw await timeout(last, clock.now() - started, error);
      }
      throw error;
    }
    last = snap;
    const now = clock.now();
    const elapsedMs = now - started;
    const report = (nextDelayMs: number | null) =>
      onProgress?.({
        taskNo, total: snap.total, succeededCount: snap.succeededCount, failedCount: snap.failedCount, open: snap.open,
        breakdown: snap.breakdown && { ...snap.breakdown }, verified: snap.verified, attempt, elapsedMs, nextDelayMs, requests: snap.requests,
      });

    if (done(snap, until)) {
      report(null);
      return poller.handOutRest(snap.outcome!);
    }
    unverified = snap.verified ? 0 : unverified + 1;
    if (unverified >= MAX_UNVERIFIED_POLLS) {
      report(null);
      // What was seen goes with the error: the last counts, every failure any read showed, the contradictions.
      throw inconsistentAnswer(taskNo, snap.problems, attempt, (await stateOf(snap))!.seen);
    }
    if (snap.verified && snap.total === 0 && elapsedMs >= graceMs) {
      report(null);
      throw new TaskNotFoundError(taskNo, elapsedMs,
        `no details found for TaskNo ${taskNo} after ${Math.round(elapsedMs / 1000)} s - check the TaskNo (and the ` +
          `product: domain for the mainland site, domain-intl for the international site; and any domainName/instanceId filter)`);
    }
    if (now >= deadline) {
      // A routine poll that ended past the deadline counted only the finished details: one more poll, at
      // once, counts every status (its requests still bounded by the deadline's grace).
      if (snap.breakdown === null && !finalPoll) {
        finalPoll = true;
        report(0);
        continue;
      }
      report(null);
      throw await timeout(snap, elapsedMs);
    }
    let delay = Math.max(0, Math.min(pollDelayMs(attempt, minDelayMs, maxDelayMs, options.random), deadline - now));
    // A TaskNo without details fails at the end of its grace period, not at the next backoff step after it.
    if (snap.total === 0) delay = Math.min(delay, Math.max(0, started + graceMs - now));
    report(delay);
    await clock.sleep(delay, signal);
  }
}
