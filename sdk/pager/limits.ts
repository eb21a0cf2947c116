/**
 * The paging options, checked, with their defaults: what every reader of the package (the verified listing, the
 * verified read, the waiter) turns a PagerOptions into before its first request.
 */
import { MAX_PAGE_SIZE } from "../api/schemas";
import { ValidationError } from "../errors";
import type { PagerOptions } from "./models";

const DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_MAX_PAGES = 10_000;
/** Reads of one question before its answers are declared inconsistent. */
export const DEFAULT_MAX_READS = 3;

/** The options as checked, plus the deadline they make. */
export interface PagerLimits {
  pageSize: number;
  concurrency: number;
  maxPages: number;
  maxReads: number;
  signal?: AbortSignal;
  /** Milliseconds the read may still take, when `timeoutMs` was given. */
  timeLeftMs?: () => number | undefined;
}

const checkInt = (field: string, value: number, min: number, max: number, fix: string): number => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, value, `${field} must be an integer from ${min} to ${max}, got ${String(value)}; ${fix}`);
  }
  return value;
};

/** @throws ValidationError naming the option, its value and the allowed range. */
export const readPagerLimits = (options: PagerOptions, maxPageSize?: number): PagerLimits => {
  const timeoutMs = options.timeoutMs;
  if (timeoutMs !== undefined && (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs < 0)) {
    throw new ValidationError("timeoutMs", timeoutMs, `timeoutMs must be a finite number of milliseconds >= 0, got ${String(timeoutMs)}`);
  }
  const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
  return {
    pageSize: checkInt("pageSize", maxPageSize ?? options.pageSize ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE,
      "the Domain API returns at most 1000 details per page"),
    concurrency: checkInt("concurrency", options.concurrency ?? DEFAULT_CONCURRENCY, 1, 64, "use 1 for one request at a time"),
    maxPages: checkInt("maxPages", options.maxPages ?? DEFAULT_MAX_PAGES, 1, Number.MAX_SAFE_INTEGER, "raise it for very large tasks"),
    maxReads: checkInt("maxReads", options.maxReads ?? DEFAULT_MAX_READS, 1, 10, "the reads of a query whose answers do not verify"),
    signal: options.signal,
    timeLeftMs: deadline === undefined ? undefined : () => Math.max(0, deadline - Date.now()),
  };
};
