/**
 * The one place a resource waits for its task: the SDK waiter with the resource's wait inputs, progress lines
 * that name the resource, and the resource's own words for a timeout.
 */
import type { DomainTaskApi } from "../../sdk/api/client";
import type { TaskQuery } from "../../sdk/api/schemas";
import type { Clock } from "../../sdk/clock";
import { TimeoutError } from "../../sdk/waiter/timeout-error";
import type { TaskOutcome } from "../../sdk/outcome";
import { waitForTask, type WaitUntil } from "../../sdk/waiter";
import { FAILED_KEPT } from "./outcome-outputs";
import { throttledProgress } from "./progress";
import type { WaitInputs } from "./wait-inputs";

/** Where a wait's time and lines come from, and what stops it. */
export interface WaitContext {
  clock: Clock;
  log: (message: string) => void;
  progressIntervalMs?: number;
  signal?: AbortSignal;
}

/** How one wait goes: the resource's wait inputs, when it ends, and how it words itself. */
export interface WaitRequest {
  settings: WaitInputs;
  until: WaitUntil;
  /** What progress lines call the resource before the TaskNo (see ./progress). */
  resource: string;
  /** The error a timeout becomes, from the waiter's TimeoutError (its lastState: the counts seen last). */
  onTimeout: (err: TimeoutError) => string;
}

/** Waits as `request` says and returns the outcome; a timeout throws `onTimeout`'s message, other errors pass through. */
export async function waitForOutcome(api: DomainTaskApi, query: TaskQuery, request: WaitRequest, ctx: WaitContext): Promise<TaskOutcome> {
  const { settings } = request;
  try {
    return await waitForTask(api, query, {
      maxWaitSeconds: settings.timeoutSeconds,
      minDelaySeconds: settings.minDelaySeconds,
      maxDelaySeconds: settings.maxDelaySeconds,
      until: request.until,
      keepDetails: settings.maxDetails,
      keepFailed: FAILED_KEPT,
      clock: ctx.clock,
      signal: ctx.signal,
      onProgress: throttledProgress({ clock: ctx.clock, log: ctx.log, intervalMs: ctx.progressIntervalMs, resource: request.resource }),
    });
  } catch (err) {
    if (TimeoutError.isInstance(err)) throw new Error(request.onTimeout(err), { cause: err });
    throw err;
  }
}
