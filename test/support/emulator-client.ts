/**
 * The emulator and a real client for it, for tests of the SDK and what is built on it: the requests go over
 * real HTTP on loopback. One client helper for every such test.
 */
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { DomainTaskClient, type ClientOptions } from "../../sdk/api/client";
import { VirtualClock } from "../../sdk/clock";

export { DEFAULT_CREDENTIAL };

export const start = (options: EmulatorOptions = {}): Promise<Emulator> => startEmulator(options);

/**
 * A client for `emu` with explicit credentials and an empty env (nothing leaks in from the machine), a
 * VirtualClock for backoff (retries cost no real time) and jitter pinned to half the ceiling.
 */
export const clientFor = (emu: Pick<Emulator, "url">, options: ClientOptions = {}): { client: DomainTaskClient; clock: VirtualClock } => {
  const clock = options.clock instanceof VirtualClock ? options.clock : new VirtualClock();
  const client = new DomainTaskClient({
    endpoint: emu.url,
    credentials: { ...DEFAULT_CREDENTIAL },
    env: {},
    random: () => 0.5,
    ...options,
    clock,
  });
  return { client, clock };
};

/** QueryTaskDetailList requests the emulator has seen. */
export const apiRequests = (emu: Emulator): number => emu.stats().byAction.QueryTaskDetailList ?? 0;

/** An emulator per test file: started in beforeAll, closed in afterAll, stats reset before each test. */
export const useEmulator = (options: EmulatorOptions = {}): { readonly emu: Emulator } => {
  const box = {} as { emu: Emulator };
  beforeAll(async () => {
    box.emu = await startEmulator(options);
  });
  beforeEach(() => {
    box.emu.setFaults({});
    box.emu.resetStats();
  });
  afterAll(async () => {
    await box.emu?.close();
  });
  return box;
};

/** QueryTaskDetailList requests the emulator received for one task. */
export const requestsFor = (emulator: Emulator, taskNo: string) =>
  emulator.stats().requests.filter((r) => r.action === "QueryTaskDetailList" && r.taskNo === taskNo);
