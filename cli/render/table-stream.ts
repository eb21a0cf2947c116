/**
 * `get -o table` written as it is read, so a 200,000-detail task is never held (issue 10: 370 MB RSS when the
 * whole table was built at the end). A task of up to `hold` details (one page at the default page size) is held
 * and printed exactly as renderTable prints it. Beyond that the table streams: the widths come from the first
 * `hold` rows, and every column is shown (a failure three pages on must find its ERROR and REASON columns). A
 * later cell wider than its column is printed whole, taking its overflow from the padding after it; on a terminal
 * ERROR and REASON are cut to fit, REASON taking whatever width the others leave.
 */
import type { TaskDetail } from "../../sdk/api/schemas";
import type { TaskOutcome } from "../../sdk/outcome";
import { createStyle, type Style } from "./style";
import {
  cellWidths, COLUMNS, fitLayout, GAP, MIN_SHRUNK, naturalWidths, renderLine, renderSummary, renderTable, type Cell, type Column, type RowLayout,
} from "./table";

/** Details held before the table starts streaming: one page at the default page size (1000). */
export const HELD_DETAILS = 1000;

/** The columns of a streamed table: all of them, since later pages may need any. */
const STREAMED: readonly Column[] = [COLUMNS.domain, COLUMNS.instance, COLUMNS.status, COLUMNS.tries, COLUMNS.updated, COLUMNS.error, COLUMNS.reason];
const SHRINK = STREAMED.flatMap((c, i) => (c.shrink ? [i] : []));
const LAST = STREAMED.length - 1;
/** ERROR is at least this wide when the first rows hold no failure, so a later one's API code fits (DomainStatusProhibited). */
const ERROR_FLOOR = 24;

export interface TableStreamOptions {
  style?: Style;
  /** The terminal's width (see tableWidth); undefined: never cut. */
  width?: number;
  /** Details held before streaming starts. Default HELD_DETAILS. */
  hold?: number;
}

export interface TableStream {
  /** Each detail as it is read: "" while held, then the lines to write (the header first). */
  rows(details: readonly TaskDetail[]): string;
  /**
   * The rest of the table: the whole table when everything was held (pass the outcome of a read that kept at
   * least `hold` details), else the held rows if any, a blank line and the summary.
   */
  end(outcome: TaskOutcome): string;
}

/** Widths from the first rows; on a terminal the last column (REASON) takes what the others leave. */
const streamLayout = (natural: number[], width: number | undefined): RowLayout => {
  natural[STREAMED.indexOf(COLUMNS.error)] = Math.max(natural[STREAMED.indexOf(COLUMNS.error)], ERROR_FLOOR);
  natural[LAST] = Math.max(natural[LAST], MIN_SHRUNK);
  const layout = fitLayout(natural, { maxWidth: width, shrink: SHRINK });
  const widths = [...layout.widths];
  const others = widths.slice(0, LAST).reduce((a, b) => a + b, 0) + GAP * LAST;
  widths[LAST] = width === undefined ? Infinity : Math.max(widths[LAST], width - others);
  return { widths, shrink: layout.shrink };
};

export const tableStream = (options: TableStreamOptions = {}): TableStream => {
  const style = options.style ?? createStyle(false);
  const hold = options.hold ?? HELD_DETAILS;
  let held: TaskDetail[] = [];
  let layout: RowLayout | undefined;
  let taskType: string | undefined;
  const cells = (d: TaskDetail): Cell[] => STREAMED.map((c) => c.cell(d, style));
  const lines = (rows: Cell[][], widths: number[][]): string => rows.map((row, r) => `${renderLine(row, widths[r], layout!)}\n`).join("");

  /** Prints the header and the held rows, with the widths they set. */
  const start = (): string => {
    const header = STREAMED.map((c) => c.header);
    const rows = held.map(cells);
    const widths = rows.map(cellWidths);
    held = [];
    layout = streamLayout(naturalWidths(cellWidths(header), widths), options.width);
    return `${style.bold(renderLine(header, cellWidths(header), layout))}\n${lines(rows, widths)}`;
  };

  return {
    rows(details) {
      taskType ??= details.find((d) => d.taskType)?.taskType;
      if (layout === undefined) {
        for (const d of details) held.push(d);
        return held.length > hold ? start() : "";
      }
      const rows = details.map(cells);
      return lines(rows, rows.map(cellWidths));
    },
    end(outcome) {
      if (layout === undefined && outcome.detailsOmitted === 0) return renderTable(outcome, { rows: "all", style, width: options.width });
      const head = layout === undefined && held.length > 0 ? start() : "";
      return `${head}${head || layout ? "\n" : ""}${renderSummary(outcome, style, taskType)}\n`;
    },
  };
};
