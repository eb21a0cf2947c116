/**
 * A Go program under the real engine, through our Go language host (scripts/engine/golang): the host builds the
 * program and hands it the stack's settings in the environment; outputs from config and a secret, `pulumi about`,
 * a program that fails, one that does not compile, and a prebuilt binary.
 */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { configOf, expectedOutputs, itGivesConfigOutputs } from "./support/config-outputs";
import { programFiles, programStack } from "./support/languages";
import type { EngineStack } from "./support/stack";

/** The github.com/pulumi/pulumi/sdk/v3 version the Go program requires. */
const GO_SDK = /github\.com\/pulumi\/pulumi\/sdk\/v3 (v\S+)/.exec(programFiles("go-outputs")["go.mod"])?.[1];

const failing = `package main

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		return fmt.Errorf("the program gave up on %s (dry run: %v)", ctx.Stack(), ctx.DryRun())
	})
}
`;

describe("go-outputs", () => {
  let stack: EngineStack;
  beforeAll(async () => {
    stack = await programStack("go-outputs", configOf());
  });

  it("pulumi about names the go that builds the program and the modules it requires", async () => {
    const about = JSON.parse((await stack.must(["about", "--json"])).stdout) as {
      runtime: { language: string; version: string }; dependencies: { name: string; version: string }[];
    };
    expect(about.runtime.language).toBe("go");
    expect(about.runtime.version).toMatch(/^1\.\d+/);
    expect(GO_SDK).toMatch(/^v3\.\d+\.\d+$/);
    expect(about.dependencies).toEqual([{ name: "github.com/pulumi/pulumi/sdk/v3", version: GO_SDK }]);
  });

  itGivesConfigOutputs(() => stack);
});

describe("a Go program that fails or does not build", () => {
  it("an error the program returns fails preview and up with it, reported once; the program saw dry-run right", async () => {
    const stack = await programStack("go-outputs", { ...configOf(), files: { "main.go": failing } });
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toContain(`the program gave up on ${stack.name} (dry run: true)`);
    const up = await stack.up();
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toContain(`the program gave up on ${stack.name} (dry run: false)`);
    expect(up.stdout + up.stderr).not.toContain("non-zero exit code");
    expect(await stack.outputs()).toEqual({});
  });

  it("a program that does not compile fails up with the compiler's message", async () => {
    const broken = programFiles("go-outputs")["main.go"].replace("ctx.Export(\"greeting\"", "ctx.Exportt(\"greeting\"");
    const stack = await programStack("go-outputs", { ...configOf(), files: { "main.go": broken } });
    const up = await stack.up();
    expect(up.code).not.toBe(0);
    expect(up.stdout + up.stderr).toMatch(/main\.go:\d+:\d+: ctx\.Exportt undefined/);
    expect(up.stdout + up.stderr).toContain("building the Go program");
  });

  it("runtime.options.binary runs the program built beforehand, building nothing", async () => {
    const stack = await programStack("go-outputs", configOf());
    execFileSync("go", ["build", "-o", join(stack.dir, "prebuilt"), "."], { cwd: stack.dir, env: stack.env });
    writeFileSync(join(stack.dir, "Pulumi.yaml"), "name: config-outputs\nruntime:\n  name: go\n  options:\n    binary: prebuilt\n");
    // Without its sources a build would fail: only the binary can give the outputs.
    rmSync(join(stack.dir, "main.go"));
    expect((await stack.up()).code).toBe(0);
    expect(await stack.outputs()).toEqual(expectedOutputs(stack.name));
  });
});
