/**
 * Generated sections of the docs: text between two marker lines in a Markdown file, rewritten from the code
 * by `npm run docs`, so a table can never drift from what the command does. Everything outside the markers
 * is hand-written and left alone.
 *
 *   <!-- generated:cli-flags (npm run docs; edit the source named in the section, not this) -->
 *   ...
 *   <!-- /generated:cli-flags -->
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

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

/**
 * Files written whole from the code: a JSON Schema, or every file of a folder (the API reference). Nobody
 * edits them by hand, so unlike a section they need no markers.
 */
export interface GeneratedFiles {
  /** A folder the generator owns, relative to the root: a file in it that `render` no longer produces is stale. */
  folder?: string;
  /** Each file's full text, by path relative to the root. */
  render(): ReadonlyMap<string, string>;
}

/** A file's text now (`before`, absent if it does not exist) and as generated (`after`, absent: delete it). */
export interface FileChange {
  before?: string;
  after?: string;
}

const readIfExists = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

/** Every file under `folder` (relative to root), as root-relative paths with forward slashes. */
const filesUnder = (root: string, folder: string): string[] =>
  existsSync(join(root, folder))
    ? readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"))
    : [];

/** Each file's text with all of its sections rendered, and every whole generated file, by file. */
export const renderFiles = (
  sections: readonly GeneratedSection[],
  root: string,
  generated: readonly GeneratedFiles[] = [],
): Map<string, FileChange> => {
  const files = new Map<string, FileChange>();
  for (const section of sections) {
    const entry = files.get(section.file) ?? (() => {
      const before = readFileSync(`${root}/${section.file}`, "utf8");
      return { before, after: before };
    })();
    entry.after = spliceSection(entry.after ?? "", section.name, section.render(), section.file);
    files.set(section.file, entry);
  }
  for (const source of generated) {
    const rendered = source.render();
    for (const file of source.folder === undefined ? [] : filesUnder(root, source.folder)) {
      if (!rendered.has(file)) files.set(file, { before: readIfExists(join(root, file)) });
    }
    for (const [file, after] of rendered) files.set(file, { before: readIfExists(join(root, file)), after });
  }
  return files;
};

/** Escapes a table cell: pipes (even inside code spans, as GitHub requires) and line breaks. */
export const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A Markdown table. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, header.map(() => "---"), ...rows].map((r) => `| ${r.map(cell).join(" | ")} |`).join("\n");
