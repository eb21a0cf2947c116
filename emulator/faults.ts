/**
 * Fault injection: which QueryTaskDetailList request fails how. Requests are numbered from 1 in the order they
 * arrive (the count restarts when the config is replaced); the first rule that matches the number wins.
 */
import { apiErrors, type ApiError } from "./errors";
import type { FaultConfig, FaultRule, Quirks } from "./types";

export const ruleMatches = (rule: FaultRule, n: number): boolean => {
  if (rule.every !== undefined && n % rule.every === 0) return true;
  if (rule.from !== undefined && n >= rule.from && (rule.count === undefined || n < rule.from + rule.count)) return true;
  return false;
};

export class FaultPlan {
  private requestNumber = 0;

  constructor(readonly config: FaultConfig = {}) {}

  /** Answers per TaskNo, for the quirks that change from one answer to the next (shiftingPages, failureFlicker). */
  private readonly answers = new Map<string, number>();

  /** Numbers the next QueryTaskDetailList request and returns the rule whose fault to inject into it, if any. */
  next(): FaultRule | undefined {
    const n = ++this.requestNumber;
    return this.config.rules?.find((rule) => ruleMatches(rule, n));
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

/** The API error a fault answers with; undefined for faults that are not an API error (html502, dropConnection). */
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
