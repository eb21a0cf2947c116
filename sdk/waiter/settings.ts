/** The waiter's options, checked and turned into milliseconds, with their defaults. */
import type { TaskQuery } from "../api/schemas";
import { MAX_TIMER_MS, systemClock, type Clock } from "../clock";
import { ValidationError } from "../errors";
import { readPagerLimits } from "../pager/limits";
import { checkQuery, type CheckedQuery } from "../read/check-query";
import { WAIT_DEFAULTS } from "./defaults";
import type { WaitOptions, WaitUntil } from "./models";

export { WAIT_DEFAULTS };

/** The longest a single timer can sleep in Node.js (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_DELAY_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

export interface WaitSettings {
  query: CheckedQuery;
  maxWaitMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  graceMs: number;
  clock: Clock;
  pageSize: number;
  concurrency: number;
  until: WaitUntil;
  keepDetails?: number;
  keepFailed?: number;
}

const seconds = (field: string, value: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER / 1000): number => {
  const v = value ?? fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw new ValidationError(field, value, `${field} must be a finite number of seconds >= 0, got ${String(value)}`);
  }
  if (v > max) throw new ValidationError(field, value, `${field} must be at most ${max} seconds, got ${String(value)}`);
  return v * 1000;
};

const bound = (field: string, value: number | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw new ValidationError(field, value, `${field} must be a whole number >= 0, got ${String(value)}`);
  return value;
};

/** @throws ValidationError naming the field, for a bad query or option. */
export const readWaitSettings = (query: TaskQuery, options: WaitOptions): WaitSettings => {
  const checked = checkQuery(query);
  if (query.taskStatus !== undefined) {
    throw new ValidationError("taskStatus", query.taskStatus,
      "waitForTask selects details by status itself; remove taskStatus from the query (filter by domainName or instanceId instead)");
  }
  const until = options.until ?? "complete";
  if (until !== "complete" && until !== "firstFailure") {
    throw new ValidationError("until", until, `until must be "complete" or "firstFailure", got ${JSON.stringify(until)}`);
  }
  const minDelayMs = seconds("minDelaySeconds", options.minDelaySeconds, WAIT_DEFAULTS.minDelaySeconds, MAX_DELAY_SECONDS);
  const maxDelayMs = seconds("maxDelaySeconds", options.maxDelaySeconds, WAIT_DEFAULTS.maxDelaySeconds, MAX_DELAY_SECONDS);
  if (maxDelayMs < minDelayMs) {
    throw new ValidationError("maxDelaySeconds", options.maxDelaySeconds,
      `maxDelaySeconds (${maxDelayMs / 1000}) must be at least minDelaySeconds (${minDelayMs / 1000})`);
  }
  // Checked now, not when the task completes and is read in full (perhaps half an hour later).
  const { pageSize, concurrency } = readPagerLimits({ pageSize: options.pageSize, concurrency: options.concurrency });
  return {
    query: checked,
    maxWaitMs: seconds("maxWaitSeconds", options.maxWaitSeconds, WAIT_DEFAULTS.maxWaitSeconds),
    minDelayMs,
    maxDelayMs,
    graceMs: seconds("notFoundGraceSeconds", options.notFoundGraceSeconds, WAIT_DEFAULTS.notFoundGraceSeconds),
    clock: options.clock ?? systemClock,
    pageSize,
    concurrency,
    until,
    keepDetails: bound("keepDetails", options.keepDetails),
    keepFailed: bound("keepFailed", options.keepFailed),
  };
};
