/** An emulator for the CLI tests, and the environment that points the built command at it. */
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type Scenario } from "../../emulator";
import { isolatedEnv } from "../support/isolated-env";
import { assertBuilt } from "./harness";

export { DEFAULT_CREDENTIAL };

export const startTestEmulator = (scenario: Scenario): Promise<Emulator> => startEmulator({ scenario });

/** Credentials through the default chain's env variables, as most pipelines provide them. */
export const cliEnv = (extra: Record<string, string> = {}): Record<string, string> =>
  isolatedEnv({
    ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_CREDENTIAL.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_CREDENTIAL.accessKeySecret,
    ...extra,
  });

/** The emulator a CLI test file shares, and the flags that point the command at it. */
export interface CliEmulator {
  readonly emulator: Emulator;
  /** `--endpoint <url>`. */
  readonly endpoint: string[];
}

/**
 * Checks the build and starts an emulator seeded with `scenario` before the file's tests (closed after them).
 * Read its fields inside tests: they exist once beforeAll has run.
 */
export const useCliEmulator = (scenario: Scenario): CliEmulator => {
  let started: Emulator | undefined;
  beforeAll(async () => {
    assertBuilt();
    started = await startTestEmulator(scenario);
  });
  afterAll(async () => {
    await started?.close();
  });
  const emulator = (): Emulator => {
    if (!started) throw new Error("useCliEmulator: the emulator starts in beforeAll; read it inside a test or hook");
    return started;
  };
  return {
    get emulator() {
      return emulator();
    },
    get endpoint() {
      return ["--endpoint", emulator().url];
    },
  };
};
