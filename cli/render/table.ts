/**
 * `-o table`: one row per detail (failures with their reason) and a summary line. Columns are padded to
 * their widest cell; with colours off the output is plain text, safe for logs.
 */
import type { TaskDetail } from "../../sdk/api/schemas";
import type { TaskOutcome } from "../../sdk/outcome";
import { formatCounts, plural } from "./counts";
import { createStyle, stripAnsi, styleStatus, type Style } from "./style";

interface Column {
  header: string;
  cell(detail: TaskDetail, style: Style): string;
}

/** Why a detail failed: its FailReason, else its ErrorMsg. Whitespace and newlines collapse to one line. */
export const failureReason = (detail: Pick<TaskDetail, "failReason" | "errorMsg">): string =>
  (detail.failReason || detail.errorMsg || "").replace(/\s+/g, " ").trim();

const COLUMNS: Record<string, Column> = {
  domain: { header: "DOMAIN", cell: (d) => d.domainName },
  instance: { header: "INSTANCE", cell: (d) => d.instanceId },
  status: { header: "STATUS", cell: (d, style) => styleStatus(style, d.taskStatus) },
  tries: { header: "TRIES", cell: (d) => String(d.tryCount) },
  updated: { header: "UPDATED", cell: (d) => d.updateTime },
  reason: {
    header: "REASON",
    cell: (d, style) => (d.taskStatus === "EXECUTE_FAILURE" ? style.red(failureReason(d) || "(no reason given)") : ""),
  },
};

/** Renders rows with padded columns; the last column is not padded (no trailing spaces). */
export const renderRows = (header: string[], rows: string[][], style: Style): string => {
  // A loop, not Math.max(...cells): spreading 200,000 rows as arguments overflows the call stack.
  const widths = header.map((h) => h.length);
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i], stripAnsi(cell).length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + " ".repeat(widths[i] - stripAnsi(cell).length)))
      .join("  ").trimEnd();
  return [style.bold(line(header)), ...rows.map(line)].join("\n");
};

/** The summary line: "T-0001  CHG_DNS  EXECUTE_FAILURE  3000 details: 2995 succeeded, 5 failed". */
export const renderSummary = (outcome: TaskOutcome, style: Style): string => {
  const taskType = outcome.details.find((d) => d.taskType)?.taskType;
  const head = [style.bold(outcome.taskNo), taskType, styleStatus(style, outcome.status)].filter(Boolean).join("  ");
  const unknown = outcome.unknownStatuses.length > 0 ? ` (unknown statuses: ${outcome.unknownStatuses.join(", ")})` : "";
  return `${head}  ${plural(outcome.total, "detail")}: ${formatCounts(outcome.counts, style)}${unknown}`;
};

export interface TableOptions {
  /** `all` (get): every detail. `failed` (wait): only the failures, as the gate's verdict. */
  rows?: "all" | "failed";
  style?: Style;
}

/** The whole table: rows, a blank line, the summary. */
export const renderTable = (outcome: TaskOutcome, options: TableOptions = {}): string => {
  const style = options.style ?? createStyle(false);
  const details = options.rows === "failed"
    ? outcome.details.filter((d) => d.taskStatus === "EXECUTE_FAILURE")
    : outcome.details;
  const columns = [COLUMNS.domain];
  if (details.some((d) => d.instanceId)) columns.push(COLUMNS.instance);
  columns.push(COLUMNS.status, COLUMNS.tries, COLUMNS.updated);
  if (details.some((d) => d.taskStatus === "EXECUTE_FAILURE")) columns.push(COLUMNS.reason);
  const parts: string[] = [];
  if (details.length > 0) {
    parts.push(renderRows(columns.map((c) => c.header), details.map((d) => columns.map((c) => c.cell(d, style))), style), "");
  }
  parts.push(renderSummary(outcome, style));
  return `${parts.join("\n")}\n`;
};
