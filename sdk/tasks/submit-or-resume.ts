/**
 * `submitOrResume`: the one path every setting's change takes (a TaskOperation is the data; this is the code):
 *
 * 1. validate (and resolve) the change - nothing is sent for bad input;
 * 2. look for the same change already submitted (./find-submitted): a task of the operation's type over exactly
 *    these domains in the lookback window. One still open is waited on first - the API does not show which name
 *    servers (lock, host...) it sets, so whether it was this change is proven by reading the domains back after it;
 * 3. when the domains already read back in the asked state, submit nothing (a re-run of an applied change is a no-op);
 * 4. else write, retried only when the service cannot have acted (./write); after an answer that may hide an
 *    accepted write, the task is looked for at once rather than written again;
 * 5. with `wait`, gate on the task (./gate): verified wait, one succeeded detail per domain asked, every domain
 *    read back in the asked state.
 * Every phase is inside one deadline (./deadline): `timeoutSeconds` bounds the whole call, plus SUBMIT_GRACE_MS.
 */
import { systemClock } from "../clock";
import { AbortError, ValidationError } from "../errors";
import { readTaskOutcome } from "../read";
import { readWaitSettings } from "../waiter/settings";
import { WAIT_DEFAULTS } from "../waiter/defaults";
import { Deadline } from "./deadline";
import { domainSet } from "./domains";
import { findSameDomains, type SameDomainsTask } from "./find-submitted";
import { gateChange, type GateContext } from "./gate";
import type { ChangeResult, SubmitOptions, TaskApi, TaskOperation } from "./models";
import { readBack } from "./read-back";
import { isPossiblyWritten, write } from "./write";

/** How far back the same change is looked for unless told: QueryTaskList filters by whole days. */
export const DEFAULT_LOOKBACK_SECONDS = 24 * 3600;

const positiveSeconds = (field: string, value: number | undefined, fallback: number): number => {
  const v = value ?? fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) throw new ValidationError(field, value, `${field} must be a number of seconds > 0; got ${String(value)}`);
  return v;
};

/**
 * Submits `change` unless the same change was already submitted or is already in effect, and (by default) gates
 * on it. See the module documentation for the steps.
 *
 * @throws ValidationError (nothing sent); TimeoutError when a phase ran out of time (nothing more is sent);
 *   InconsistentAnswerError when the answers about a task never added up (or a TaskNo is not this change's);
 *   DomainApiError for a refusal, or a write that may have been carried out but could not be found.
 */
export async function submitOrResume<C, S>(api: TaskApi, op: TaskOperation<C, S>, change: C, options: SubmitOptions = {}): Promise<ChangeResult<S>> {
  const checked = op.validate(change);
  const timeoutSeconds = positiveSeconds("timeoutSeconds", options.timeoutSeconds, WAIT_DEFAULTS.maxWaitSeconds);
  const lookbackSeconds = positiveSeconds("lookbackSeconds", options.lookbackSeconds, DEFAULT_LOOKBACK_SECONDS);
  // The wait's options, checked before anything is sent (not when the wait begins, after the write).
  readWaitSettings({ taskNo: "-" }, { minDelaySeconds: options.minDelaySeconds, maxDelaySeconds: options.maxDelaySeconds, maxWaitSeconds: timeoutSeconds });
  const clock = options.clock ?? systemClock;
  const deadline = new Deadline(clock, timeoutSeconds * 1000);
  const ctx: GateContext = { deadline, clock, timeoutSeconds, options };
  const budget = () => ({ signal: options.signal, timeoutMs: deadline.leftMs() });
  const phase = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      throw deadline.timedOut(err, what, timeoutSeconds);
    }
  };
  const event = options.onEvent ?? (() => undefined);
  const wait = options.wait !== false;

  const resolved = op.resolve ? await phase("while resolving the change", () => op.resolve!(api, checked, budget())) : checked;
  const domains = domainSet(op.domainsOf(resolved));
  const find = (sinceMs: number) => phase("while looking for the same change already submitted", () =>
    findSameDomains(api, op.taskType, domains, { sinceMs, deadline, clock, signal: options.signal, random: options.random }));
  const states = (settle: boolean) => phase("while reading the domains back", () =>
    readBack(api, op, resolved, domains, { clock, signal: options.signal, random: options.random, settle, timeLeftMs: () => deadline.leftMs() }));

  // 2. The same domains, already submitted: one still open is waited on before anything is decided.
  const earlier = await find(clock.now() - lookbackSeconds * 1000);
  const open = earlier.filter((t) => t.open).reverse(); // oldest first: they finish in that order
  for (const t of open) {
    event({ kind: "waitingOnEarlier", taskNo: t.task.taskNo, message: `task ${t.task.taskNo}, a change of these same domains, is still open: waiting for it before deciding (the API does not show what it sets)` });
    const gated = await gateChange(api, op, resolved, t.task.taskNo, { how: "resumed", requestId: null }, ctx);
    if (gated.verdict !== "notApplied") return gated.verdict === "failed" ? { ...gated, summary: `${gated.summary}; it is an earlier change of these domains (maybe this one): fix the cause and run again` } : gated;
    event({ kind: "notThisChange", taskNo: t.task.taskNo, message: `task ${t.task.taskNo} did not leave ${op.describeChange(resolved)}: it was another change` });
  }
  // 3. Already in the asked state: nothing to submit.
  if (open.length === 0) {
    const now = await states(false);
    if (now.notApplied.length === 0) return applied(api, op, resolved, earlier, now.states, wait, options, deadline);
  }
  // 4. The write.
  const writtenAt = clock.now();
  let written: { taskNo: string; requestId: string | null };
  try {
    written = await write(api, op, { ...op.query(resolved), ...(options.userClientIp && { UserClientIp: options.userClientIp }) }, budget(),
      "Run again: the next run finds the task by its domains (domain-tasks set-ns and the resources do) instead of submitting a second one.");
  } catch (err) {
    // An answer that may hide an accepted write: the task, if it exists, is found now rather than written again.
    if (!isPossiblyWritten(err)) throw err;
    const made = await find(writtenAt - 1000).catch(() => [] as SameDomainsTask[]);
    if (made.length === 0) throw err;
    written = { taskNo: made[0].task.taskNo, requestId: null };
    event({ kind: "adopted", taskNo: written.taskNo, message: `the answer to ${op.action} was lost, but task ${written.taskNo} of these domains now exists: it is the change` });
  }
  if (written.requestId !== null) event({ kind: "submitted", taskNo: written.taskNo, message: `submitted the change as task ${written.taskNo}` });
  if (!wait) {
    return { taskNo: written.taskNo, how: "submitted", requestId: written.requestId, verdict: "pending", outcome: null, states: {}, summary: `submitted as task ${written.taskNo}` };
  }
  // 5. The gate.
  return gateChange(api, op, resolved, written.taskNo, { how: "submitted", requestId: written.requestId }, ctx);
}

/** The result of a change already in effect: its latest all-succeeded task, if one is in the window (read, with `wait`). */
const applied = async <C, S>(
  api: TaskApi, op: TaskOperation<C, S>, change: C, earlier: readonly SameDomainsTask[], states: Record<string, S>,
  wait: boolean, options: SubmitOptions, deadline: Deadline,
): Promise<ChangeResult<S>> => {
  const task = earlier.find((t) => t.succeeded)?.task;
  options.onEvent?.({ kind: "alreadyApplied", taskNo: task?.taskNo, message: `every domain already reads back ${op.describeChange(change)}: nothing submitted` });
  // For display only (the verdict is the read-back): a task that cannot be read now leaves it out.
  const outcome = wait && task
    ? await readTaskOutcome(api, { taskNo: task.taskNo }, { signal: options.signal, timeoutMs: deadline.leftMs() }).catch((e: unknown) => {
      if (AbortError.isInstance(e)) throw e;
      return null;
    })
    : null;
  return {
    taskNo: task?.taskNo ?? null,
    how: "applied",
    requestId: null,
    verdict: "applied",
    outcome,
    states,
    summary: `every domain already reads back ${op.describeChange(change)}${task ? ` (task ${task.taskNo})` : ""}; nothing was submitted`,
  };
};
