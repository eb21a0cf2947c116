/**
 * A Node.js script run as a user's own tooling runs: in a project directory under the suite's install (so it
 * loads the installed package and @pulumi/pulumi), with the engine's environment. The script prints its result
 * as one JSON line last.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { passed, run } from "./run";
import { createProject, engineEnv } from "./stack";

export interface ScriptRun<T> {
  result: T;
  printed: string;
  dir: string;
}

export async function runNodeScript<T>(label: string, source: string, input: unknown, files: Record<string, string> = {}): Promise<ScriptRun<T>> {
  const dir = createProject({ files }, label);
  writeFileSync(join(dir, "script.js"), source);
  const env = { ...engineEnv(dir), SCRIPT_INPUT: JSON.stringify(input) };
  const r = passed(await run(process.execPath, ["script.js"], { cwd: dir, env }));
  const last = r.stdout.trim().split("\n").pop() ?? "";
  return { result: JSON.parse(last) as T, printed: r.stdout + r.stderr, dir };
}
