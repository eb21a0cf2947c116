/**
 * SDK generation through our Python and Go language hosts under the real engine: `pulumi package gen-sdk` of a
 * small local schema (test/engine/programs/sdkgen-schema.json) writes SDKs that compile; a schema that does not
 * validate is refused naming the property; `pulumi package add` links a generated SDK into a Python and a Go project,
 * whose programs then import it, and the engine learns from the host which plugin the SDK needs.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { configOf, expectedOutputs } from "./support/config-outputs";
import { languageEnv, programFiles, programStack, SDK_SCHEMA } from "./support/languages";
import { engineEnv } from "./support/stack";
import { run } from "./support/run";
import { suite } from "./support/suite";

const schema = JSON.parse(readFileSync(SDK_SCHEMA, "utf8")) as { name: string; version: string };

/** `pulumi package gen-sdk` in a directory of its own, offline. */
async function genSdk(schemaFile: string, language: string) {
  const dir = mkdtempSync(join(suite().root, "gen-sdk-"));
  const env = { ...engineEnv(dir), ...languageEnv() };
  const result = await run(suite().cli.bin, ["--color", "never", "package", "gen-sdk", schemaFile, "--language", language, "--out", join(dir, "sdk")], { cwd: dir, env });
  return { dir, env, result, out: join(dir, "sdk", language) };
}

const plugins = (about: string): { name: string; kind: string; version: string }[] =>
  (JSON.parse(about) as { plugins: { name: string; kind: string; version: string }[] }).plugins.filter((p) => p.kind === "resource");

describe("pulumi package gen-sdk", () => {
  it("--language python writes a package that compiles, with the plugin it needs", async () => {
    const { result, out, env } = await genSdk(SDK_SCHEMA, "python");
    expect(result.code).toBe(0);
    const pkg = join(out, `pulumi_${schema.name}`);
    for (const file of ["__init__.py", "gate.py", "get_task.py", "provider.py", "outputs.py", "config/vars.py"]) {
      expect(existsSync(join(pkg, file))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(pkg, "pulumi-plugin.json"), "utf8"))).toEqual({ resource: true, name: schema.name });
    execFileSync("python3", ["-m", "compileall", "-q", out], { env, stdio: "pipe" });
  });

  it("--language go writes a package that builds", async () => {
    const { result, out, env } = await genSdk(SDK_SCHEMA, "go");
    expect(result.code).toBe(0);
    const files = programFiles("go-outputs");
    writeFileSync(join(out, "go.mod"), files["go.mod"].replace(/^module .*$/m, `module example.com/pulumi-${schema.name}/sdk/go`));
    writeFileSync(join(out, "go.sum"), files["go.sum"]);
    execFileSync("go", ["build", "./..."], { cwd: out, env, stdio: "pipe" });
    expect(existsSync(join(out, schema.name, "gate.go"))).toBe(true);
    expect(existsSync(join(out, schema.name, "getTask.go"))).toBe(true);
  });

  it.each(["python", "go"])("--language %s refuses a schema that does not validate, naming the property, writing nothing", async (language) => {
    const broken = JSON.parse(readFileSync(SDK_SCHEMA, "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    broken.resources["tasksdemo:index:Gate"].inputProperties.timeoutSeconds.type = "duration";
    const dir = mkdtempSync(join(suite().root, "broken-schema-"));
    const file = join(dir, "schema.json");
    writeFileSync(file, JSON.stringify(broken));
    const { result, out } = await genSdk(file, language);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("tasksdemo:index:Gate/inputProperties/timeoutSeconds/type: unknown type kind duration");
    expect(existsSync(join(out, language === "go" ? schema.name : `pulumi_${schema.name}`))).toBe(false);
  });
});

describe("pulumi package add", () => {
  it("links the generated SDK into a Python project: requirements.txt, the install, the import, the plugin", async () => {
    const stack = await programStack("python-outputs", configOf());
    const add = await stack.pulumi(["package", "add", SDK_SCHEMA]);
    expect(add.code).toBe(0);
    expect(add.stdout).toContain(`import pulumi_${schema.name} as ${schema.name}`);
    expect(readFileSync(join(stack.dir, "requirements.txt"), "utf8").split("\n")).toContain(`sdks/${schema.name}`);
    const main = readFileSync(join(stack.dir, "__main__.py"), "utf8");
    writeFileSync(join(stack.dir, "__main__.py"), `${main}\nimport pulumi_${schema.name} as ${schema.name}\n\npulumi.export("sdk", ${schema.name}.Gate.__name__)\n`);
    expect(plugins((await stack.must(["about", "--json"])).stdout)).toEqual([{ name: schema.name, kind: "resource", version: schema.version }]);
    expect((await stack.up()).code).toBe(0);
    expect(await stack.outputs()).toEqual({ ...expectedOutputs(stack.name), sdk: "Gate" });
  });

  it("links the generated SDK into a Go project: go.mod's require and replace, the build, the plugin", async () => {
    const stack = await programStack("go-outputs", configOf());
    const add = await stack.pulumi(["package", "add", SDK_SCHEMA]);
    expect(add.code).toBe(0);
    const importPath = `example.com/pulumi-${schema.name}/sdk/go/${schema.name}`;
    expect(add.stdout).toContain(`import "${importPath}"`);
    const goMod = readFileSync(join(stack.dir, "go.mod"), "utf8");
    expect(goMod).toContain(`example.com/pulumi-${schema.name}/sdk/go => ./sdks/${schema.name}`);
    const main = readFileSync(join(stack.dir, "main.go"), "utf8")
      .replace("import (", `import (\n\t"fmt"\n\t"${importPath}"`)
      .replace("return nil", `ctx.Export("sdk", pulumi.String(fmt.Sprintf("%T", ${schema.name}.GateArgs{})))\n\t\treturn nil`);
    writeFileSync(join(stack.dir, "main.go"), main);
    expect((await stack.pulumi(["install", "--no-plugins"])).code).toBe(0);
    expect(plugins((await stack.must(["about", "--json"])).stdout)).toEqual([{ name: schema.name, kind: "resource", version: schema.version }]);
    expect((await stack.up()).code).toBe(0);
    expect(await stack.outputs()).toEqual({ ...expectedOutputs(stack.name), sdk: `${schema.name}.GateArgs` });
  });
});
