/**
 * Our Node.js language host (scripts/engine/nodejs), through the commands that call it: `preview`/`up` (Run: the
 * stack's settings, config and secrets, runtime options, entry points, how a failing program ends), `plugin
 * install` (GetRequiredPackages: the plugins a program's node_modules declare), `about` (About,
 * GetProgramDependencies) and `install` (InstallDependencies). A released CLI's own host must pass the same tests.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { program } from "./support/programs";
import { passed, run } from "./support/run";
import { createProject, engineEnv, EngineStack } from "./support/stack";
import { suite } from "./support/suite";

const yaml = (name: string, options: string, extra = "") => `name: ${name}\nruntime:\n  name: nodejs\n  options:\n${options}\n${extra}`;

describe("Run: what reaches the program", () => {
  let stack: EngineStack;

  beforeAll(async () => {
    stack = await EngineStack.create({
      files: {
        ...program(
          "run-settings",
          `import { writeFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
const config = new pulumi.Config();
export const project = pulumi.getProject();
export const stack = pulumi.getStack();
export const organization = pulumi.getOrganization();
export const rootDirectory = pulumi.getRootDirectory();
export const dryRun = pulumi.runtime.isDryRun();
export const execArgv = process.execArgv;
export const plain = config.require("plain");
export const token = config.requireSecret("token");
// Leaves a mark of how it ran: a preview runs it as a dry run, an update not.
writeFileSync(pulumi.runtime.isDryRun() ? "ran-as-preview" : "ran-as-update", "");
`,
        ),
        "Pulumi.yaml": yaml("run-settings", '    typescript: true\n    nodeargs: "--max-old-space-size=333 --stack-size=2000"'),
      },
      config: { plain: "plain-value" },
      secrets: { token: "token-value-58ac" },
    });
  });

  it("the stack's names, the config with its secrets marked, and the nodeargs option", async () => {
    passed(await stack.up());
    const outputs = JSON.parse((await stack.must(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<string, unknown>;
    expect(outputs).toMatchObject({
      project: "run-settings",
      stack: stack.name,
      organization: "organization",
      rootDirectory: stack.dir,
      dryRun: false,
      plain: "plain-value",
      token: "token-value-58ac",
    });
    expect(outputs.execArgv).toEqual(expect.arrayContaining(["--max-old-space-size=333", "--stack-size=2000"]));
    expect((await stack.outputs()).token).toBe("[secret]");
  });

  it("preview runs the program as a dry run, up not", async () => {
    expect(existsSync(join(stack.dir, "ran-as-update"))).toBe(true);
    expect(existsSync(join(stack.dir, "ran-as-preview"))).toBe(false);
    passed(await stack.preview());
    expect(existsSync(join(stack.dir, "ran-as-preview"))).toBe(true);
  });
});

it("a JavaScript program (typescript: false) under `main`, started from its package.json's main", async () => {
  const stack = await EngineStack.create({
    files: {
      "Pulumi.yaml": yaml("run-javascript", "    typescript: false", "main: app/\n"),
      "app/package.json": JSON.stringify({ name: "run-javascript", main: "entry.js" }),
      "app/entry.js": 'exports.started = __filename.split("/").slice(-2).join("/");\nexports.cwd = process.cwd();\n',
    },
  });
  passed(await stack.up());
  expect(await stack.outputs()).toEqual({ started: "app/entry.js", cwd: join(stack.dir, "app") });
});

it("a program that throws fails the preview with its own message, once (the host bails on exit code 32)", async () => {
  const stack = await EngineStack.create({ files: program("run-throws", 'throw new Error("the program gave up: 7c1d");\n') });
  const preview = await stack.preview();
  expect(preview.code).not.toBe(0);
  expect(preview.stdout + preview.stderr).toContain("the program gave up: 7c1d");
  expect(preview.stdout + preview.stderr).not.toContain("Program exited with non-zero exit code");
});

it("a runtime option of the wrong type is refused, naming the option, its value and the fix", async () => {
  const stack = await EngineStack.create({ files: { ...program("run-bad-option", "export const x = 1;\n"), "Pulumi.yaml": yaml("run-bad-option", '    typescript: "yes"') } });
  const preview = await stack.preview();
  expect(preview.code).not.toBe(0);
  expect(preview.stdout + preview.stderr).toContain('runtime option "typescript" is yes (string); it must be true or false');
});

it("with type checking on (a user's default), a type error stops the preview and a correct program passes", async () => {
  const broken = await EngineStack.create({ files: program("run-type-error", 'const n: number = "not a number";\nexport const value = n;\n'), typecheck: true });
  const failed = await broken.preview();
  expect(failed.code).not.toBe(0);
  expect(failed.stdout + failed.stderr).toMatch(/TS2322|not assignable to type 'number'/);
  const fine = await EngineStack.create({ example: "quickstart", config: { taskNo: "T-typecheck" }, typecheck: true });
  passed(await fine.preview());
});

it("GetRequiredPackages: `plugin install` fetches the plugin @pulumi/command declares - stopped at the loopback proxy", async () => {
  const stack = await EngineStack.create({ example: "name-servers" });
  // The program's own node_modules, as `npm install` in the example would leave it (the suite installs one level up).
  mkdirSync(join(stack.dir, "node_modules", "@pulumi"), { recursive: true });
  symlinkSync(join(suite().root, "node_modules", "@pulumi", "command"), join(stack.dir, "node_modules", "@pulumi", "command"));
  const install = await stack.pulumi(["plugin", "install"]);
  expect(install.code).not.toBe(0);
  expect(install.stdout + install.stderr).toContain("[resource plugin command-1.2.1] installing");
  expect(install.stdout + install.stderr).toContain("proxyconnect tcp: dial tcp 127.0.0.1:9");
});

it("About and GetProgramDependencies: `pulumi about` names node, npm and the installed packages", async () => {
  const stack = await EngineStack.create({ example: "quickstart" });
  const about = JSON.parse(passed(await stack.pulumi(["about", "--json"])).stdout) as {
    runtime: Record<string, string>;
    dependencies: { name: string; version: string }[];
  };
  expect(about.runtime).toMatchObject({ language: "nodejs", executable: expect.stringMatching(/node$/), version: process.version, packagemanager: "npm" });
  expect(about.dependencies).toEqual(
    expect.arrayContaining([
      { name: "@pulumi/pulumi", version: suite().installed["@pulumi/pulumi"] },
      { name: "pulumi-alicloud-domain-tasks", version: expect.any(String) },
    ]),
  );
});

it("InstallDependencies: `pulumi install` runs npm in the project and streams its output", async () => {
  const stack = await EngineStack.create({ files: { ...program("install-deps", "export const x = 1;\n"), "package.json": JSON.stringify({ name: "install-deps", private: true, main: "index.ts" }) } });
  const install = passed(await stack.pulumi(["install"]));
  expect(install.stdout).toContain(`Installing dependencies in ${stack.dir}`);
  expect(install.stdout).toContain("Finished installing dependencies");
  expect(existsSync(join(stack.dir, "package-lock.json"))).toBe(true);
});

it("GenerateProject: `convert --from pcl --language typescript` writes a project that then runs", async () => {
  const dir = createProject({ files: { "main.pp": 'config "taskNo" "string" {}\noutput "echo" {\n  value = "task ${taskNo}"\n}\n' } }, "pcl");
  // The CLI's own state lives elsewhere: convert copies the source directory's other files into the project.
  const env = engineEnv(createProject({}, "pcl-env"));
  passed(await run(suite().cli.bin, ["convert", "--from", "pcl", "--language", "typescript", "--out", "converted", "--generate-only"], { cwd: dir, env }));
  const converted = join(dir, "converted");
  const generated = readdirSync(converted).filter((f) => !f.startsWith("."));
  expect(generated.sort()).toEqual(["Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"]);
  expect(readFileSync(join(converted, "index.ts"), "utf8")).toContain('config.require("taskNo")');
  const files = Object.fromEntries(generated.map((f) => [f, readFileSync(join(converted, f), "utf8")]));
  const stack = await EngineStack.create({ files, config: { taskNo: "T-42" } });
  passed(await stack.up());
  expect(await stack.outputs()).toEqual({ echo: "task T-42" });
});

it("GeneratePackage: `package gen-sdk --language nodejs` writes the SDK of a schema", async () => {
  const schema = {
    name: "gatekeeper",
    version: "0.0.1",
    resources: {
      "gatekeeper:index:Gate": {
        properties: { taskNo: { type: "string" } },
        required: ["taskNo"],
        inputProperties: { taskNo: { type: "string" } },
        requiredInputs: ["taskNo"],
      },
    },
    language: { nodejs: { packageName: "@example/gatekeeper" } },
  };
  const dir = createProject({ files: { "schema.json": JSON.stringify(schema) } }, "gen-sdk");
  passed(await run(suite().cli.bin, ["package", "gen-sdk", "schema.json", "--language", "nodejs", "--out", "sdk"], { cwd: dir, env: engineEnv(dir) }));
  const sdk = join(dir, "sdk", "nodejs");
  expect(JSON.parse(readFileSync(join(sdk, "package.json"), "utf8")).name).toBe("@example/gatekeeper");
  expect(readFileSync(join(sdk, "gate.ts"), "utf8")).toMatch(/export class Gate extends pulumi\.CustomResource/);
});
