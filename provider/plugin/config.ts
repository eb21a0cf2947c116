/**
 * The plugin's provider configuration: the engine sends it from stack config in the package's namespace
 * (`pulumi config set alicloud-domain-tasks:region ...`, `--secret alicloud-domain-tasks:secretKey ...`) or from an
 * explicit provider's arguments. The keys are the SDK's stack config keys (sdk/config.ts STACK_CONFIG_KEYS) without
 * their namespace, so one parser (`clientOptionsFromStackConfig`) reads both the dynamic provider's config and this.
 *
 * CheckConfig validates it by property and never shows a credential's value; unset keys fall back to the
 * environment and the Alibaba Cloud credential chain, read in the plugin process.
 */
import type { ClientOptions } from "../../sdk/api/client";
import { clientOptionsFromStackConfig, STACK_CONFIG_KEYS } from "../../sdk/config";
import { resolveEndpoint } from "../../sdk/endpoint";
import { ValidationError } from "../../sdk/errors";
import type { Proof, Same } from "../../sdk/type-proofs";
import { holdsUnknown, type CheckFailure } from "../core/check-failure";
import { PLUGIN_PACKAGE } from "./package-info";

/** The provider's settings (every one optional). */
export interface PluginConfig {
  /** The region; `ap-southeast-1` selects domain-intl (the Domain API has no regional hosts). Default: `ALICLOUD_REGION`. */
  region?: string;
  /** The API endpoint, e.g. `https://domain-intl.aliyuncs.com`, or an emulator's `http://127.0.0.1:PORT`. Replaces product and region. */
  endpoint?: string;
  /** `domain` (mainland site, the default) or `domain-intl` (international site). */
  product?: string;
  /** `true` allows plain `http://` to an endpoint that is not loopback. */
  insecure?: boolean;
  /** AccessKey ID. Default: the environment (`ALICLOUD_ACCESS_KEY`, `ALIBABA_CLOUD_ACCESS_KEY_ID`), a profile, then the credential chain. */
  accessKey?: string;
  /** AccessKey secret, set together with accessKey. */
  secretKey?: string;
  /** STS security token, for temporary credentials (with accessKey and secretKey). */
  securityToken?: string;
  /** A named profile of `~/.aliyun/config.json`, then `~/.alibabacloud/credentials`. */
  profile?: string;
}
/** @internal The settings are exactly the SDK's stack config keys. */
export type ConfigKeysProof = Proof<Same<keyof PluginConfig, keyof typeof STACK_CONFIG_KEYS>>;

/** Settings that are credentials: secret in the schema, and never shown in a message. */
export const SECRET_SETTINGS: readonly (keyof PluginConfig)[] = ["accessKey", "secretKey", "securityToken"];

const SETTINGS = Object.keys(STACK_CONFIG_KEYS) as (keyof PluginConfig)[];
/** Keys the engine itself adds to a provider's inputs. */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);

/** A value of the config as a string (the engine may send `insecure` as a boolean or as "true"), or undefined. */
const text = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));

/** Reads a stack config key (`alicloud:region`, `alicloud-domain-tasks:endpoint`) from the plugin's config. */
export const stackConfigOf = (config: Readonly<Record<string, unknown>>) => (key: string): string | undefined =>
  text(config[key.slice(key.indexOf(":") + 1)]);

/** The client options the config gives; assumes `checkConfig` passed. */
export const clientOptionsOf = (config: Readonly<Record<string, unknown>>): ClientOptions => clientOptionsFromStackConfig(stackConfigOf(config));

/** Every problem with the config, one per setting, each naming `alicloud-domain-tasks:<setting>` and what to do. */
export function checkConfig(config: Readonly<Record<string, unknown>>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason: `${PLUGIN_PACKAGE}:${property} ${reason}` });
  const known = new Set<string>(SETTINGS);
  for (const [key, value] of Object.entries(config)) {
    if (ENGINE_KEYS.has(key) || key.startsWith("__") || holdsUnknown(value) || value === undefined || value === null) continue;
    if (!known.has(key)) fail(key, `is not a setting of this provider; remove it (settings: ${SETTINGS.join(", ")})`);
    else if (key === "insecure" ? !["true", "false"].includes(String(value)) : typeof value !== "string") {
      fail(key, key === "insecure" ? `must be true or false; got ${JSON.stringify(value)}` : `must be a string${SECRET_SETTINGS.includes(key as keyof PluginConfig) ? "" : `; got ${JSON.stringify(value)}`}`);
    }
  }
  if (failures.length > 0) return failures;
  const set = (key: keyof PluginConfig) => text(config[key])?.trim() ? true : false;
  if (set("accessKey") !== set("secretKey")) {
    const [missing, present] = set("accessKey") ? ["secretKey", "accessKey"] : ["accessKey", "secretKey"];
    fail(missing, `is not set but ${PLUGIN_PACKAGE}:${present} is; set both (\`pulumi config set --secret ${PLUGIN_PACKAGE}:${missing} ...\`) or neither`);
  }
  if (set("securityToken") && !set("accessKey")) fail("securityToken", "needs accessKey and secretKey (the STS key pair it belongs to)");
  try {
    const options = clientOptionsFromStackConfig(stackConfigOf({ ...config, accessKey: undefined, secretKey: undefined, securityToken: undefined }));
    if (options.endpoint) resolveEndpoint({ endpoint: options.endpoint, allowInsecureHttp: options.allowInsecureHttp }, {});
  } catch (err) {
    if (!ValidationError.isInstance(err)) throw err;
    const property = err.field.slice(err.field.indexOf(":") + 1);
    failures.push({ property: SETTINGS.includes(property as keyof PluginConfig) ? property : "endpoint", reason: err.message });
  }
  return failures;
}
