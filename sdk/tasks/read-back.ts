/**
 * Reading the domains back: each domain's state now (the operation's `readState`), a few at a time so a batch of
 * hundreds does not burst into throttling, and read again while a domain is not yet in the asked state - a
 * registry read may lag a task that has just succeeded - as long as the time allows.
 */
import type { Clock } from "../clock";
import { pollDelayMs } from "../waiter/poll-delay";
import type { TaskApi, TaskOperation } from "./models";

/** Domains read at once. */
const READ_CONCURRENCY = 4;
/** Reads of a domain not yet in the asked state, before it counts as not applied. */
export const READ_BACK_ATTEMPTS = 3;

export interface ReadBackOptions {
  clock: Clock;
  signal?: AbortSignal;
  /** Ms left for the reads (and the pauses between them). */
  timeLeftMs: () => number;
  /** Read again while some domain is not in the asked state (after a task succeeded). Default false. */
  settle?: boolean;
  random?: () => number;
}

/** Each domain's state, in the order given. */
const readOnce = async <C, S>(api: TaskApi, op: TaskOperation<C, S>, change: C, domains: readonly string[], o: ReadBackOptions): Promise<Record<string, S>> => {
  const states: Record<string, S> = {};
  let next = 0;
  const worker = async () => {
    while (next < domains.length) {
      const domain = domains[next++];
      states[domain] = await op.readState(api, domain, change, { signal: o.signal, timeoutMs: o.timeLeftMs() });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, domains.length) }, worker));
  return Object.fromEntries(domains.map((d) => [d, states[d]]));
};

/** The domains' states, and which of them are not in the asked state. */
export const readBack = async <C, S>(
  api: TaskApi, op: TaskOperation<C, S>, change: C, domains: readonly string[], options: ReadBackOptions,
): Promise<{ states: Record<string, S>; notApplied: string[] }> => {
  let states = await readOnce(api, op, change, domains, options);
  let notApplied = domains.filter((d) => !op.isApplied(change, states[d]));
  for (let attempt = 1; options.settle && notApplied.length > 0 && attempt < READ_BACK_ATTEMPTS; attempt++) {
    const delay = pollDelayMs(attempt, 1000, 4000, options.random);
    if (options.timeLeftMs() <= delay) break;
    await options.clock.sleep(delay, options.signal);
    const again = await readOnce(api, op, change, notApplied, options);
    states = { ...states, ...again };
    notApplied = notApplied.filter((d) => !op.isApplied(change, states[d]));
  }
  return { states, notApplied };
};
