/** An emulator for the CLI tests, and the environment that points the built command at it. */
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type Scenario } from "../../emulator";
import { isolatedEnv } from "../support/isolated-env";

export { DEFAULT_CREDENTIAL };

export const startTestEmulator = (scenario: Scenario): Promise<Emulator> => startEmulator({ scenario });

/** Credentials through the default chain's env variables, as most pipelines provide them. */
export const cliEnv = (extra: Record<string, string> = {}): Record<string, string> =>
  isolatedEnv({
    ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_CREDENTIAL.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_CREDENTIAL.accessKeySecret,
    ...extra,
  });
