/**
 * Time, injected. The waiter, the retry loop and the rate limiter read time and sleep only through a Clock,
 * so tests drive them with a VirtualClock in milliseconds of real time and never flake.
 */
import { setMaxListeners } from "node:events";
import { AbortError } from "./errors";
import { MAX_TIMER_MS } from "./timers";

// The timer's reach is ./timers.ts's (import-free, for the CLI); here beside the clock that sleeps within it.
export { MAX_TIMER_MS };

/** Where the SDK reads time and sleeps: `systemClock`, or a `VirtualClock` in tests. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with AbortError as soon as `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const abortReason = (signal: AbortSignal): AbortError =>
  new AbortError(
    signal.reason instanceof Error && signal.reason.message ? `Aborted: ${signal.reason.message}` : undefined,
    { cause: signal.reason },
  );



/** Real time. A sleep longer than one timer can take is slept in several, never cut short. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const until = Date.now() + Math.max(0, ms);
      let timer: NodeJS.Timeout;
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const arm = () => {
        const left = until - Date.now();
        if (left <= 0) {
          signal?.removeEventListener("abort", onAbort);
          return resolve();
        }
        timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      timer = setTimeout(arm, Math.min(Math.max(0, ms), MAX_TIMER_MS));
    }),
};

/**
 * Simulated time: `sleep` advances `now()` by the requested amount and resolves on the next tick.
 * Share one instance between the emulator (it only needs `now()`) and the SDK to run a ten-minute
 * wait in milliseconds. `slept` records every sleep, for asserting backoff schedules.
 */
export class VirtualClock implements Clock {
  private current: number;
  readonly slept: number[] = [];
  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.current = startMs;
  }
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortReason(signal);
    this.slept.push(ms);
    this.current += Math.max(0, ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw abortReason(signal);
  }
}

/** Throws AbortError if the signal has fired; call between steps of a long operation. */
export const throwIfAborted = (signal?: AbortSignal): void => {
  if (signal?.aborted) throw abortReason(signal);
};

/**
 * `promise`, or AbortError as soon as `signal` fires (at once if it already has). For work that cannot be
 * cancelled itself (a credential provider's lookup takes no AbortSignal): the caller is released
 * immediately, and the work finishes in the background with its result dropped. It releases the caller, not
 * the work's resources: a request must be cancelled by its transport (sdk/api/transport.ts closes its socket).
 */
export const abortable = <T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> => {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined); // dropped: never an unhandled rejection
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
};

/**
 * A signal this package owns that follows `parent` (aborts with its reason), for work that hands one signal to
 * many requests at once: the caller's signal gets one listener however many requests listen to ours, and ours
 * takes any number (each a request in flight: a known, bounded number, not the leak Node's warning is for).
 * Call `release` when the work is done, to take the one listener off the caller's signal.
 */
export const followSignal = (parent?: AbortSignal): { signal: AbortSignal; release: () => void } => {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  if (parent === undefined) return { signal: controller.signal, release: () => undefined };
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, release: () => undefined };
  }
  const forward = () => controller.abort(parent.reason);
  parent.addEventListener("abort", forward, { once: true });
  return { signal: controller.signal, release: () => parent.removeEventListener("abort", forward) };
};
