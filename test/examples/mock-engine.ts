/**
 * Runs our example programs in-process under the testing kit (`pulumi-alicloud-domain-tasks/testing`): each
 * DomainTask runs its real serialized provider against the emulator, so the stack outputs are what the task
 * really came to. Requires `npm run build` (the provider loads the compiled package).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Emulator } from "../../emulator";
import { outputOf, startTestStack, type TestStack } from "../../testing";

/** The value of an output (stack outputs of the program module). */
export const valueOf = outputOf;

/**
 * Imports an example program (runs it) and returns its stack outputs. The path is not a literal so the
 * repository's typecheck does not follow it: examples resolve the package by name, which only the
 * examples' own tsconfig (test/examples/typecheck.test.ts) maps.
 */
export async function runExample(name: string): Promise<Record<string, pulumi.Output<unknown>>> {
  const programPath = `../../examples/${name}/index`;
  return (await import(programPath)) as Record<string, pulumi.Output<unknown>>;
}

/** The key pair the examples' emulator accepts, set in the stack config as alicloud:accessKey/secretKey. */
export const EXAMPLE_KEY = { accessKeyId: "example-key-id", accessKeySecret: "example-key-secret" };

/** An example program run against its own emulator. Close `emulator` in afterAll. */
export interface ExampleRun {
  emulator: Emulator;
  engine: TestStack;
  program: Record<string, pulumi.Output<unknown>>;
}

/**
 * Starts a test stack, lets `seed` add the tasks and return the program's own config (keys without the
 * `<project>:` prefix), then runs examples/`name` with that config plus the emulator's endpoint and key pair.
 */
export async function runExampleOnEmulator(
  name: string,
  project: string,
  seed: (emulator: Emulator) => Record<string, string>,
): Promise<ExampleRun> {
  const stack = await startTestStack({ project, emulator: { credentials: [EXAMPLE_KEY] } });
  try {
    for (const [key, value] of Object.entries(seed(stack.emulator))) stack.setConfig(key, value);
    return { emulator: stack.emulator, engine: stack, program: await runExample(name) };
  } catch (err) {
    await stack.close();
    throw err;
  }
}
