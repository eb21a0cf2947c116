/**
 * `-o table`: one row per detail (failures with their ErrorMsg and reason) and a summary line. Columns are
 * padded to their widest cell in terminal columns (so CJK and emoji domain names line up); on a terminal the
 * ERROR and REASON columns are cut to fit its width, never elsewhere (a log keeps every word). With colours off
 * the output is plain text, safe for logs.
 */
import type { TaskDetail } from "../../sdk/api/schemas";
import type { TaskOutcome } from "../../sdk/outcome";
import type { OutputStream } from "../io";
import { formatCounts, plural } from "./counts";
import { createStyle, stripAnsi, styleStatus, type Style } from "./style";
import { displayWidth, truncateToWidth } from "./width";

/** A cell: already-styled text, or plain text with the paint to apply after any cutting. */
export type Cell = string | { text: string; paint?: (text: string) => string };

/** Text from the API is printed, never interpreted: a control character (an ANSI escape in a name) shows as U+FFFD. */
// eslint-disable-next-line no-control-regex
const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\uFFFD");

/** One line of the API's text: whitespace and newlines collapse to one space. */
const oneLine = (text: string): string => printable(text.replace(/\s+/g, " ").trim());

/** Why a detail failed: its FailReason, else its ErrorMsg. Whitespace and newlines collapse to one line. */
export const failureReason = (detail: Pick<TaskDetail, "failReason" | "errorMsg">): string =>
  oneLine(detail.failReason || detail.errorMsg || "");

const failed = (d: TaskDetail): boolean => d.taskStatus === "EXECUTE_FAILURE";

export interface Column {
  header: string;
  cell(detail: TaskDetail, style: Style): Cell;
  /** May be cut to fit the terminal (the free-text columns). */
  shrink?: boolean;
}

export const COLUMNS = {
  domain: { header: "DOMAIN", cell: (d) => printable(d.domainName) },
  instance: { header: "INSTANCE", cell: (d) => printable(d.instanceId) },
  status: { header: "STATUS", cell: (d, style) => styleStatus(style, printable(d.taskStatus)) },
  tries: { header: "TRIES", cell: (d) => String(d.tryCount) },
  updated: { header: "UPDATED", cell: (d) => printable(d.updateTime) },
  // The API's ErrorMsg of a failure; a success's ("The operation is successful.") would only be noise.
  error: { header: "ERROR", shrink: true, cell: (d, style) => (failed(d) ? { text: oneLine(d.errorMsg), paint: style.red } : "") },
  reason: {
    header: "REASON",
    shrink: true,
    cell: (d, style) => {
      if (!failed(d)) return "";
      const text = oneLine(d.failReason) || (d.errorMsg.trim() ? "" : "(no reason given)");
      return { text, paint: style.red };
    },
  },
} satisfies Record<string, Column>;

export interface RowsOptions {
  /** Terminal width: cut the `shrink` columns (last first) so each line fits. Undefined: never cut. */
  maxWidth?: number;
  /** Indexes of the columns that may be cut. */
  shrink?: readonly number[];
}

/** A cut column keeps at least this many columns, or the cut would leave nothing worth reading. */
export const MIN_SHRUNK = 12;
/** Columns between two cells. */
export const GAP = 2;

/** Column widths after cutting the shrinkable ones (last first) until the line fits maxWidth, if it can. */
const fitWidths = (widths: number[], options: RowsOptions): number[] => {
  const fitted = [...widths];
  if (options.maxWidth === undefined) return fitted;
  let excess = fitted.reduce((a, b) => a + b, 0) + GAP * (fitted.length - 1) - options.maxWidth;
  for (const i of [...(options.shrink ?? [])].sort((a, b) => b - a)) {
    if (excess <= 0) break;
    const cut = Math.min(excess, Math.max(0, fitted[i] - MIN_SHRUNK));
    fitted[i] -= cut;
    excess -= cut;
  }
  return fitted;
};

const plain = (cell: Cell): string =>
  typeof cell !== "string" ? cell.text : cell.includes("\u001b") ? stripAnsi(cell) : cell;

/** A cell as printed: cut to `width` columns when wider (then painted again), else as given. */
const shown = (cell: Cell, natural: number, width: number): { text: string; width: number } => {
  if (natural > width) {
    const text = truncateToWidth(plain(cell), width);
    return { text: typeof cell === "string" ? text : cell.paint?.(text) ?? text, width: displayWidth(text) };
  }
  if (typeof cell === "string") return { text: cell, width: natural };
  return { text: cell.paint && cell.text ? cell.paint(cell.text) : cell.text, width: natural };
};

/** Where each column of a table is: its width, and which columns may be cut to it. */
export interface RowLayout {
  widths: readonly number[];
  shrink: readonly number[];
}

/** The display width of each cell of a row (measured once, then reused for padding). */
export const cellWidths = (cells: readonly Cell[]): number[] => cells.map((cell) => displayWidth(plain(cell)));

/**
 * One line of a table: each cell padded to its column (the last not: no trailing spaces). A cell of a `shrink`
 * column is cut to its width; a wider cell of another column is printed whole (a domain is never cut) and takes
 * its overflow from the padding of the cells after it, so the rest of the line stays aligned where it can. Only
 * a streamed table, whose widths come from its first rows, meets such a cell.
 */
export const renderLine = (cells: readonly Cell[], natural: readonly number[], layout: RowLayout): string => {
  let overflow = 0;
  return cells.map((cell, i) => {
    const limit = layout.shrink.includes(i) ? layout.widths[i] : Math.max(layout.widths[i], natural[i]);
    const { text, width } = shown(cell, natural[i], limit);
    if (i === cells.length - 1) return text;
    const pad = layout.widths[i] - width - overflow;
    overflow = Math.max(0, -pad);
    return text + " ".repeat(Math.max(0, pad));
  }).join(" ".repeat(GAP)).trimEnd();
};

/** The widest cell of each column, the header's included. A loop, not Math.max(...cells): 200,000 rows overflow the stack. */
export const naturalWidths = (headerWidths: readonly number[], rowWidths: readonly (readonly number[])[]): number[] => {
  const natural = [...headerWidths];
  for (const row of rowWidths) row.forEach((w, i) => (natural[i] = Math.max(natural[i], w)));
  return natural;
};

/** Column widths fitted to the terminal: the natural widths with the shrinkable columns cut (last first) to fit. */
export const fitLayout = (natural: readonly number[], options: RowsOptions = {}): RowLayout =>
  ({ widths: fitWidths([...natural], options), shrink: options.shrink ?? [] });

/** Renders rows with padded columns; the last column is not padded (no trailing spaces). */
export const renderRows = (header: string[], rows: Cell[][], style: Style, options: RowsOptions = {}): string => {
  const headerWidths = cellWidths(header);
  const rowWidths = rows.map(cellWidths);
  const layout = fitLayout(naturalWidths(headerWidths, rowWidths), options);
  return [style.bold(renderLine(header, headerWidths, layout)), ...rows.map((row, r) => renderLine(row, rowWidths[r], layout))].join("\n");
};

/** The width to fit a table to: the terminal's, when stdout is one; undefined (never cut) otherwise. */
export const tableWidth = (stream: OutputStream): number | undefined =>
  stream.isTTY === true && typeof stream.columns === "number" && stream.columns > 0 ? stream.columns : undefined;

/** The summary line: "T-0001  CHG_DNS  EXECUTE_FAILURE  3000 details: 2995 succeeded, 5 failed". */
export const renderSummary = (outcome: TaskOutcome, style: Style, taskType = outcome.details.find((d) => d.taskType)?.taskType): string => {
  const head = [style.bold(outcome.taskNo), taskType, styleStatus(style, outcome.status)].filter(Boolean).join("  ");
  const unknown = outcome.unknownStatuses.length > 0 ? ` (unknown statuses: ${outcome.unknownStatuses.join(", ")})` : "";
  return `${head}  ${plural(outcome.total, "detail")}: ${formatCounts(outcome.counts, style)}${unknown}`;
};

export interface TableOptions {
  /** `all` (get): every detail. `failed` (wait): only the failures, as the gate's verdict. */
  rows?: "all" | "failed";
  style?: Style;
  /** Fit the rows to this many columns by cutting ERROR and REASON (see tableWidth). Default: never cut. */
  width?: number;
}

/** The whole table: rows, a blank line, the summary. */
export const renderTable = (outcome: TaskOutcome, options: TableOptions = {}): string => {
  const style = options.style ?? createStyle(false);
  const details = options.rows === "failed" ? outcome.details.filter(failed) : outcome.details;
  const failures = details.filter(failed);
  const columns: Column[] = [COLUMNS.domain];
  if (details.some((d) => d.instanceId)) columns.push(COLUMNS.instance);
  columns.push(COLUMNS.status, COLUMNS.tries, COLUMNS.updated);
  if (failures.some((d) => d.errorMsg.trim())) columns.push(COLUMNS.error);
  if (failures.some((d) => d.failReason.trim() || !d.errorMsg.trim())) columns.push(COLUMNS.reason);
  const parts: string[] = [];
  if (details.length > 0) {
    const shrink = columns.flatMap((c, i) => (c.shrink ? [i] : []));
    const rows = details.map((d) => columns.map((c) => c.cell(d, style)));
    parts.push(renderRows(columns.map((c) => c.header), rows, style, { maxWidth: options.width, shrink }), "");
  }
  parts.push(renderSummary(outcome, style));
  return `${parts.join("\n")}\n`;
};
