/**
 * The engine suite's one-time setup, shared by every test file: the package as users install it (`npm pack` of
 * this checkout, installed with the repository's own @pulumi/pulumi, @pulumi/policy and TypeScript versions) in a
 * temporary directory, where each test copies its Pulumi project. Nothing is written into the repository.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, resolvePulumi, type EngineCli } from "./cli";

/** What global setup prepared; test files read it with `suite()`. */
export interface Suite {
  root: string;
  cli: EngineCli;
  /** Versions installed beside the package, by name. */
  installed: Record<string, string>;
}

const SUITE_FILE_VAR = "DOMAIN_TASKS_ENGINE_SUITE";
/**
 * Installed next to the packed package, at the versions this checkout has (one copy of @pulumi/pulumi).
 * @pulumi/command is the examples' neighbour resource; its provider plugin cannot be built here (its Go module is
 * not served), so the suite only checks that the engine asks for it.
 */
const COMPANIONS = ["@pulumi/pulumi", "@pulumi/policy", "@pulumi/command", "typescript", "ts-node"];

const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(REPO, "node_modules", name, "package.json"), "utf8")) as { version: string }).version.replace(/^v/, "");

export function installSuite(): Suite {
  const cli = resolvePulumi();
  if (!existsSync(join(REPO, "dist", "index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first (npm run test:engine does)");
  }
  const root = mkdtempSync(join(tmpdir(), "domain-tasks-engine-"));
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", root], { cwd: REPO, encoding: "utf8" })
    .trim().split("\n").pop() as string;
  const installed = Object.fromEntries(COMPANIONS.map((name) => [name, installedVersion(name)]));
  const manifest = {
    name: "domain-tasks-engine-suite",
    private: true,
    dependencies: { "pulumi-alicloud-domain-tasks": `file:./${packed}`, ...installed },
  };
  writeFileSync(join(root, "package.json"), JSON.stringify(manifest, null, 2));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: root, stdio: "inherit" });
  mkdirSync(join(root, "projects"));
  const suite: Suite = { root, cli, installed };
  const file = join(root, "suite.json");
  writeFileSync(file, JSON.stringify(suite, null, 2));
  process.env[SUITE_FILE_VAR] = file;
  return suite;
}

export function suite(): Suite {
  const file = process.env[SUITE_FILE_VAR];
  if (!file) throw new Error("the engine suite was not set up: run it with `npm run test:engine` (jest -c jest.engine.config.js)");
  return JSON.parse(readFileSync(file, "utf8")) as Suite;
}

export { SUITE_FILE_VAR };
