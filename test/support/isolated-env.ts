/**
 * The environment for a child process under test (the built CLI, Pulumi's provider host): nothing from this
 * machine leaks in - no credentials, no profile files (a fresh temporary HOME), no ECS metadata lookups, no
 * aliyun CLI profile. In-process tests use ./credentials-sandbox.ts instead.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const isolatedEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env.PATH ?? "",
  HOME: mkdtempSync(join(tmpdir(), "domain-tasks-home-")),
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
  ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
  ...extra,
});
