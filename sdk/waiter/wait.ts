/**
 * `waitForTask`: poll a task until every detail is terminal, sleeping a jittered exponential backoff
 * between polls, never past the deadline.
 *
 * The loop (in the manner of terraform-provider-aws's waiters): poll (see ./poll), report progress, stop if
 * done, fail if out of time, sleep, repeat. The last poll happens at the deadline itself, so a task that
 * completes just before it is still seen, and counts every status (if a poll started before the deadline
 * ends after it with an estimated split, one more poll follows at once), so a TimeoutError is exact.
 */
import type { TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { throwIfAborted } from "../clock";
import { TaskNotFoundError, TimeoutError } from "../errors";
import { formatCounts, type TaskOutcome } from "../outcome";
import { backoffDelayMs } from "./backoff";
import type { WaitOptions, WaitProgress } from "./models";
import { TaskPoller, type TaskSnapshot } from "./poll";
import { readWaitSettings } from "./settings";

/** The unknown statuses by name, when the poll read every detail (a count says only how many). */
const unknownNames = (s: TaskSnapshot): string => {
  const names = s.outcome?.unknownStatuses ?? [];
  return names.length === 0 ? "" : ` (status ${names.join(", ")}, which this package does not know)`;
};

const describe = (s: TaskSnapshot): string =>
  `${s.total} detail(s): ${formatCounts(s.counts)}${unknownNames(s)}` +
  `${s.countsExact ? "" : " (the split of the open ones estimated)"}; ${s.open} not terminal`;

/** The state a TimeoutError carries: the last full outcome if the last poll read one, else the counts. */
export type LastWaitState = TaskOutcome | Pick<WaitProgress, "taskNo" | "counts" | "countsExact" | "total" | "open">;

/**
 * Waits until every detail of a task is terminal (EXECUTE_SUCCESS or EXECUTE_FAILURE) and returns its
 * outcome. A failed task is a completed wait: check `outcome.succeeded` / `outcome.failed`.
 *
 * ```ts
 * const outcome = await waitForTask(client, { taskNo }, { maxWaitSeconds: 900, onProgress: (p) => console.log(p.counts) });
 * ```
 * A task that fits one page costs one request a poll. A larger one costs, however many details it has, 2
 * small requests a poll while it progresses (the finished counts) and 5 when it stalls or on the first and
 * last polls (every status counted, see ./poll); its details are read in full once, when none is open any
 * more. Between two exact counts, `onProgress` gets `countsExact: false` and an estimated split of the open
 * details between waiting, executing and unknown.
 *
 * @throws TimeoutError after `maxWaitSeconds` (its message names the task, the state expected, the last
 *   counts and the time waited; `lastState` holds the last outcome or counts); AbortError when `signal`
 *   fires, even mid-sleep; ValidationError for bad options or a `taskStatus` in the query (the waiter filters
 *   by status itself); TaskNotFoundError (a ValidationError of field `taskNo`) for a TaskNo that still has
 *   no details after `notFoundGraceSeconds`; DomainApiError
 *   for an API error the client did not retry away.
 */
export async function waitForTask(api: DomainTaskApi, query: TaskQuery, options: WaitOptions = {}): Promise<TaskOutcome> {
  const { query: checked, maxWaitMs, minDelayMs, maxDelayMs, graceMs, clock, pageSize, concurrency } = readWaitSettings(query, options);
  const { signal, onProgress } = options;
  const poller = new TaskPoller(api, checked, { pageSize, concurrency, signal });

  const started = clock.now();
  const deadline = started + maxWaitMs;
  const taskNo = checked.taskNo;
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(signal);
    // The poll at the deadline counts every status, so a TimeoutError shows exact counts.
    const snap = await poller.poll(clock.now() >= deadline);
    const now = clock.now();
    const elapsedMs = now - started;
    const report = (nextDelayMs: number | null) =>
      onProgress?.({ taskNo, counts: { ...snap.counts }, countsExact: snap.countsExact, total: snap.total, open: snap.open, attempt, elapsedMs, nextDelayMs, requests: snap.requests });

    if (snap.outcome?.complete) {
      report(null);
      return snap.outcome;
    }
    if (snap.total === 0 && elapsedMs >= graceMs) {
      report(null);
      throw new TaskNotFoundError(taskNo, elapsedMs,
        `no details found for TaskNo ${taskNo} after ${Math.round(elapsedMs / 1000)} s - check the TaskNo (and the ` +
          `product: domain for the mainland site, domain-intl for the international site; and any domainName/instanceId filter)`);
    }
    // A poll that started before the deadline and ended after it may have estimated the split: one more
    // poll, at once, counts every status, so a TimeoutError always carries exact counts.
    if (now >= deadline && snap.countsExact) {
      report(null);
      const lastState: LastWaitState = snap.outcome ?? { taskNo, counts: snap.counts, countsExact: snap.countsExact, total: snap.total, open: snap.open };
      throw new TimeoutError(
        `timed out after ${Math.round(elapsedMs / 1000)} s (maxWaitSeconds ${maxWaitMs / 1000}) waiting for TaskNo ${taskNo} ` +
          `to have every detail terminal (EXECUTE_SUCCESS or EXECUTE_FAILURE); last seen at poll ${attempt}: ${describe(snap)}` +
          (snap.total === 0
            ? " - no details found; check the TaskNo and the product (domain vs domain-intl)"
            : "; raise maxWaitSeconds to wait longer"),
        lastState,
      );
    }
    let delay = Math.max(0, Math.min(backoffDelayMs(attempt, minDelayMs, maxDelayMs, options.random), deadline - now));
    // A TaskNo without details fails at the end of its grace period, not at the next backoff step after it.
    if (snap.total === 0) delay = Math.min(delay, Math.max(0, started + graceMs - now));
    report(delay);
    await clock.sleep(delay, signal);
  }
}
