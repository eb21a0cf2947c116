/** Prints benchmark results as a plain-text table (and as Markdown, for the README's Performance section). */

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  /** Lines printed under the table: what the numbers mean, targets, caveats. */
  notes?: string[];
}

const pad = (cell: string, width: number, right: boolean): string => (right ? cell.padStart(width) : cell.padEnd(width));

/** Numbers (and ratios, sizes, times) align right; words align left. */
const isNumeric = (cell: string): boolean => /^[-~<>=]?[\d.,]+\s?(x|%|ms|s|MB|kB|B)?$/.test(cell.trim());

/** A fixed-width text table for the terminal. */
export const formatTable = (table: Table): string => {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c ?? "", widths[i], i > 0 && isNumeric(c ?? ""))).join("  ").trimEnd();
  const out = [table.title, "=".repeat(table.title.length), line(table.columns), line(widths.map((w) => "-".repeat(w)))];
  for (const row of table.rows) out.push(line(row));
  for (const note of table.notes ?? []) out.push(`  ${note}`);
  return out.join("\n");
};

/** The same table as GitHub Markdown. */
export const formatMarkdownTable = (table: Table): string => {
  const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  const out = [`#### ${table.title}`, "", row(table.columns), row(table.columns.map(() => "---")), ...table.rows.map(row)];
  if (table.notes?.length) out.push("", ...table.notes.map((n) => `- ${n}`));
  return out.join("\n");
};
