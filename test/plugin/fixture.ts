/**
 * A plugin test bench: the emulator on loopback (on a clock the test can move forward, shared with the dynamic
 * provider's bench when a test compares the two), the plugin against a fake engine, configured as the engine
 * configures it - the secret key marked secret - and inputs with fast polling.
 */
import { startEmulator, type Emulator, type TaskSpec } from "../../emulator";
import { OffsetClock, TEST_KEY_ID, TEST_SECRET } from "../provider/fixture";
import type { PropertyMap } from "../provider/rpc-client";
import { secret, startPluginHost, type PluginHost } from "./plugin-host";

export interface PluginBench {
  emulator: Emulator;
  clock: OffsetClock;
  plugin: PluginHost;
  /** The config the plugin was configured with (before the secret marks). */
  config: PropertyMap;
  addTask(spec: TaskSpec): string;
  /** Inputs with fast polling. */
  inputs(extra: PropertyMap): PropertyMap;
  close(): Promise<void>;
}

export interface PluginBenchOptions {
  /** An emulator to use (and leave running); default: a new one with the test key pair. */
  emulator?: { emulator: Emulator; clock: OffsetClock };
  /** Provider config; default: the test key pair and the emulator's endpoint. */
  config?: (emulator: Emulator) => PropertyMap;
}

export async function startPluginBench(options: PluginBenchOptions = {}): Promise<PluginBench> {
  const clock = options.emulator?.clock ?? new OffsetClock();
  const emulator = options.emulator?.emulator ?? (await startEmulator({ clock, credentials: [{ accessKeyId: TEST_KEY_ID, accessKeySecret: TEST_SECRET }] }));
  const config = options.config?.(emulator) ?? { accessKey: TEST_KEY_ID, secretKey: TEST_SECRET, endpoint: emulator.url };
  const plugin = await startPluginHost();
  await plugin.configure(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, k === "secretKey" ? secret(v) : v])));
  return {
    emulator,
    clock,
    plugin,
    config,
    addTask: (spec) => emulator.addTask(spec),
    inputs: (extra) => ({ minDelaySeconds: 0.1, maxDelaySeconds: 0.3, ...extra }),
    async close() {
      await plugin.close();
      if (!options.emulator) await emulator.close();
    },
  };
}
