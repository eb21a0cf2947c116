/**
 * `npm run plugin:pack [-- --out DIR]`: the plugin's release archives, for
 * `pulumi plugin install resource alicloud-domain-tasks <version> --file <archive>` (docs/plugin.md).
 *
 * An archive holds the launcher `pulumi-resource-alicloud-domain-tasks` at its root (the name the engine runs) and a
 * node_modules/ with this package (package.json, LICENSE, README.md, dist/) and what the plugin loads at run time:
 * this package's dependencies, @pulumi/pulumi's protobufs (its package.json and proto/ only, none of its runtime)
 * and the gRPC and protobuf runtimes they use - every one copied from this checkout's node_modules, so packing needs
 * no network. Everything is JavaScript, so one archive serves every platform; it is written under each name
 * `pulumi plugin install --server` looks for (`pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz`). Node.js 20 or
 * later must be on the PATH where it runs.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

const ROOT = join(__dirname, "..");
const PLUGIN = "alicloud-domain-tasks";
const LAUNCHER = `pulumi-resource-${PLUGIN}`;
const PLATFORMS = ["linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64"];

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;

/** The folder of package `name` as Node would find it from `from` (walking up the node_modules folders). */
const packageDir = (name: string, from: string): string => {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`plugin:pack: ${name} (needed from ${relative(ROOT, from) || "."}) is not installed; run npm ci`);
  }
};

/** Every package `name` needs at run time, itself included: folder -> its path under node_modules. */
const closure = (names: readonly string[], from: string, into = new Map<string, string>()): Map<string, string> => {
  for (const name of names) {
    const dir = packageDir(name, from);
    if (into.has(dir)) continue;
    into.set(dir, relative(join(ROOT, "node_modules"), dir));
    closure(Object.keys(manifestOf(dir).dependencies ?? {}), dir, into);
  }
  return into;
};

export function packPlugin(out: string): string[] {
  if (!existsSync(join(ROOT, "dist", "provider", "plugin", "main.js"))) throw new Error("plugin:pack: dist/ is not built; run npm run build first");
  const self = manifestOf(ROOT);
  const stage = mkdtempSync(join(tmpdir(), "plugin-pack-"));
  try {
    const modules = join(stage, "node_modules");
    const own = join(modules, self.name);
    mkdirSync(own, { recursive: true });
    for (const file of ["package.json", "LICENSE", "README.md"]) copyFileSync(join(ROOT, file), join(own, file));
    cpSync(join(ROOT, "dist"), join(own, "dist"), { recursive: true, filter: (src) => !src.endsWith(".map") && !src.includes(`${join("dist", "bench")}`) });

    // @pulumi/pulumi: its package.json and protobufs; then what they and this package load.
    const pulumi = packageDir("@pulumi/pulumi", ROOT);
    mkdirSync(join(modules, "@pulumi", "pulumi"), { recursive: true });
    copyFileSync(join(pulumi, "package.json"), join(modules, "@pulumi", "pulumi", "package.json"));
    cpSync(join(pulumi, "proto"), join(modules, "@pulumi", "pulumi", "proto"), { recursive: true });
    const needed = closure(Object.keys(self.dependencies ?? {}), ROOT);
    closure(["@grpc/grpc-js", "google-protobuf"], pulumi, needed);
    for (const [dir, path] of needed) {
      if (path.startsWith("..")) throw new Error(`plugin:pack: ${dir} is outside node_modules`);
      cpSync(dir, join(modules, path), { recursive: true });
    }

    const launcher = join(stage, LAUNCHER);
    writeFileSync(launcher, readFileSync(join(ROOT, "bin", LAUNCHER), "utf8").replace('require("../dist/', `require("./node_modules/${self.name}/dist/`));
    chmodSync(launcher, 0o755);

    mkdirSync(out, { recursive: true });
    const archives = PLATFORMS.map((platform) => join(out, `${LAUNCHER}-v${self.version}-${platform}.tar.gz`));
    execFileSync("tar", ["-czf", archives[0], "-C", stage, "."]);
    for (const archive of archives.slice(1)) copyFileSync(archives[0], archive);
    return archives;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const at = process.argv.indexOf("--out");
  const out = at >= 0 ? process.argv[at + 1] : join(ROOT, "dist-plugin");
  for (const archive of packPlugin(out)) process.stdout.write(`${relative(process.cwd(), archive)}\n`);
}
