/**
 * Durations as people type them in pipelines: `90s`, `15m`, `2h`, `1h30m`, `500ms`, or a plain number of
 * seconds (`90`, `0.5`). `0` is allowed (for `--timeout` it means "check once").
 */
import { UsageError, quote } from "./usage-error";

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
/** Units must appear largest first and at most once, as in Go's time.ParseDuration output. */
const UNIT_ORDER = ["h", "m", "s", "ms"];
const PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/y;

/** Parses a duration to milliseconds, or returns undefined when the text is not one. */
export const parseDurationMs = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
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
  return Math.round(total);
};

/** Parses the value of a duration flag, or throws a UsageError naming the flag, the value and the fix. */
export const durationFlag = (flag: string, text: string, command?: string): number => {
  const ms = parseDurationMs(text);
  if (ms === undefined) {
    throw new UsageError(
      `${flag} ${quote(text)} is not a duration: use seconds (90) or units h, m, s, ms (90s, 15m, 2h, 1h30m, 500ms).`,
      command,
    );
  }
  return ms;
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
