/**
 * What a wait shows while it polls: a live line on a terminal, plain log lines elsewhere.
 * These are pure functions of a progress snapshot; render/progress-reporter.ts decides when to draw them.
 */
import { formatDuration } from "../duration";
import { finishedCount, formatCounts, type Counts } from "./counts";
import { createStyle, stripAnsi, type Style } from "./style";

/** The parts of the SDK's WaitProgress that the display needs. */
export interface ProgressSnapshot {
  taskNo: string;
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

const percent = (counts: Counts, total: number): string =>
  `${String(total > 0 ? Math.floor((finishedCount(counts) / total) * 100) : 0).padStart(3)}%`;

const nextPoll = (nextDelayMs: number | null): string =>
  nextDelayMs === null ? "" : nextDelayMs <= 0 ? "polling" : `next poll in ${formatDuration(nextDelayMs)}`;

/**
 * The live terminal line, e.g.
 * `⠹ T-0001 ██████░░░░  62%  1862 succeeded · 3 failed · 1135 executing  8s · next poll in 2s`.
 * Fitted to `columns` (the bar goes first, then the line is cut) so it never wraps: a wrapped line could
 * not be redrawn in place.
 */
export const renderProgressLine = (
  snapshot: ProgressSnapshot,
  options: { style?: Style; columns?: number; frame?: number } = {},
): string => {
  const style = options.style ?? createStyle(false);
  const columns = options.columns ?? 100;
  const spinner = style.cyan(SPINNER[(options.frame ?? 0) % SPINNER.length]);
  const timing = style.dim([formatDuration(snapshot.elapsedMs), nextPoll(snapshot.nextDelayMs)].filter(Boolean).join(" · "));
  const counts = formatCounts(snapshot.counts, style, " · ");
  const head = `${spinner} ${style.bold(snapshot.taskNo)}`;
  const withBar = `${head} ${renderBar(snapshot.counts, snapshot.total, 20, style)} ${percent(snapshot.counts, snapshot.total)}  ${counts}  ${timing}`;
  if (stripAnsi(withBar).length < columns) return withBar;
  const withoutBar = `${head} ${percent(snapshot.counts, snapshot.total)}  ${counts}  ${timing}`;
  if (stripAnsi(withoutBar).length < columns) return withoutBar;
  return truncate(withoutBar, columns - 1);
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
