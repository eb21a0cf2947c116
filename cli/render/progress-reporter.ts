/**
 * Draws wait progress on stderr: on a terminal, one line redrawn in place (a spinner, the elapsed time and
 * the countdown to the next poll tick between polls); elsewhere one plain log line per poll; or nothing (-q).
 */
import type { OutputStream } from "../io";
import { renderProgressLine, renderProgressLogLine, type ProgressSnapshot } from "./progress";
import { createStyle, type Style } from "./style";

export type ProgressMode = "live" | "log" | "off";

export interface ProgressReporter {
  /** A new snapshot from the waiter (after each poll). */
  update(snapshot: ProgressSnapshot): void;
  /** Prints a whole line (a warning, a verdict) without garbling the live line. */
  log(line: string): void;
  /** Erases the live line and stops redrawing. Safe to call twice. */
  stop(): void;
}

export interface ReporterOptions {
  mode: ProgressMode;
  style?: Style;
  /** Put before every line, e.g. an indent. */
  prefix?: string;
  /** Redraw period of the live line. */
  intervalMs?: number;
  now?: () => number;
}

/** `live` on a terminal, `log` otherwise, `off` with -q. */
export const progressMode = (stream: OutputStream, quiet: boolean): ProgressMode =>
  quiet ? "off" : stream.isTTY ? "live" : "log";

const CLEAR_LINE = "\r\u001b[2K";

export const createProgressReporter = (stream: OutputStream, options: ReporterOptions): ProgressReporter => {
  const { mode } = options;
  const style = options.style ?? createStyle(false);
  const now = options.now ?? Date.now;
  const prefix = options.prefix ?? "";
  let last: { snapshot: ProgressSnapshot; at: number } | undefined;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  let drawn = false;

  const draw = (): void => {
    if (!last) return;
    const since = now() - last.at;
    const { snapshot } = last;
    const current: ProgressSnapshot = {
      ...snapshot,
      elapsedMs: snapshot.elapsedMs + since,
      nextDelayMs: snapshot.nextDelayMs === null ? null : Math.max(0, snapshot.nextDelayMs - since),
    };
    // A pseudo-terminal may report 0 columns (no size set): assume a common width then.
    const columns = (stream.columns && stream.columns >= 40 ? stream.columns : 100) - prefix.length;
    stream.write(`${CLEAR_LINE}${prefix}${renderProgressLine(current, { style, columns, frame: frame++ })}`);
    drawn = true;
  };

  const erase = (): void => {
    if (drawn) stream.write(CLEAR_LINE);
    drawn = false;
  };

  return {
    update(snapshot) {
      if (mode === "off") return;
      if (mode === "log") {
        stream.write(`${prefix}${renderProgressLogLine(snapshot)}\n`);
        return;
      }
      last = { snapshot, at: now() };
      draw();
      if (!timer) {
        timer = setInterval(draw, options.intervalMs ?? 100);
        timer.unref();
      }
    },
    log(line) {
      if (mode === "live") erase();
      stream.write(`${line}\n`);
      if (mode === "live") draw();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      erase();
      last = undefined;
    },
  };
};
