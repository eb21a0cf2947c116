/** The waiter's options, checked and turned into milliseconds, with their defaults. */
import { TaskQuerySchema, type TaskQuery } from "../api/schemas";
import { systemClock, type Clock } from "../clock";
import { ValidationError } from "../errors";
import { readPagerLimits } from "../pager/paginate";
import type { WaitOptions } from "./models";

export interface WaitSettings {
  query: ReturnType<typeof TaskQuerySchema.parse>;
  maxWaitMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  graceMs: number;
  clock: Clock;
  pageSize: number;
  concurrency: number;
}

const seconds = (field: string, value: number | undefined, fallback: number): number => {
  const v = value ?? fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw new ValidationError(field, value, `${field} must be a finite number of seconds >= 0, got ${String(value)}`);
  }
  return v * 1000;
};

/** @throws ValidationError naming the field, for a bad query or option. */
export const readWaitSettings = (query: TaskQuery, options: WaitOptions): WaitSettings => {
  const parsed = TaskQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? "query");
    throw new ValidationError(field, (query as Record<string, unknown>)[field], `${field}: ${issue.message}`);
  }
  if (query.taskStatus !== undefined) {
    throw new ValidationError("taskStatus", query.taskStatus,
      "waitForTask selects details by status itself; remove taskStatus from the query (filter by domainName or instanceId instead)");
  }
  const minDelayMs = seconds("minDelaySeconds", options.minDelaySeconds, 2);
  const maxDelayMs = seconds("maxDelaySeconds", options.maxDelaySeconds, 30);
  if (maxDelayMs < minDelayMs) {
    throw new ValidationError("maxDelaySeconds", options.maxDelaySeconds,
      `maxDelaySeconds (${maxDelayMs / 1000}) must be at least minDelaySeconds (${minDelayMs / 1000})`);
  }
  // Checked now, not when the task completes and is read in full (perhaps half an hour later).
  const { pageSize, concurrency } = readPagerLimits({ pageSize: options.pageSize, concurrency: options.concurrency });
  return {
    query: parsed.data,
    maxWaitMs: seconds("maxWaitSeconds", options.maxWaitSeconds, 1800),
    minDelayMs,
    maxDelayMs,
    graceMs: seconds("notFoundGraceSeconds", options.notFoundGraceSeconds, 60),
    clock: options.clock ?? systemClock,
    pageSize,
    concurrency,
  };
};
