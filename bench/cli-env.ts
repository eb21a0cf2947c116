/**
 * The environment a benchmark runs the CLI in: the emulator's key, no profile, no ECS metadata lookup (which
 * would leave this machine), and `home` as HOME so no credentials file of the machine is read.
 */
import { DEFAULT_CREDENTIAL } from "../emulator";

export const benchCliEnv = (home: string): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  HOME: home,
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
  ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
  ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_CREDENTIAL.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_CREDENTIAL.accessKeySecret,
});
