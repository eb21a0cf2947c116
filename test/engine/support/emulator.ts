/**
 * The Domain API emulator a test file's stacks talk to, in the test process (so the test reads its request log
 * directly), with a key pair of the test's own: a request signed with anything else - a key from elsewhere, a
 * secret that did not reach the provider - is refused.
 */
import { startEmulator, type Emulator, type EmulatorCredential, type EmulatorOptions } from "../../../emulator";
import type { RequestRecord } from "../../../emulator/types";

export const ENGINE_KEY: EmulatorCredential = { accessKeyId: "engine-suite-key-id", accessKeySecret: "engine-suite-key-secret-3f9c1e" };

/** Starts an emulator for the file (beforeAll) and stops it (afterAll). */
export function useEmulator(options: EmulatorOptions = {}): { readonly current: Emulator } {
  const box = {} as { current: Emulator };
  beforeAll(async () => {
    box.current = await startEmulator({ credentials: [ENGINE_KEY], ...options, host: "127.0.0.1" });
  });
  afterAll(() => box.current?.close());
  return box;
}

/** The requests the emulator logged for one action (and TaskNo, when given). */
export const requestsOf = (emulator: Emulator, action: string, taskNo?: string): RequestRecord[] =>
  emulator.stats().requests.filter((r) => r.action === action && (taskNo === undefined || r.taskNo === taskNo));
