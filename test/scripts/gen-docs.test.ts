/** The generated parts of the docs are current: run `npm run docs` when this fails. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT, SECTIONS, staleFiles } from "../../scripts/gen-docs";
import { API_FILES } from "../../scripts/docs/api-reference";
import { SCHEMA_FILES } from "../../scripts/docs/schemas";
import { spliceSection } from "../../scripts/docs/sections";

/** A copy of the given docs files and folders, with `edit` applied to `file`. */
const copyWith = (paths: readonly string[], file: string, edit: (text: string) => string): string => {
  const root = mkdtempSync(join(tmpdir(), "gen-docs-"));
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    cpSync(join(ROOT, path), join(root, path), { recursive: true });
  }
  writeFileSync(join(root, file), edit(readFileSync(join(root, file), "utf8")));
  return root;
};

describe("generated docs", () => {
  // TypeDoc renders docs/api/ once per process (about 10 s on a busy 2-core machine); later tests reuse it.
  it("are current (else: npm run docs)", () => {
    expect(staleFiles()).toEqual([]);
  }, 120_000);

  it("are stale when a flag row no longer matches cli/options.ts", () => {
    const root = copyWith(["docs/cli.md"], "docs/cli.md", (text) => text.replace("| `--port` | `<n>` |", "| `--port` | `<number>` |"));
    expect(staleFiles(SECTIONS, root, [])).toEqual(["docs/cli.md"]);
  });

  it("are stale when a JSON Schema no longer matches its zod schema, or one is left over", () => {
    const root = copyWith(["docs/schemas"], "docs/schemas/scenario.schema.json", (text) => text.replace('"domainName"', '"domain"'));
    writeFileSync(join(root, "docs/schemas/old.schema.json"), "{}\n");
    expect(staleFiles([], root, [SCHEMA_FILES]).sort()).toEqual(["docs/schemas/old.schema.json", "docs/schemas/scenario.schema.json"]);
  });

  it("are stale when an API page no longer matches the TSDoc, or a page is left over", () => {
    const root = copyWith(["docs/api"], "docs/api/sdk.md", (text) => `${text}\nan edit by hand\n`);
    writeFileSync(join(root, "docs/api/removed-entry.md"), "# gone\n");
    expect(staleFiles([], root, [API_FILES]).sort()).toEqual(["docs/api/removed-entry.md", "docs/api/sdk.md"]);
  }, 120_000);

  it("cover every flag, including the emulator's, and every exit code", () => {
    const text = readFileSync(join(ROOT, "docs", "cli.md"), "utf8");
    for (const flag of ["`--endpoint`", "`--no-fail-fast`", "`--json`", "`--verbose`", "`--no-color`", "`--port`", "`--no-admin`"]) {
      expect(text).toContain(flag);
    }
    expect(text).toContain("| `130` | interrupted (Ctrl-C) |");
  });

  it("describe the scenario a user writes and the -o json document the CLI prints", () => {
    const scenario = JSON.parse(readFileSync(join(ROOT, "docs/schemas/scenario.schema.json"), "utf8"));
    expect(scenario.required).toEqual(["tasks"]);
    expect(scenario.additionalProperties).toBe(false);
    expect(Object.keys(scenario.properties.tasks.items.properties)).toEqual(["description", "taskNo", "taskType", "details", "batch", "quirks"]);
    const outcome = JSON.parse(readFileSync(join(ROOT, "docs/schemas/outcome.schema.json"), "utf8"));
    expect(outcome.required).toEqual(expect.arrayContaining(["taskNo", "status", "succeeded", "verified", "counts", "failed", "details", "anomalies"]));
    expect(outcome.properties.status.enum).toEqual(["WAITING_EXECUTE", "EXECUTING", "EXECUTE_SUCCESS", "EXECUTE_FAILURE"]);
  });

  it("document every entry of the package in docs/api/", () => {
    const pages = [...API_FILES.render().keys()];
    expect(pages).toEqual(expect.arrayContaining(["docs/api/index.md", "docs/api/sdk.md", "docs/api/emulator.md", "docs/api/provider.md", "docs/api/provider/policies.md"]));
    const sdk = readFileSync(join(ROOT, "docs/api/index.md"), "utf8");
    for (const name of ["DomainTaskClient", "waitForTask", "readTaskOutcome", "DomainTask", "getTaskDetailsOutput"]) expect(sdk).toContain(`### ${name}`);
  }, 120_000);

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
