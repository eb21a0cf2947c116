/**
 * The example folders are projects `pulumi up` (or `pulumi policy publish`) can run: a project file with the
 * nodejs runtime, a package.json linking this package, a tsconfig naming the program; the root Pulumi.yaml
 * runs the quickstart under the same project name, so the same config keys work in both. A program in this
 * repository must see the one copy of @pulumi/pulumi the package itself uses (an optional peer dependency,
 * installed at the repository root as a dev dependency), or the DomainTask would come from another copy.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLES = path.join(ROOT, "examples");
const read = (...parts: string[]) => fs.readFileSync(path.join(...parts), "utf8");
const json = (...parts: string[]) => JSON.parse(read(...parts)) as Record<string, Record<string, string> | string>;
/** A top-level scalar of a small YAML file (these project files are flat, but for `runtime`). */
const yamlValue = (text: string, key: string) => new RegExp(`^${key}:[ \\t]*(\\S.*)$`, "m").exec(text)?.[1]?.trim();
const runtimeOf = (text: string) => yamlValue(text, "runtime") ?? /^runtime:\s*\n\s+name:\s*(\S+)/m.exec(text)?.[1];

const PROGRAMS = ["quickstart", "gate-dns-change", "read-task-outputs", "testing-kit", "name-servers"];

describe.each(PROGRAMS)("examples/%s", (name) => {
  const dir = path.join(EXAMPLES, name);

  it("is a nodejs Pulumi project whose package.json links this package and whose tsconfig names the program", () => {
    const project = read(dir, "Pulumi.yaml");
    expect(yamlValue(project, "name")).toMatch(/^[\w.-]+$/);
    expect(runtimeOf(project)).toBe("nodejs");
    const pkg = json(dir, "package.json");
    expect(pkg.main).toBe("index.ts");
    expect(fs.existsSync(path.join(dir, "index.ts"))).toBe(true);
    expect((pkg.dependencies as Record<string, string>)["pulumi-alicloud-domain-tasks"]).toBe("file:../..");
    expect((json(dir, "tsconfig.json") as unknown as { files: string[] }).files).toEqual(["index.ts"]);
  });

  it("uses the repository's @pulumi/pulumi, the copy the linked package loads, rather than installing its own", () => {
    // `file:../..` links the package, which resolves @pulumi/pulumi from the repository root; a dependency
    // here would install a second copy into the example's node_modules for the program to load.
    expect(json(dir, "package.json").dependencies).not.toHaveProperty(["@pulumi/pulumi"]);
    const fromProgram = require.resolve("@pulumi/pulumi", { paths: [dir] });
    expect(fs.realpathSync(fromProgram)).toBe(fs.realpathSync(require.resolve("@pulumi/pulumi", { paths: [ROOT] })));
  });
});

it("examples/policy-pack is a nodejs policy pack depending on @pulumi/policy and this package", () => {
  const dir = path.join(EXAMPLES, "policy-pack");
  expect(runtimeOf(read(dir, "PulumiPolicy.yaml"))).toBe("nodejs");
  const pkg = json(dir, "package.json");
  expect(pkg.main).toBe("index.ts");
  expect(pkg.dependencies).toMatchObject({ "@pulumi/policy": expect.any(String), "pulumi-alicloud-domain-tasks": "file:../.." });
});

it("the root Pulumi.yaml runs the quickstart under the quickstart's project name", () => {
  const root = read(ROOT, "Pulumi.yaml");
  expect(runtimeOf(root)).toBe("nodejs");
  expect(yamlValue(root, "name")).toBe(yamlValue(read(EXAMPLES, "quickstart", "Pulumi.yaml"), "name"));
  const main = yamlValue(root, "main")!;
  expect(path.resolve(ROOT, main)).toBe(path.join(EXAMPLES, "quickstart"));
  expect(fs.existsSync(path.join(ROOT, main, "index.ts"))).toBe(true);
});
