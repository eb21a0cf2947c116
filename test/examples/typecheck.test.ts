/**
 * `tsc --noEmit` over every example, against the built package's declarations (examples/tsconfig.check.json
 * maps the package name to dist/, so the examples need no `npm install` of their own). Requires `npm run build`.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

it("type-checks every example program", async () => {
  const tsc = require.resolve("typescript/bin/tsc");
  const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(process.execPath, [tsc, "-p", "examples/tsconfig.check.json"], { cwd: ROOT }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, output: stdout + stderr }),
    );
  });
  expect(result.output).toBe("");
  expect(result.code).toBe(0);
}, 120_000);
