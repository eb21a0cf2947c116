/**
 * The package as users get it: `npm pack`, installed into a fresh project, and small programs for every entry
 * type-checked (and run) under the settings users really have - the `pulumi new typescript` template
 * (node10 resolution, no esModuleInterop, no skipLibCheck), node16, and an ES module on nodenext.
 *
 * Requires `npm run build` (dist/ is packed as it is). Offline: the project installs the tarball and
 * @types/node from npm's cache, and finds @pulumi/pulumi and TypeScript in this repository's node_modules
 * (linked one directory above it, where npm does not prune).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { mainProgram, NODE16, NODENEXT_ESM, programFile, PROGRAMS, STOCK_TEMPLATE } from "./programs";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE = "pulumi-alicloud-domain-tasks";
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");

interface Run {
  code: number;
  output: string;
}

const run = (command: string, args: string[], cwd: string): Promise<Run> =>
  new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: "false" } }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, output: `${stdout}${stderr}` }),
    );
  });

const npm = (args: string[], cwd: string): Promise<Run> => run(process.platform === "win32" ? "npm.cmd" : "npm", args, cwd);

/**
 * tsc's diagnostics, without the file list `--listFiles` adds, and without @pulumi/policy's own: its
 * index.d.ts (1.21.0, the newest) re-exports two names its proxy.d.ts leaves out, which every program that
 * imports @pulumi/policy without `skipLibCheck` sees, with or without this package.
 */
const diagnostics = (output: string): string =>
  output
    .split("\n")
    .filter((line) => line.trim() !== "" && !path.isAbsolute(line.trim()))
    .filter((line) => !/node_modules\/@pulumi\/policy\/index\.d\.ts\(\d+,\d+\): error TS2305: Module '"\.\/proxy"' has no exported member/.test(line))
    .join("\n");

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  exports: Record<string, { types: string } | string>;
  typesVersions: Record<string, Record<string, string[]>>;
};

let work: string;
let packed: string[];
let installed: string;
let project: string;
/** The entries this build has (./testing appears once its module exists). */
let entries: string[];
let stock: Promise<Run>;
let node16: Promise<Run>;
let esm: Promise<Run>;

/** A project folder with `files` written, type-checked (and emitted to bin/) under `options`. */
function writeProject(dir: string, options: object, extraPackageJson: object = {}): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of entries) fs.writeFileSync(path.join(dir, programFile(entry)), PROGRAMS[entry]);
  fs.writeFileSync(path.join(dir, "main.ts"), mainProgram(entries));
  const files = ["main.ts", ...entries.map(programFile)];
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files }, null, 2));
  if (Object.keys(extraPackageJson).length > 0) fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(extraPackageJson));
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "dist", "index.d.ts"))) throw new Error("dist/ is missing: run `npm run build` first");
  work = fs.mkdtempSync(path.join(os.tmpdir(), "domain-tasks-package-"));
  // Scripts off: `prepare` would rebuild dist/ (the suite's own build already made it).
  const pack = await npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
  expect(pack.code).toBe(0);
  const [{ filename, files }] = JSON.parse(pack.output.slice(pack.output.indexOf("["))) as [{ filename: string; files: { path: string }[] }];
  packed = files.map((f) => f.path);

  // The project, and the repository's node_modules one level up (Node and tsc look there after the project's own).
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(work, "node_modules"), "dir");
  project = path.join(work, "project");
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "user-program", private: true }));
  // @types/node as the Pulumi template has it (a devDependency): without it npm hoists an old one of a dependency's.
  const typesNode = (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "@types", "node", "package.json"), "utf8")) as { version: string }).version;
  const install = await npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", path.join(work, filename), `@types/node@${typesNode}`], project);
  expect(install.output).not.toMatch(/npm (ERR|error)/);
  expect(install.code).toBe(0);
  installed = path.join(project, "node_modules", PACKAGE);

  entries = Object.keys(PROGRAMS).filter((entry) => entry !== "./testing" || packed.includes("dist/testing/index.d.ts"));
  const cjs = path.join(project, "stock");
  const cjs16 = path.join(project, "node16");
  const mjs = path.join(project, "esm");
  writeProject(cjs, STOCK_TEMPLATE);
  writeProject(cjs16, NODE16);
  writeProject(mjs, NODENEXT_ESM, { type: "module" });
  // Started together (two cores); each test awaits its own.
  stock = run(process.execPath, [TSC, "-p", cjs, "--pretty", "false", "--listFiles"], cjs);
  node16 = run(process.execPath, [TSC, "-p", cjs16, "--pretty", "false"], cjs16);
  esm = run(process.execPath, [TSC, "-p", mjs, "--pretty", "false"], mjs);
}, 120_000);

afterAll(async () => {
  // Let the compilers finish before their folder goes.
  await Promise.allSettled([stock, node16, esm]);
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("the tarball", () => {
  it("ships the license, changelog, readme, CLI and bundled scenarios", () => {
    for (const file of ["LICENSE", "CHANGELOG.md", "README.md", "bin/domain-tasks.js", "emulator/scenarios/demo.json", "package.json"]) {
      expect(packed).toContain(file);
    }
    expect(fs.readFileSync(path.join(installed, "LICENSE"), "utf8")).toContain("Apache License");
  });

  it("ships no source maps, benchmarks, tests, sources or declarations nothing imports", () => {
    const unwanted = packed.filter((f) =>
      f.endsWith(".map") || f.startsWith("dist/bench/") || f.startsWith("test/") || /^dist\/cli\/.*\.d\.ts$/.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts")));
    expect(unwanted).toEqual([]);
  });

  it("maps every export to its declarations for node10 resolution too (typesVersions)", () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json");
    const mapped = Object.fromEntries(subpaths.map((k) => [k.slice(2), [(pkg.exports[k] as { types: string }).types.replace(/^\.\//, "")]]));
    expect(pkg.typesVersions["*"]).toEqual(mapped);
    expect(Object.keys(pkg.exports).filter((k) => k !== "./package.json").sort()).toEqual(Object.keys(PROGRAMS).sort());
  });
});

describe("a user's program", () => {
  /** Compiled without a diagnostic (tsc's exit code also counts @pulumi/policy's own: see `diagnostics`), and runs. */
  const expectCompilesAndRuns = async (compiled: Promise<Run>, folder: string): Promise<void> => {
    expect(diagnostics((await compiled).output)).toBe("");
    const started = await run(process.execPath, ["bin/main.js"], path.join(project, folder));
    expect(started.output.trim()).toBe(`loaded ${entries.length} entries`);
  };

  it("type-checks every entry under the `pulumi new typescript` tsconfig, and runs", async () => {
    await expectCompilesAndRuns(stock, "stock");
  }, 120_000);

  it("loads no zod declarations: zod stays an implementation detail", async () => {
    const loaded = (await stock).output.split("\n").map((l) => l.trim()).filter((l) => path.isAbsolute(l));
    const ours = loaded.filter((f) => f.includes(`${path.sep}${PACKAGE}${path.sep}`));
    expect(ours.length).toBeGreaterThan(entries.length);
    expect(loaded.filter((f) => f.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`))).toEqual([]);
    expect(ours.filter((f) => /from ["']zod|import\(["']zod/.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(installed, f))).toEqual([]);
  }, 120_000);

  it("type-checks every entry under module/moduleResolution node16, and runs", async () => {
    await expectCompilesAndRuns(node16, "node16");
  }, 120_000);

  it("type-checks every entry from an ES module (nodenext), and runs", async () => {
    await expectCompilesAndRuns(esm, "esm");
  }, 120_000);
});
