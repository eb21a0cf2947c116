/**
 * `pulumi-alicloud-domain-tasks/testing`: unit-test a Pulumi program that uses DomainTask or DomainNameServers,
 * offline. `startTestStack` starts the Domain API emulator with your tasks and installs `pulumi.runtime.setMocks`
 * so each of this package's resources runs its real provider against the emulator (secret inputs unwrapped, as
 * the engine does), while every other resource gets the outputs you give it. Import the program after it.
 *
 * @example
 * const stack = await startTestStack({ config: { taskNo: "T-1" }, emulator: { scenario: { tasks: [...] } } });
 * const program = await import("../index");
 * expect(await outputOf(program.status)).toBe("EXECUTE_SUCCESS");
 * await stack.close();
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type EmulatorOptions } from "../emulator";
import { DynamicProviderHost } from "./dynamic-host";
import { currentFailures, startFailures } from "./failures";
import { mockEngine, type MockOutputs, type Registration } from "./mock-engine";

export type { MockOutputs, Registration } from "./mock-engine";
export { toProviderInputs } from "./provider-inputs";

/** How `startTestStack` sets up the stack. Every field is optional. */
export interface TestStackOptions {
  /** The project name, the namespace of config keys given without one. Default "test". */
  project?: string;
  /** Default "test". */
  stack?: string;
  /** Run as `pulumi preview`: providers check their inputs but create nothing. Default false. */
  preview?: boolean;
  /**
   * Stack config, `ns:key` (or `key`, read as `<project>:key`) -> value, as `pulumi config set` would store it.
   * The emulator's endpoint and key pair are added as `alicloud-domain-tasks:endpoint`, `alicloud:accessKey`
   * and `alicloud:secretKey` unless given here.
   */
  config?: Record<string, string>;
  /** How the emulator starts: `scenario` (tasks, registered domains), `faults`, `clock`. Loopback, any port. */
  emulator?: Omit<EmulatorOptions, "host" | "admin">;
  /** Outputs for resources that do not run under mocks, by type token (added to their echoed inputs). */
  resources?: Record<string, MockOutputs>;
  /** Results of provider functions (invokes), by token. */
  calls?: Record<string, (args: pulumi.runtime.MockCallArgs) => Record<string, unknown>>;
}

/** A stack under test: its emulator, what the program registered, and `close()` for afterAll. */
export interface TestStack {
  emulator: Emulator;
  /** Every resource registration so far, in order. */
  registrations: Registration[];
  /** The registration of the resource named `name`; throws, listing the names, when there is none. */
  registration(name: string): Registration;
  /** Sets one more config value (e.g. a TaskNo seeded with `emulator.addTask`); before importing the program. */
  setConfig(key: string, value: string): void;
  /**
   * Stops the emulator, then waits (up to CLOSE_WAIT_MS) for the providers still running: their requests now fail
   * at once, so a wait still polling ends within its next poll (keep `maxDelaySeconds` short in tests). Nothing of
   * the stack runs after it resolves: jest exits cleanly, and a failure caused by the closing is not reported.
   */
  close(): Promise<void>;
}

/** The longest `close()` waits for providers still running before it resolves anyway. */
export const CLOSE_WAIT_MS = 60_000;

/** Starts the emulator and installs the mocks; then import (run) the program under test. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const project = options.project ?? "test";
  const credential = options.emulator?.credentials?.[0] ?? DEFAULT_CREDENTIAL;
  const emulator = await startEmulator({ ...options.emulator, host: "127.0.0.1" });
  const qualified = (key: string) => (key.includes(":") ? key : `${project}:${key}`);
  const config: Record<string, string> = {
    "alicloud:accessKey": credential.accessKeyId,
    "alicloud:secretKey": credential.accessKeySecret,
    "alicloud-domain-tasks:endpoint": emulator.url,
  };
  const setConfig = (key: string, value: string) => {
    config[qualified(key)] = value;
    pulumi.runtime.setConfig(qualified(key), value);
  };
  const registrations: Registration[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  try {
    const host = new DynamicProviderHost(() => ({ ...config }));
    const mocks = mockEngine({
      host, preview: options.preview ?? false, resources: options.resources ?? {}, failures: startFailures(), calls: options.calls ?? {}, registrations,
      inFlight, closing: () => closing,
    });
    await pulumi.runtime.setMocks(mocks, project, options.stack ?? "test", options.preview ?? false);
    for (const [key, value] of Object.entries({ ...config, ...options.config })) setConfig(key, value);
  } catch (err) {
    await emulator.close();
    throw err;
  }
  return {
    emulator,
    registrations,
    registration: (name) => {
      const found = registrations.find((r) => r.name === name);
      if (!found) throw new Error(`no resource named ${JSON.stringify(name)} was registered; registered: ${registrations.map((r) => r.name).join(", ") || "none"}`);
      return found;
    },
    setConfig,
    close: async () => {
      closing = true;
      await emulator.close();
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
      await Promise.race([Promise.allSettled([...inFlight]), gaveUp]);
      clearTimeout(timer);
    },
  };
}

/**
 * The value of an output once it is known. Rejects with the first failure of the test stack (a DomainTask whose
 * task failed, inputs its check refused): as in `pulumi up`, the deployment stops at a failed resource, so an
 * output still pending then would never be known. In a preview, an output the provider computes (a DomainTask's
 * `status`) is not known, as `pulumi preview` shows it "(computed)": outputOf rejects saying so, rather than
 * waiting forever; inputs (and the urn) are known.
 */
export function outputOf<T>(output: pulumi.Output<T>): Promise<T> {
  // `isKnown` is the Output's own flag (runtime, not in its declared type): false for a value computed later.
  const known = (output as unknown as { isKnown?: Promise<boolean> }).isKnown;
  const value = new Promise<T>((resolve, reject) => {
    output.apply(resolve);
    void known?.then((isKnown) => {
      if (!isKnown) reject(new Error("outputOf: the output is not known in a preview (the provider computes it at deployment, as `pulumi preview` shows \"(computed)\"); check registration(name).outputs for what the provider's check accepted, or start the stack without preview"));
    });
  });
  const failures = currentFailures();
  return failures ? Promise.race([value, failures.first]) : value;
}
