/**
 * A Python program under the real engine, through our Python language host (scripts/engine/python): `pulumi
 * install` makes the virtual environment the project names (offline, from the suite's wheelhouse), outputs from
 * config and a secret, `pulumi about`, and what a broken program or project gets.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { configOf, itGivesConfigOutputs } from "./support/config-outputs";
import { programFiles, programStack } from "./support/languages";
import type { EngineStack } from "./support/stack";

/** The version of `pulumi` (PyPI) the Python programs pin in requirements.txt. */
const PYTHON_SDK = /^pulumi==(.+)$/m.exec(programFiles("python-outputs")["requirements.txt"])?.[1];

interface About {
  runtime: { language: string; executable: string; version: string };
  dependencies: { name: string; version: string }[];
  plugins: { name: string; kind: string; version: string }[];
}

describe("python-outputs", () => {
  let stack: EngineStack;
  beforeAll(async () => {
    stack = await programStack("python-outputs", configOf());
  });

  it("pulumi install creates the project's virtual environment and installs its requirements there", async () => {
    expect(PYTHON_SDK).toMatch(/^3\.\d+\.\d+$/);
    const install = await stack.pulumi(["install"]);
    expect(install.code).toBe(0);
    expect(install.stdout + install.stderr).toContain("Creating virtual environment");
    expect(existsSync(join(stack.dir, "venv", "bin", "python"))).toBe(true);
  });

  it("pulumi about names the virtual environment's python and the program's packages", async () => {
    const about = JSON.parse((await stack.must(["about", "--json", "--transitive"])).stdout) as About;
    expect(about.runtime).toMatchObject({ language: "python", executable: join(stack.dir, "venv", "bin", "python") });
    expect(about.runtime.version).toMatch(/^3\.\d+\.\d+$/);
    expect(about.dependencies).toContainEqual({ name: "pulumi", version: PYTHON_SDK });
    expect(about.plugins.filter((p) => p.kind === "resource")).toEqual([]);
  });

  itGivesConfigOutputs(() => stack);
});

describe("a broken Python program or project", () => {
  it("an exception in the program fails up with its message, reported once", async () => {
    const stack = await programStack("python-outputs", {
      ...configOf(),
      files: { "__main__.py": 'import pulumi\n\nraise ValueError("the program gave up: " + pulumi.get_stack())\n' },
    });
    expect((await stack.pulumi(["install"])).code).toBe(0);
    const up = await stack.up();
    expect(up.code).not.toBe(0);
    const printed = up.stdout + up.stderr;
    expect(printed).toContain(`ValueError: the program gave up: ${stack.name}`);
    // The SDK showed the error and exited 32: the host says so, and the engine adds no vaguer second error.
    expect(printed).not.toContain("non-zero exit code");
    expect(await stack.outputs()).toEqual({});
  });

  it("a virtual environment not yet made fails the run saying how to make it", async () => {
    const stack = await programStack("python-outputs", configOf());
    const up = await stack.up();
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toMatch(/virtualenv.*venv.*doesn't exist/s);
    expect(up.stdout + up.stderr).toContain("pip install -r");
  });

  it("an unknown toolchain option is refused naming the option, its value and where to fix it", async () => {
    const stack = await programStack("python-outputs", {
      ...configOf(),
      files: { "Pulumi.yaml": "name: config-outputs\nruntime:\n  name: python\n  options:\n    toolchain: conda\n" },
    });
    const up = await stack.up();
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toMatch(/runtime option "toolchain" is conda .*one of \["pip" "uv" "poetry"\].*Pulumi\.yaml/);
  });
});
