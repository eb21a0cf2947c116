/**
 * docs/api/: the API reference of every package entry, rendered by TypeDoc (with typedoc-plugin-markdown)
 * from the TSDoc in the sources, one Markdown page per entry. TypeDoc runs as its own process (it is an ES
 * module; the docs script and jest load CommonJS) into a temporary folder, and its pages are compared with
 * or copied over docs/api/.
 *
 * Kept fast and reproducible: the program holds only the entries' folders (scripts/docs/tsconfig.api.json),
 * the type check is left to `npm run typecheck` (--skipErrorChecking), and symbols of other packages
 * (Error's statics from @types/node) are left out (--excludeExternals), so a new @types/node or
 * @pulumi/pulumi does not change the pages.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import type { GeneratedFiles } from "./sections";

const ROOT = join(__dirname, "..", "..");
export const API_FOLDER = "docs/api";

/** The package's entries (package.json "exports"); the testing kit's only once it exists. */
const ENTRIES = ["index.ts", "sdk/index.ts", "emulator/index.ts", "provider/index.ts", "provider/policies/index.ts", "testing/index.ts"];

const typedocArgs = (out: string): string[] => [
  "--plugin", "typedoc-plugin-markdown",
  "--tsconfig", join(ROOT, "scripts", "docs", "tsconfig.api.json"),
  "--entryPoints", ...ENTRIES.filter((e) => existsSync(join(ROOT, e))).map((e) => join(ROOT, e)),
  "--out", out,
  "--name", "pulumi-alicloud-domain-tasks API reference",
  "--outputFileStrategy", "modules",
  "--readme", "none",
  "--skipErrorChecking",
  "--excludeExternals",
  "--disableSources",
  "--hideGenerator",
  "--logLevel", "Error",
];

let cached: ReadonlyMap<string, string> | undefined;

/** Runs TypeDoc once per process and returns its pages by root-relative path under docs/api/. */
export const renderApiReference = (): ReadonlyMap<string, string> => {
  if (cached) return cached;
  const out = mkdtempSync(join(tmpdir(), "domain-tasks-api-"));
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typedoc", "bin", "typedoc"), ...typedocArgs(out)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const pages = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((path): [string, string] => [`${API_FOLDER}/${relative(out, path).split(sep).join("/")}`, readFileSync(path, "utf8")]);
    cached = new Map(pages);
    return cached;
  } catch (err) {
    const output = err && typeof err === "object" && "stdout" in err ? `${String(err.stdout)}${String((err as { stderr?: unknown }).stderr ?? "")}` : "";
    throw new Error(`TypeDoc could not render ${API_FOLDER}/ (run npm ci to install it, then npm run docs): ${output || String(err)}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};

export const API_FILES: GeneratedFiles = { folder: API_FOLDER, render: renderApiReference };
