/**
 * The errors a DomainTask deployment stops with. Each says which task, what happened, and what to do;
 * a failure lists every failed domain with the service's FailReason and ErrorMsg.
 */
import { formatStatusCounts, type TaskOutcome } from "../sdk/outcome";
import { knownCounts, type WaitState } from "../sdk/waiter";

/** Failed domains listed one per line; the rest are counted, so the message stays readable. */
export const MAX_LISTED_FAILURES = 50;

/** Why `waitFor: "success"` stops: some detail failed (or, rarely, finished in an unknown status). */
export function taskFailedMessage(outcome: TaskOutcome): string {
  const open = outcome.total - outcome.counts.EXECUTE_SUCCESS - outcome.counts.EXECUTE_FAILURE;
  const stillOpen =
    open > 0
      ? ` ${open} other detail${open === 1 ? " was" : "s were"} not finished yet; the wait stopped at the first failure (failFast).`
      : "";
  const lines = [
    `DomainTask ${outcome.taskNo} did not succeed: ${outcome.counts.EXECUTE_FAILURE} of ${outcome.total} task details failed ` +
      `(${formatStatusCounts(outcome.counts)}).${stillOpen}`,
  ];
  for (const f of outcome.failed.slice(0, MAX_LISTED_FAILURES)) {
    const detail = f.taskDetailNo ? ` (TaskDetailNo ${f.taskDetailNo})` : "";
    lines.push(`  - ${f.domainName || "(no domain name)"}${detail}: FailReason: ${f.failReason || "(none)"}; ErrorMsg: ${f.errorMsg || "(none)"}`);
  }
  const more = outcome.counts.EXECUTE_FAILURE - Math.min(outcome.failed.length, MAX_LISTED_FAILURES);
  if (more > 0) lines.push(`  ... and ${more} more (see the task in the Domain console).`);
  if (outcome.unknownStatuses.length > 0) {
    lines.push(`  Details in statuses this package does not know: ${outcome.unknownStatuses.join(", ")}.`);
  }
  lines.push(
    'Fix the failed domains and submit a new task (a new taskNo), or set waitFor: "completion" to record the outcome without failing.',
  );
  return lines.join("\n");
}

/** Why a wait ran out of time, with the counts last seen (the waiter's TimeoutError.lastState). */
export function timeoutMessage(taskNo: string, timeoutSeconds: number, last: WaitState | undefined): string {
  const counts = last && formatStatusCounts(knownCounts(last));
  const seen = last
    ? last.total === 0
      ? "no task details were found (check taskNo and the domainName/instanceId filters)"
      : `last seen: ${counts} of ${last.total}`
    : "the task was never read";
  return (
    `DomainTask ${taskNo} did not complete within timeoutSeconds=${timeoutSeconds}: ${seen}. ` +
    'Raise timeoutSeconds, or set waitFor: "none" to record the current state without waiting; ' +
    "running `pulumi up` again resumes the wait."
  );
}
