/**
 * Client options from Pulumi stack config, without importing @pulumi/pulumi: the caller passes a getter
 * (`(key) => new pulumi.Config(ns).get(name)` in a program, `req.config.get(key)` in a provider's
 * configure()). Reads the same `alicloud:*` keys as @pulumi/alicloud, so a stack configured for it works
 * unchanged, plus this package's own `alicloud-domain-tasks:*` keys.
 */
import type { ClientOptions } from "./api/client";
import type { Product } from "./endpoint";
import { ValidationError } from "./errors";

/** This package's config namespace. */
export const CONFIG_NAMESPACE = "alicloud-domain-tasks";

/** Every key read, for documentation and for callers that list them. */
export const STACK_CONFIG_KEYS = {
  region: "alicloud:region",
  accessKey: "alicloud:accessKey",
  secretKey: "alicloud:secretKey",
  securityToken: "alicloud:securityToken",
  profile: "alicloud:profile",
  endpoint: `${CONFIG_NAMESPACE}:endpoint`,
  product: `${CONFIG_NAMESPACE}:product`,
  insecure: `${CONFIG_NAMESPACE}:insecure`,
} as const;

const TRUE = new Set(["true", "1", "yes"]);
const FALSE = new Set(["false", "0", "no", ""]);

/**
 * Options from stack config; keys that are unset are left out, so env and the default chain still apply.
 * The AccessKey pair is taken only when both halves are set; half a pair is a ValidationError naming the
 * missing key (never the value of the present one).
 */
export const clientOptionsFromStackConfig = (get: (key: string) => string | undefined): ClientOptions => {
  const read = (key: string): string | undefined => {
    const v = get(key);
    return v !== undefined && v !== null && String(v).trim() !== "" ? String(v).trim() : undefined;
  };
  const k = STACK_CONFIG_KEYS;
  const options: ClientOptions = {};

  const region = read(k.region);
  if (region) options.region = region;
  const profile = read(k.profile);
  if (profile) options.profile = profile;
  const endpoint = read(k.endpoint);
  if (endpoint) options.endpoint = endpoint;

  const product = read(k.product);
  if (product !== undefined) {
    if (product !== "domain" && product !== "domain-intl") {
      throw new ValidationError(k.product, product, `${k.product} must be "domain" or "domain-intl"; got ${JSON.stringify(product)}.`);
    }
    options.product = product as Product;
  }

  const insecure = read(k.insecure);
  if (insecure !== undefined) {
    const v = insecure.toLowerCase();
    if (!TRUE.has(v) && !FALSE.has(v)) {
      throw new ValidationError(k.insecure, insecure, `${k.insecure} must be true or false; got ${JSON.stringify(insecure)}.`);
    }
    if (TRUE.has(v)) options.allowInsecureHttp = true;
  }

  const accessKeyId = read(k.accessKey);
  const accessKeySecret = read(k.secretKey);
  const securityToken = read(k.securityToken);
  if (accessKeyId !== undefined || accessKeySecret !== undefined) {
    if (accessKeyId === undefined || accessKeySecret === undefined) {
      const [missing, present] = accessKeyId === undefined ? [k.accessKey, k.secretKey] : [k.secretKey, k.accessKey];
      throw new ValidationError(missing, undefined, `${present} is set but ${missing} is not; set both (\`pulumi config set --secret ${missing} ...\`) or neither.`);
    }
    options.credentials = securityToken ? { accessKeyId, accessKeySecret, securityToken } : { accessKeyId, accessKeySecret };
  }
  return options;
};
