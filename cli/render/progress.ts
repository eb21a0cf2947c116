/**
 * What a wait shows while it polls: a live line on a terminal, plain log lines elsewhere.
 * These are pure functions of a progress snapshot; render/progress-reporter.ts decides when to draw them.
 */
import { knownCounts, type WaitProgress } from "../../sdk/waiter";
import { formatDuration } from "../duration";
import { finishedCount, formatCounts, type Counts } from "./counts";
import { createStyle, stripAnsi, type Style } from "./style";

/** The parts of the SDK's WaitProgress that the display needs. */
export interface ProgressSnapshot {
  taskNo: string;
  /** What the poll knows exactly: every status, or the finished ones and one OPEN count (see knownCounts). */
  counts: Counts;
  total: number;
  elapsedMs: number;
  /** Milliseconds until the next poll; null when no further poll is planned. */
  nextDelayMs: number | null;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** A bar of `width` cells: green for succeeded, red for failed, dim for the rest. */
export const renderBar = (counts: Counts, total: number, width: number, style: Style): string => {
  if (total <= 0) return style.dim("░".repeat(width));
  const cells = (n: number): number => Math.round((n / total) * width);
  const failed = Math.min(width, (counts.EXECUTE_FAILURE ?? 0) > 0 ? Math.max(1, cells(counts.EXECUTE_FAILURE ?? 0)) : 0);
  const succeeded = Math.min(width - failed, cells(counts.EXECUTE_SUCCESS ?? 0));
  const rest = width - failed - succeeded;
  const segment = (paint: (s: string) => string, cell: string, n: number): string => (n > 0 ? paint(cell.repeat(n)) : "");
  return segment(style.green, "█", succeeded) + segment(style.red, "█", failed) + segment(style.dim, "░", rest);
};

/** A snapshot from the waiter's progress report. */
export const toSnapshot = (p: WaitProgress): ProgressSnapshot =>
  ({ taskNo: p.taskNo, counts: knownCounts(p), total: p.total, elapsedMs: p.elapsedMs, nextDelayMs: p.nextDelayMs });

const percent = (counts: Counts, total: number): string =>
  `${String(total > 0 ? Math.floor((finishedCount(counts) / total) * 100) : 0).padStart(3)}%`;

const nextPoll = (nextDelayMs: number | null): string =>
  nextDelayMs === null ? "" : nextDelayMs <= 0 ? "polling" : `next poll in ${formatDuration(nextDelayMs)}`;

/** A long TaskNo (they are UUIDs) shortened for a narrow line: `5f8c1a2e-6d3…`. */
const shortTaskNo = (taskNo: string): string => (taskNo.length > 13 ? `${taskNo.slice(0, 12)}…` : taskNo);

const MIN_BAR = 10;
const MAX_BAR = 20;

/**
 * The live terminal line, e.g.
 * `⠹ T-0001 ██████░░░░  62%  1862 succeeded · 3 failed · 1135 executing  8s · next poll in 2s`.
 * Fitted to `columns` so it never wraps (a wrapped line could not be redrawn in place): the bar shrinks,
 * then a long TaskNo is shortened, then the bar goes, then the countdown to the next poll, and only then is
 * the line cut.
 */
export const renderProgressLine = (
  snapshot: ProgressSnapshot,
  options: { style?: Style; columns?: number; frame?: number } = {},
): string => {
  const style = options.style ?? createStyle(false);
  const columns = options.columns ?? 100;
  const spinner = style.cyan(SPINNER[(options.frame ?? 0) % SPINNER.length]);
  const elapsed = formatDuration(snapshot.elapsedMs);
  const next = nextPoll(snapshot.nextDelayMs);
  const counts = formatCounts(snapshot.counts, style, " · ");
  const share = percent(snapshot.counts, snapshot.total);
  const line = (taskNo: string, barWidth: number, withNext = true): string => {
    const bar = barWidth > 0 ? ` ${renderBar(snapshot.counts, snapshot.total, barWidth, style)}` : "";
    const timing = style.dim(withNext && next ? `${elapsed} · ${next}` : elapsed);
    return `${spinner} ${style.bold(taskNo)}${bar} ${share}  ${counts}  ${timing}`;
  };
  const labels = [snapshot.taskNo, shortTaskNo(snapshot.taskNo)];
  for (const label of labels) {
    const room = columns - 1 - stripAnsi(line(label, 0)).length - 1;
    if (room >= MIN_BAR) return line(label, Math.min(MAX_BAR, room));
  }
  for (const withNext of [true, false]) {
    for (const label of labels) {
      const withoutBar = line(label, 0, withNext);
      if (stripAnsi(withoutBar).length < columns) return withoutBar;
    }
  }
  return truncate(line(labels[1], 0, false), columns - 1);
};

/** Cuts a styled string to `width` printed characters, keeping escapes balanced by resetting at the end. */
const truncate = (text: string, width: number): string => {
  let printed = 0;
  let out = "";
  // eslint-disable-next-line no-control-regex
  for (const part of text.split(/(\u001b\[[0-9;]*[A-Za-z])/)) {
    if (part.startsWith("\u001b[")) {
      out += part;
      continue;
    }
    const room = width - printed;
    if (room <= 0) continue;
    out += part.slice(0, room);
    printed += Math.min(room, part.length);
  }
  return text.includes("\u001b[") ? `${out}\u001b[0m` : out;
};

/**
 * One plain log line per poll, for CI logs: no colours, no control characters, e.g.
 * `T-0001: 1865/3000 finished (1862 succeeded, 3 failed, 1135 executing); 8s elapsed; next poll in 2s`.
 */
export const renderProgressLogLine = (snapshot: ProgressSnapshot): string => {
  const next = nextPoll(snapshot.nextDelayMs);
  return `${snapshot.taskNo}: ${finishedCount(snapshot.counts)}/${snapshot.total} finished (${formatCounts(snapshot.counts)}); ` +
    `${formatDuration(snapshot.elapsedMs)} elapsed${next ? `; ${next}` : ""}`;
};
