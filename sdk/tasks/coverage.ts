/**
 * Whether a task's outcome is the change asked: one detail per domain asked, of the operation's task type, and no
 * detail of anything else. A gateway answering with an earlier TaskNo, or a task whose details appear one by one,
 * must not pass for the change: the first is a contradiction, the second is not finished yet.
 */
import type { TaskOutcome } from "../outcome";
import { domainSet, normalizeDomain } from "./domains";
import { sameTaskType } from "./task-facts";

export interface Coverage {
  /** Domains asked that no detail names yet. */
  missing: string[];
  /** Why some detail is not part of this change (another domain, another task type, a domain twice). */
  foreign: string[];
}

export const coverageOf = (outcome: TaskOutcome, domains: readonly string[], taskType: string): Coverage => {
  const wanted = domainSet(domains);
  const foreign: string[] = [];
  const counted = new Map<string, number>();
  for (const d of outcome.details) {
    const domain = normalizeDomain(d.domainName);
    if (!wanted.includes(domain)) foreign.push(`a detail of ${JSON.stringify(d.domainName)}, which is not a domain of this change`);
    else if (d.taskType !== "" && !sameTaskType(d.taskType, taskType)) foreign.push(`the detail of ${d.domainName} is of task type ${d.taskType}, not ${taskType}`);
    counted.set(domain, (counted.get(domain) ?? 0) + 1);
  }
  for (const [domain, n] of counted) if (n > 1 && wanted.includes(domain)) foreign.push(`${n} details of ${domain}, where the change has one`);
  return { missing: wanted.filter((d) => !counted.has(d)), foreign };
};
