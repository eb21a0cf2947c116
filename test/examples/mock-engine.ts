/**
 * Runs an example program in-process under `pulumi.runtime.setMocks`, with one difference from plain
 * mocks: a DomainTask is handed to its real serialized provider. The mock loads `inputs.__provider` the
 * way Pulumi's dynamic-provider host does (require-from-string, then `handler()`), configures it with the
 * stack config, and runs check and create against the emulator - so the stack outputs are what the task
 * really came to. Requires `npm run build` (the provider loads the compiled package).
 */
import * as pulumi from "@pulumi/pulumi";
import { startEmulator, type Emulator } from "../../emulator";
import { DOMAIN_TASK_TOKEN } from "../../provider/token";

// The loader Pulumi's dynamic-provider host itself uses (a dependency of @pulumi/pulumi).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString = require("require-from-string") as (code: string) => { handler(): pulumi.dynamic.ResourceProvider };

/** One resource registration the mock engine saw. */
export interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** Order numbers: when registration began and when it finished (a DomainTask finishes after its wait). */
  began: number;
  finished?: number;
}

export interface MockEngine {
  registrations: Registration[];
}

/** Installs the mocks and the stack config. Call before importing the program. */
export async function installMockEngine(project: string, config: Record<string, string>): Promise<MockEngine> {
  const engine: MockEngine = { registrations: [] };
  let tick = 0;
  const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

  const providerFor = async (text: string) => {
    let provider = providers.get(text);
    if (!provider) {
      provider = requireFromString(text).handler();
      await provider.configure?.({ config: { get: (key: string) => config[key] } } as unknown as pulumi.dynamic.ConfigureRequest);
      providers.set(text, provider);
    }
    return provider;
  };

  await pulumi.runtime.setMocks(
    {
      newResource: async (args) => {
        const registration: Registration = { type: args.type, name: args.name, inputs: args.inputs, began: ++tick };
        engine.registrations.push(registration);
        if (args.type !== DOMAIN_TASK_TOKEN) {
          registration.finished = ++tick;
          return { id: `${args.name}-id`, state: args.inputs };
        }
        const provider = await providerFor(String(args.inputs.__provider));
        const checked = await provider.check!({}, args.inputs);
        if (checked.failures?.length) throw new Error(checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
        const created = await provider.create(checked.inputs);
        registration.finished = ++tick;
        // Through JSON, as through the engine's wire: the provider runs outside jest's sandbox, whose
        // realm has its own Array (Pulumi's serializer would take a foreign array for an object).
        return { id: created.id, state: JSON.parse(JSON.stringify(created.outs)) };
      },
      call: (args) => {
        throw new Error(`unexpected invoke ${args.token}`);
      },
    },
    project,
    "dev",
    false,
  );
  for (const [key, value] of Object.entries(config)) pulumi.runtime.setConfig(key, value);
  return engine;
}

/** The value of an output (stack outputs of the program module). */
export const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));

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
  engine: MockEngine;
  program: Record<string, pulumi.Output<unknown>>;
}

/**
 * Starts an emulator, lets `seed` add the tasks and return the program's own config (keys without the
 * `<project>:` prefix), then runs examples/`name` under the mock engine with that config plus the
 * emulator's endpoint and key pair.
 */
export async function runExampleOnEmulator(
  name: string,
  project: string,
  seed: (emulator: Emulator) => Record<string, string>,
): Promise<ExampleRun> {
  const emulator = await startEmulator({ credentials: [EXAMPLE_KEY] });
  try {
    const programConfig = Object.fromEntries(Object.entries(seed(emulator)).map(([key, value]) => [`${project}:${key}`, value]));
    const engine = await installMockEngine(project, {
      ...programConfig,
      "alicloud:accessKey": EXAMPLE_KEY.accessKeyId,
      "alicloud:secretKey": EXAMPLE_KEY.accessKeySecret,
      "alicloud-domain-tasks:endpoint": emulator.url,
    });
    return { emulator, engine, program: await runExample(name) };
  } catch (err) {
    await emulator.close();
    throw err;
  }
}
