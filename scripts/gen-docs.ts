/**
 * `npm run docs`: rewrites every generated part of the docs from the code: the sections between markers in
 * hand-written pages (docs/cli.md's tables), the JSON Schemas (docs/schemas/) and the API reference
 * (docs/api/, TypeDoc). `npm run docs -- --check` only reports the stale files and exits 1
 * (test/scripts/gen-docs.test.ts runs the same check in the suite).
 *
 * To generate another section: write its render function next to the code it documents, or in
 * scripts/docs/, and add it to SECTIONS; then put its two marker lines in the Markdown file. A file that is
 * generated whole goes in GENERATED instead.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { API_FILES } from "./docs/api-reference";
import { CLI_SECTIONS } from "./docs/cli-reference";
import { PLUGIN_SCHEMA_FILES } from "./docs/plugin-schema";
import { SCHEMA_FILES } from "./docs/schemas";
import { renderFiles, type FileChange, type GeneratedFiles, type GeneratedSection } from "./docs/sections";

export const ROOT = join(__dirname, "..");

export const SECTIONS: readonly GeneratedSection[] = [...CLI_SECTIONS];

export const GENERATED: readonly GeneratedFiles[] = [SCHEMA_FILES, PLUGIN_SCHEMA_FILES, API_FILES];

const stale = (files: Map<string, FileChange>): [string, FileChange][] => [...files].filter(([, { before, after }]) => before !== after);

/** The files that are not current: a section or a generated file that differs, is missing, or should be gone. */
export const staleFiles = (
  sections: readonly GeneratedSection[] = SECTIONS,
  root = ROOT,
  generated: readonly GeneratedFiles[] = GENERATED,
): string[] => stale(renderFiles(sections, root, generated)).map(([file]) => file);

const main = (argv: readonly string[]): number => {
  const changes = stale(renderFiles(SECTIONS, ROOT, GENERATED));
  if (argv.includes("--check")) {
    for (const [file] of changes) process.stderr.write(`${file} is not current: run npm run docs\n`);
    return changes.length > 0 ? 1 : 0;
  }
  for (const [file, { after }] of changes) {
    const path = join(ROOT, file);
    if (after === undefined) {
      rmSync(path);
      process.stdout.write(`removed ${file}\n`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, after);
      process.stdout.write(`updated ${file}\n`);
    }
  }
  if (changes.length === 0) process.stdout.write("docs are current\n");
  return 0;
};

if (require.main === module) process.exitCode = main(process.argv.slice(2));
