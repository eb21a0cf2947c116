/** The generated sections of the docs are current: run `npm run docs` when this fails. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, SECTIONS, staleFiles } from "../../scripts/gen-docs";
import { spliceSection } from "../../scripts/docs/sections";

/** A copy of the docs with `edit` applied to docs/cli.md. */
const copyWith = (edit: (text: string) => string): string => {
  const root = mkdtempSync(join(tmpdir(), "gen-docs-"));
  mkdirSync(join(root, "docs"));
  writeFileSync(join(root, "docs", "cli.md"), edit(readFileSync(join(ROOT, "docs", "cli.md"), "utf8")));
  return root;
};

describe("generated docs", () => {
  it("are current (else: npm run docs)", () => {
    expect(staleFiles()).toEqual([]);
  });

  it("are stale when a flag row no longer matches cli/options.ts", () => {
    const root = copyWith((text) => text.replace("| `--port` | `<n>` |", "| `--port` | `<number>` |"));
    expect(staleFiles(SECTIONS, root)).toEqual(["docs/cli.md"]);
  });

  it("cover every flag, including the emulator's, and every exit code", () => {
    const text = readFileSync(join(ROOT, "docs", "cli.md"), "utf8");
    for (const flag of ["`--endpoint`", "`--no-fail-fast`", "`--json`", "`--verbose`", "`--no-color`", "`--port`", "`--no-admin`"]) {
      expect(text).toContain(flag);
    }
    expect(text).toContain("| `130` | interrupted (Ctrl-C) |");
  });

  it("refuse a file without the section's markers, naming the markers to add", () => {
    expect(() => spliceSection("# nothing here\n", "cli-flags", "x", "docs/cli.md")).toThrow(
      'docs/cli.md has no generated section "cli-flags": add the lines <!-- generated:cli-flags --> and <!-- /generated:cli-flags --> where it goes.',
    );
  });

  it("leave the hand-written text around a section alone", () => {
    const text = "intro\n<!-- generated:x (note) -->\nold\n<!-- /generated:x -->\noutro\n";
    expect(spliceSection(text, "x", "new\n")).toBe("intro\n<!-- generated:x (note) -->\nnew\n<!-- /generated:x -->\noutro\n");
  });
});
