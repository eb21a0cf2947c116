/**
 * A DomainTask test bench: the emulator on loopback (on a clock the test can move forward), Pulumi's real
 * dynamic-provider host configured with stack config pointing at it, and the serialized provider every
 * request carries. Needs `npm run build` first: inside the host the provider loads the compiled package
 * (`pulumi-alicloud-domain-tasks/provider`, resolved by the package's self-reference from the repo root).
 */
import { startEmulator, type Emulator, type TaskSpec } from "../../emulator";
import { isolatedEnv } from "../support/isolated-env";
import { startProviderHost, type PropertyMap, type ProviderHost } from "./host";
import { serializedProvider } from "./serialized";

/** A secret no output, log line or serialized text may ever contain. */
export const TEST_SECRET = "test-secret-7c1e9a52d4";
export const TEST_KEY_ID = "test-key-id-provider";

/** Emulator time: real time plus an offset the test can advance. */
export class OffsetClock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface Bench {
  emulator: Emulator;
  clock: OffsetClock;
  host: ProviderHost;
  provider: string;
  /** Stack config the host was configured with. */
  config: Record<string, string>;
  /** Seeds a task now and returns its TaskNo. */
  addTask(spec: TaskSpec): string;
  /** Inputs with the provider attached and fast polling. */
  inputs(extra: PropertyMap): PropertyMap;
  close(): Promise<void>;
}

export interface BenchOptions {
  /** Stack config; default: the test key pair and the emulator's endpoint. */
  config?: (emulator: Emulator) => Record<string, string>;
  env?: Record<string, string>;
  /** The host's working directory (the Pulumi program's); default the repository root. */
  cwd?: string;
}

export async function startBench(options: BenchOptions = {}): Promise<Bench> {
  const clock = new OffsetClock();
  const emulator = await startEmulator({ clock, credentials: [{ accessKeyId: TEST_KEY_ID, accessKeySecret: TEST_SECRET }] });
  const config = options.config?.(emulator) ?? {
    "alicloud:accessKey": TEST_KEY_ID,
    "alicloud:secretKey": TEST_SECRET,
    "alicloud-domain-tasks:endpoint": emulator.url,
  };
  const provider = await serializedProvider();
  const host = await startProviderHost({ cwd: options.cwd, env: isolatedEnv(options.env) });
  await host.configure(config);
  return {
    emulator,
    clock,
    host,
    provider,
    config,
    addTask: (spec) => emulator.addTask(spec),
    inputs: (extra) => ({ minDelaySeconds: 0.1, maxDelaySeconds: 0.3, ...extra, __provider: provider }),
    async close() {
      await host.close();
      await emulator.close();
    },
  };
}

/** Every string in a JSON value, flattened, for "contains no secret" checks. */
export const allText = (value: unknown): string => JSON.stringify(value);
