/**
 * Fault injection: which request of which action fails how. Each action numbers its requests from 1 in the
 * order they arrive (the count restarts when the config is replaced); the first rule for that action whose
 * numbers match wins. A rule names its actions (default QueryTaskDetailList, `"*"` every action); on a write
 * action it may strike after the write was carried out (`afterWrite`), which is what a client must never turn
 * into a second submission.
 */
import { apiErrors, type ApiError } from "./errors";
import type { Reply } from "./reply";
import type { FaultConfig, FaultRule, Quirks } from "./types";

/** The action a rule without `actions` applies to: the fault rules began as QueryTaskDetailList's. */
export const DEFAULT_FAULT_ACTION = "QueryTaskDetailList";

const appliesTo = (rule: FaultRule, action: string): boolean =>
  (rule.actions ?? [DEFAULT_FAULT_ACTION]).some((a) => a === "*" || a === action);

export const ruleMatches = (rule: FaultRule, n: number): boolean => {
  if (rule.every !== undefined && n % rule.every === 0) return true;
  if (rule.from !== undefined && n >= rule.from && (rule.count === undefined || n < rule.from + rule.count)) return true;
  return false;
};

export class FaultPlan {
  /** Requests numbered so far, per action. */
  private readonly requestNumbers = new Map<string, number>();

  constructor(readonly config: FaultConfig = {}) {}

  /** Answers per TaskNo, for the quirks that change from one answer to the next (shiftingPages, failureFlicker). */
  private readonly answers = new Map<string, number>();

  /** Numbers the next request of `action` and returns the rule whose fault to inject into it, if any. */
  next(action: string = DEFAULT_FAULT_ACTION): FaultRule | undefined {
    const n = (this.requestNumbers.get(action) ?? 0) + 1;
    this.requestNumbers.set(action, n);
    return this.config.rules?.find((rule) => appliesTo(rule, action) && ruleMatches(rule, n));
  }

  /** The quirks that apply to one task: the global ones, then the task spec's own, then `taskQuirks` for its TaskNo. */
  quirksFor(taskNo: string, specQuirks?: Quirks): Quirks {
    const own = this.config.taskQuirks?.[taskNo];
    return own || specQuirks ? { ...this.config.quirks, ...specQuirks, ...own } : (this.config.quirks ?? {});
  }

  /** Numbers the next answer for this task, from 1 (counted only for requests that get a page). */
  nextAnswer(taskNo: string): number {
    const n = (this.answers.get(taskNo) ?? 0) + 1;
    this.answers.set(taskNo, n);
    return n;
  }
}

/** How long a throttled client is told to wait (TimeLeft) unless the rule says otherwise. */
export const DEFAULT_TIME_LEFT_MS = 1000;

/** The API error a fault answers with; undefined for faults that are not an API error (see `faultReply`). */
export const faultError = (rule: FaultRule, nowMs: number): ApiError | undefined => {
  switch (rule.fault) {
    case "throttling":
      return apiErrors.throttling(rule.timeLeftMs ?? DEFAULT_TIME_LEFT_MS, nowMs, rule.httpStatus);
    case "parameterIllegal":
      return apiErrors.parameterIllegal();
    case "networkIOError":
      return apiErrors.networkIOError();
    case "taskIsBeingProcessed":
      return apiErrors.taskIsBeingProcessed();
    case "internalError":
      return apiErrors.internalError();
    case "serviceUnavailable":
      return apiErrors.serviceUnavailable();
    default:
      return undefined;
  }
};

/** What a load balancer in front of the service sends when the backend is gone: HTML, not JSON. */
export const HTML_502_BODY =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
  "<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n";

/** What a gateway sends on a 200 when it has no answer to pass on: HTML, not JSON. */
export const HTML_200_BODY = "<!DOCTYPE html>\r\n<html><head><title>Service</title></head><body>Request accepted.</body></html>\r\n";

/** The reply of a fault that is not an API error: a dropped connection, an HTML page, an empty 200. */
export const faultReply = (rule: FaultRule): Reply | undefined => {
  switch (rule.fault) {
    case "dropConnection":
      return { kind: "drop" };
    case "html502":
      return { kind: "html", status: 502, body: HTML_502_BODY };
    case "html200":
      return { kind: "html", status: 200, body: HTML_200_BODY };
    case "emptyBody":
      return { kind: "empty", status: 200 };
    default:
      return undefined;
  }
};
