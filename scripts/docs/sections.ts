/**
 * Generated sections of the docs: text between two marker lines in a Markdown file, rewritten from the code
 * by `npm run docs`, so a table can never drift from what the command does. Everything outside the markers
 * is hand-written and left alone.
 *
 *   <!-- generated:cli-flags (npm run docs; edit the source named in the section, not this) -->
 *   ...
 *   <!-- /generated:cli-flags -->
 */
import { readFileSync } from "node:fs";

export interface GeneratedSection {
  /** The Markdown file, relative to the repository root. */
  file: string;
  /** The marker name: `<!-- generated:NAME ... -->`. */
  name: string;
  /** The section's Markdown, without the markers. */
  render(): string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `text` with the body of section `name` replaced by `body`; throws when the markers are missing. */
export const spliceSection = (text: string, name: string, body: string, file = "the file"): string => {
  const pattern = new RegExp(`(<!-- generated:${escapeRegExp(name)}\\b[^\\n]*-->\\n)[\\s\\S]*?(<!-- /generated:${escapeRegExp(name)} -->)`);
  if (!pattern.test(text)) {
    throw new Error(
      `${file} has no generated section "${name}": add the lines <!-- generated:${name} --> and <!-- /generated:${name} --> where it goes.`,
    );
  }
  return text.replace(pattern, (_, open: string, close: string) => `${open}${body.trimEnd()}\n${close}`);
};

/** Each file's text with all of its sections rendered, by file. */
export const renderFiles = (sections: readonly GeneratedSection[], root: string): Map<string, { before: string; after: string }> => {
  const files = new Map<string, { before: string; after: string }>();
  for (const section of sections) {
    const entry = files.get(section.file) ?? (() => {
      const before = readFileSync(`${root}/${section.file}`, "utf8");
      return { before, after: before };
    })();
    entry.after = spliceSection(entry.after, section.name, section.render(), section.file);
    files.set(section.file, entry);
  }
  return files;
};

/** Escapes a table cell: pipes (even inside code spans, as GitHub requires) and line breaks. */
export const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A Markdown table. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, header.map(() => "---"), ...rows].map((r) => `| ${r.map(cell).join(" | ")} |`).join("\n");
