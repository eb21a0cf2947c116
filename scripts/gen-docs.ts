/**
 * `npm run docs`: rewrites every generated section of the docs from the code. `npm run docs -- --check` only
 * reports the stale files and exits 1 (test/scripts/gen-docs.test.ts runs the same check in the suite).
 *
 * To generate another section: write its render function next to the code it documents, or in
 * scripts/docs/, and add it to SECTIONS; then put its two marker lines in the Markdown file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI_SECTIONS } from "./docs/cli-reference";
import { renderFiles, type GeneratedSection } from "./docs/sections";

export const ROOT = join(__dirname, "..");

export const SECTIONS: readonly GeneratedSection[] = [...CLI_SECTIONS];

/** The files whose generated sections are not current. */
export const staleFiles = (sections: readonly GeneratedSection[] = SECTIONS, root = ROOT): string[] =>
  [...renderFiles(sections, root)].filter(([, { before, after }]) => before !== after).map(([file]) => file);

const main = (argv: readonly string[]): number => {
  const files = renderFiles(SECTIONS, ROOT);
  const stale = [...files].filter(([, { before, after }]) => before !== after);
  if (argv.includes("--check")) {
    for (const [file] of stale) process.stderr.write(`${file} is not current: run npm run docs\n`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const [file, { after }] of stale) {
    writeFileSync(join(ROOT, file), after);
    process.stdout.write(`updated ${file}\n`);
  }
  if (stale.length === 0) process.stdout.write("docs are current\n");
  return 0;
};

if (require.main === module) process.exitCode = main(process.argv.slice(2));
