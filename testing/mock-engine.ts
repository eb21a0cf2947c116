/**
 * The mocks a test stack installs: every resource registration is recorded; this package's dynamic resources
 * (DomainTask, DomainNameServers) run their real provider - check, then create - against the emulator; any other
 * resource gets the outputs its `resources` entry returns (its inputs echoed by default), since under mocks
 * nothing else runs. In a preview only `check` runs, as `pulumi preview` never creates. A failure stops the
 * deployment at that resource (./failures).
 */
import * as pulumi from "@pulumi/pulumi";
import { DOMAIN_TASK_MODULE } from "../provider/token";
import type { DynamicProviderHost } from "./dynamic-host";
import type { StackFailures } from "./failures";
import { toProviderInputs } from "./provider-inputs";

/** The outputs of a resource that does not run under mocks, e.g. `@pulumi/command`'s `command:local:Command`. */
export type MockOutputs = (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** One resource registration, in the order the program made them. */
export interface Registration {
  type: string;
  name: string;
  /** The inputs as the provider saw them: secrets unwrapped, unknowns as the engine marks them, `__provider` left out. */
  inputs: Record<string, unknown>;
  /** What the resource's outputs became (a provider's `outs`); undefined until it finished or if it failed. */
  outputs?: Record<string, unknown>;
  /** Why its provider refused it (check failures) or failed (create); `outputOf` rejects with the first such error. */
  error?: Error;
  /** Order numbers: when registration began and when it finished (a DomainTask finishes after its wait). */
  began: number;
  finished?: number;
}

/** The type-token prefix of this package's dynamic resources. */
const OWN_DYNAMIC_PREFIX = `pulumi-nodejs:dynamic/${DOMAIN_TASK_MODULE}:`;

/** Through JSON, as through the engine's wire: a provider loaded outside jest's sandbox builds its arrays in
 * another realm, which Pulumi's serializer would take for plain objects. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface MockEngineOptions {
  host: DynamicProviderHost;
  preview: boolean;
  resources: Readonly<Record<string, MockOutputs>>;
  registrations: Registration[];
  failures: StackFailures;
  /** Results of provider functions (invokes) by token; an invoke without one fails, naming its token. */
  calls: Readonly<Record<string, (args: pulumi.runtime.MockCallArgs) => Record<string, unknown>>>;
  /** The provider calls still running, so the stack's `close()` can wait for them. */
  inFlight: Set<Promise<unknown>>;
  /** True once the stack is closing: a failure after that is its closing, not the program's. */
  closing: () => boolean;
}

/** The `pulumi.runtime.Mocks` of a test stack. */
export const mockEngine = (options: MockEngineOptions): pulumi.runtime.Mocks => {
  let tick = 0;
  const runOwnProvider = async (registration: Registration, raw: Record<string, unknown>) => {
    const provider = await options.host.providerFor(String(raw.__provider));
    const checked = await provider.check!({}, { ...registration.inputs, __provider: raw.__provider });
    if (checked.failures?.length) {
      throw new Error(`${registration.name}: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    }
    if (options.preview) return { id: "", outs: checked.inputs as Record<string, unknown> };
    const created = await provider.create(checked.inputs);
    return { id: created.id, outs: (created.outs ?? {}) as Record<string, unknown> };
  };
  return {
    newResource: async (args) => {
      const raw = toProviderInputs(args.inputs) as Record<string, unknown>;
      const { __provider: _omitted, ...inputs } = raw;
      const registration: Registration = { type: args.type, name: args.name, inputs, began: ++tick };
      options.registrations.push(registration);
      const work = args.type.startsWith(OWN_DYNAMIC_PREFIX)
        ? runOwnProvider(registration, raw)
        : Promise.resolve(options.resources[args.type]?.(args)).then((outs) => ({ id: `${args.name}-id`, outs: { ...inputs, ...outs } }));
      options.inFlight.add(work);
      try {
        const result = await work;
        registration.outputs = plain(result.outs);
        return { id: result.id, state: registration.outputs };
      } catch (err) {
        registration.error = err instanceof Error ? err : new Error(String(err));
        if (!options.closing()) options.failures.record(registration.error);
        // The deployment stops here: see ./failures.
        return new Promise<never>(() => undefined);
      } finally {
        options.inFlight.delete(work);
        registration.finished = ++tick;
      }
    },
    call: (args) => {
      const call = options.calls[args.token];
      if (!call) throw new Error(`${args.token}: the test stack has no result for this function; give one in startTestStack's \`calls\``);
      return call(args);
    },
  };
};
