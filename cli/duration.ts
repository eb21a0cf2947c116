/**
 * Durations as people type them in pipelines: `90s`, `15m`, `2h`, `1h30m`, `500ms`, or a plain number of
 * seconds (`90`, `0.5`). `0` is allowed (for `--timeout` it means "check once").
 */
import { MAX_TIMER_MS } from "../sdk/timers";
import { UsageError, quote } from "./usage-error";

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
/** Units must appear largest first and at most once, as in Go's time.ParseDuration output. */
const UNIT_ORDER = ["h", "m", "s", "ms"];
const PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/y;

/** Parses a duration to (unrounded) milliseconds, or returns undefined when the text is not one. */
const parseExactMs = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  if (trimmed === "") return undefined;
  let total = 0;
  let lastUnit = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const match = PART.exec(trimmed);
    if (!match) return undefined;
    const unitIndex = UNIT_ORDER.indexOf(match[2]);
    if (unitIndex <= lastUnit) return undefined;
    lastUnit = unitIndex;
    total += Number(match[1]) * UNIT_MS[match[2]];
  }
  return total;
};

/** Parses a duration to whole milliseconds, or returns undefined when the text is not one. */
export const parseDurationMs = (text: string): number | undefined => {
  const ms = parseExactMs(text);
  return ms === undefined ? undefined : Math.round(ms);
};

/**
 * The longest duration a flag takes: the longest one Node.js timer holds (MAX_TIMER_MS, about 24.8 days); a
 * longer delay or timeout would fire at once and poll in a tight loop instead of waiting.
 */
export const MAX_DURATION_MS = MAX_TIMER_MS;

/**
 * Parses the value of a duration flag, or throws a UsageError naming the flag, the value and the fix: for
 * text that is not a duration, a non-zero duration under 1 ms (it would round to 0, which for --timeout
 * means "check once"), and one longer than MAX_DURATION_MS.
 */
export const durationFlag = (flag: string, text: string, command?: string): number => {
  const ms = parseExactMs(text);
  if (ms === undefined) {
    throw new UsageError(
      `${flag} ${quote(text)} is not a duration: use seconds (90) or units h, m, s, ms (90s, 15m, 2h, 1h30m, 500ms).`,
      command,
    );
  }
  if (ms > 0 && ms < 1) {
    throw new UsageError(`${flag} ${quote(text)} is shorter than 1ms, the smallest step: use 1ms or more, or 0.`, command);
  }
  if (ms > MAX_DURATION_MS) {
    throw new UsageError(
      `${flag} ${quote(text)} is longer than the largest duration, ${formatDuration(MAX_DURATION_MS)} (${MAX_DURATION_MS}ms): use a shorter one.`,
      command,
    );
  }
  return Math.round(ms);
};

/** Formats milliseconds for people: `850ms`, `12s`, `4m05s`, `1h02m`. */
export const formatDuration = (ms: number): string => {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const pad = (n: number): string => String(n).padStart(2, "0");
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes}m${pad(totalSeconds % 60)}s`;
  return `${Math.floor(minutes / 60)}h${pad(minutes % 60)}m`;
};

/**
 * A default as help text writes it, in the unit people would type: `2s`, `30s`, `60s`, `30m`, `1h`. A minute
 * or two stays in seconds (`60s`, `90s` read as the grace period they are); longer whole minutes or hours use
 * the larger unit.
 */
export const formatDefaultSeconds = (seconds: number): string => {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds >= 300 && seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
};
