/**
 * A Pulumi YAML program under the real engine, through Pulumi's own YAML language host (pulumi-yaml, built by
 * `npm run engine:build`): outputs from config and a secret, and what a broken program gets.
 */
import { configOf, itGivesConfigOutputs } from "./support/config-outputs";
import { programStack } from "./support/languages";
import type { EngineStack } from "./support/stack";

describe("yaml-outputs", () => {
  let stack: EngineStack;
  beforeAll(async () => {
    stack = await programStack("yaml-outputs", configOf());
  });
  itGivesConfigOutputs(() => stack);
});

describe("a broken YAML program", () => {
  it("up fails naming what the program refers to that does not exist, and exports nothing", async () => {
    const stack = await programStack("yaml-outputs", {
      ...configOf(),
      files: { "Pulumi.yaml": "name: config-outputs\nruntime: yaml\noutputs:\n  missing: ${notDeclared}\n" },
    });
    const up = await stack.up();
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toContain("notDeclared");
    expect(await stack.outputs()).toEqual({});
  });

  it("a required config value left unset fails the run naming the key", async () => {
    const stack = await programStack("yaml-outputs", { secrets: configOf().secrets });
    const up = await stack.up();
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toMatch(/greeting/);
  });
});
