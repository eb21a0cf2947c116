/**
 * The error a read or a wait ends in when its answers never verified: the contradictions of its last read,
 * named, and what was seen (the last counts, the failures).
 */
import { InconsistentAnswerError } from "../errors";
import { formatStatusCounts, type TaskOutcome } from "../outcome";

/** At most this many contradictions (and failures) are spelled out in the message (all are on the error). */
const SHOWN = 3;

const listed = (items: readonly string[]): string =>
  `${items.slice(0, SHOWN).join("; ")}${items.length > SHOWN ? `; and ${items.length - SHOWN} more` : ""}`;

/** What the answers showed, in a sentence: "last seen: 24 EXECUTE_SUCCESS, 1 EXECUTE_FAILURE of 25 details; failed: a.com (reason)". */
const seen = (outcome: TaskOutcome | undefined): string => {
  if (outcome === undefined) return "";
  const failures = outcome.failed.map((f) => `${f.domainName || f.taskDetailNo || f.instanceId}${f.failReason ? ` (${f.failReason})` : ""}`);
  const omitted = outcome.failedOmitted > 0 ? [`${outcome.failedOmitted} more not listed`] : [];
  return ` Last seen: ${formatStatusCounts(outcome.counts)} of ${outcome.total} detail(s)` +
    `${failures.length + omitted.length > 0 ? `; failed: ${listed([...failures, ...omitted])}` : ""}.`;
};

export const inconsistentAnswer = (
  taskNo: string,
  problems: readonly string[],
  reads: number,
  lastOutcome?: TaskOutcome,
): InconsistentAnswerError =>
  new InconsistentAnswerError(
    `the Domain API's answers for TaskNo ${taskNo} contradict each other, after ${reads} read(s): ${listed(problems)}.${seen(lastOutcome)} ` +
      "Nothing was concluded from them; retry later, and report the RequestIds to Alibaba Cloud support if it persists",
    { problems, reads, lastOutcome },
  );
