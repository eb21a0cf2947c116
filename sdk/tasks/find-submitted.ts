/**
 * Finding the same change already submitted - a run interrupted after its write, a step re-run - so it is waited
 * on instead of submitted twice. QueryTaskList names no domains: each task of the operation's type created in the
 * lookback window (the verified listing, ./list-tasks) is read with QueryTaskDetailList and its domains compared.
 *
 * What a just-submitted task looks like, and is still recognized: listed with TaskNum 0 (not counted yet), with
 * TaskType in another case or padded, as COMPLETE while its details are open (only the details decide whether a
 * task is open), and with details that appear one by one. A task whose details name only some of the domains
 * asked, while it may still be this change (TaskNum says as many domains, or it is uncounted with details still
 * open or none yet), is read again until it settles; if the deadline comes first, nothing is submitted.
 *
 * The API does not show which name servers (or lock, or host) a task sets: "the same domains" is what can be read
 * here. The path (./submit-or-resume) proves the rest by waiting and reading the domains back.
 */
import { isTerminalStatus } from "../api/schemas";
import type { Clock } from "../clock";
import { InconsistentAnswerError } from "../errors";
import { TimeoutError } from "../waiter/timeout-error";
import { listTaskDetails } from "../read";
import { pollDelayMs } from "../waiter/poll-delay";
import type { Deadline } from "./deadline";
import { domainSet } from "./domains";
import { listTasks } from "./list-tasks";
import type { TaskApi, TaskInfo } from "./models";
import { parseCreateTime, sameTaskType } from "./task-facts";

/** A task over exactly the domains asked. */
export interface SameDomainsTask {
  task: TaskInfo;
  /** Some detail is not terminal yet (whatever the list says). */
  open: boolean;
  /** Every detail succeeded. */
  succeeded: boolean;
}

type Reading = { kind: "same"; open: boolean; succeeded: boolean } | { kind: "other" } | { kind: "unsettled"; seen: number };

/** What one read of a candidate's details says it is. */
const classify = (task: TaskInfo, details: readonly { domainName: string; taskType: string; taskStatus: string }[], wanted: readonly string[], taskType: string): Reading => {
  if (details.some((d) => d.taskType !== "" && !sameTaskType(d.taskType, taskType))) return { kind: "other" };
  const seen = domainSet(details.map((d) => d.domainName));
  if (seen.some((d) => !wanted.includes(d))) return { kind: "other" };
  const open = details.some((d) => !isTerminalStatus(d.taskStatus));
  if (seen.length === wanted.length) return { kind: "same", open, succeeded: !open && details.every((d) => d.taskStatus === "EXECUTE_SUCCESS") };
  // Fewer domains than asked: this change with details still to come, or a change of fewer domains.
  if (task.taskNum === wanted.length) return { kind: "unsettled", seen: seen.length };
  const uncounted = task.taskNum <= 0;
  return uncounted && (details.length === 0 || open) ? { kind: "unsettled", seen: seen.length } : { kind: "other" };
};

export interface FindOptions {
  sinceMs: number;
  /** The end of the listing's window. Default: the clock's now. */
  nowMs?: number;
  deadline: Deadline;
  clock: Clock;
  signal?: AbortSignal;
  random?: () => number;
}

/** The tasks of `taskType` over exactly `domains`, submitted since `sinceMs`, newest first. */
export async function findSameDomains(api: TaskApi, taskType: string, domains: readonly string[], options: FindOptions): Promise<SameDomainsTask[]> {
  const { deadline, clock, signal } = options;
  const wanted = domainSet(domains);
  const budget = () => ({ signal, timeoutMs: deadline.leftMs() });
  const listed = await listTasks(api, { sinceMs: options.sinceMs, taskType }, { ...budget(), clock, nowMs: options.nowMs ?? clock.now() });
  // TaskNum 0 or absent: not counted yet; any other count must be the domains asked.
  const candidates = listed.filter((t) => t.taskNum <= 0 || t.taskNum === wanted.length);
  const found = new Map<string, SameDomainsTask>();
  let pending = candidates;
  const readings = new Map<string, Reading>();
  for (let round = 1; ; round++) {
    for (const task of pending) {
      try {
        const { details } = await listTaskDetails(api, { taskNo: task.taskNo }, budget());
        readings.set(task.taskNo, classify(task, details, wanted, taskType));
      } catch (err) {
        // Details that never verified cannot say which domains the task has: read it again, like a lagging one.
        if (!InconsistentAnswerError.isInstance(err)) throw err;
        readings.set(task.taskNo, { kind: "unsettled", seen: 0 });
      }
    }
    for (const task of pending) {
      const r = readings.get(task.taskNo)!;
      if (r.kind === "same") found.set(task.taskNo, { task, open: r.open, succeeded: r.succeeded });
    }
    pending = pending.filter((t) => readings.get(t.taskNo)!.kind === "unsettled");
    if (pending.length === 0) break;
    const delay = pollDelayMs(round, 1000, 5000, options.random);
    if (deadline.leftMs() <= delay) {
      const t = pending[0];
      const r = readings.get(t.taskNo) as { seen: number };
      throw new TimeoutError(
        `could not tell within the timeout whether task ${t.taskNo} (${t.taskType}, created ${t.createTime}) is this change: ` +
          `its details name ${r.seen} of the ${wanted.length} domain(s) asked so far${t.taskNum > 0 ? `, and it lists TaskNum ${t.taskNum}` : ""}. ` +
          `Nothing was submitted. Wait for it (domain-tasks wait ${t.taskNo}) and run again`,
      );
    }
    await clock.sleep(delay, signal);
  }
  return candidates.filter((t) => found.has(t.taskNo)).map((t) => found.get(t.taskNo)!)
    .sort((a, b) => (parseCreateTime(b.task.createTime) || 0) - (parseCreateTime(a.task.createTime) || 0));
}

