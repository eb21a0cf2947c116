/**
 * Which `pulumi` the engine suite runs. By default the one `npm run engine:build` put in .engine/bin (with our
 * Node.js language host and the dynamic-provider launcher beside it); DOMAIN_TASKS_PULUMI=path runs the `pulumi`
 * on PATH, and DOMAIN_TASKS_PULUMI=/some/bin/pulumi that binary - a released CLI uses its own bundled plugins.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";

export const REPO = resolve(__dirname, "../../..");

export interface EngineCli {
  /** The `pulumi` binary. */
  bin: string;
  /** Its directory: first on PATH for every command, so the plugins bundled beside it are the ones found. */
  binDir: string;
  /** What `pulumi version` printed, e.g. v3.276.0. */
  version: string;
  /** Where it came from, for the suite's first line. */
  source: string;
}

const executable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export function resolvePulumi(choice = process.env.DOMAIN_TASKS_PULUMI): EngineCli {
  let bin: string | undefined;
  let source: string;
  if (!choice) {
    bin = join(REPO, ".engine", "bin", "pulumi");
    source = ".engine/bin (npm run engine:build)";
    if (!executable(bin)) {
      throw new Error(`no Pulumi CLI at ${bin}: run \`npm run engine:build\` (needs Go), or set DOMAIN_TASKS_PULUMI=path ` +
        "to use the pulumi on your PATH (or DOMAIN_TASKS_PULUMI=/path/to/pulumi)");
    }
  } else if (choice === "path") {
    bin = (process.env.PATH ?? "").split(delimiter).map((d) => join(d, "pulumi")).find(executable);
    source = "PATH (DOMAIN_TASKS_PULUMI=path)";
    if (!bin) throw new Error("DOMAIN_TASKS_PULUMI=path, but there is no pulumi on PATH: install the Pulumi CLI or unset it");
  } else {
    bin = resolve(choice);
    source = `DOMAIN_TASKS_PULUMI=${choice}`;
    if (!executable(bin)) throw new Error(`DOMAIN_TASKS_PULUMI=${choice}: ${bin} is not an executable pulumi binary`);
  }
  const version = execFileSync(bin, ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }).trim();
  return { bin, binDir: dirname(bin), version, source };
}
