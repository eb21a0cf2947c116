/**
 * The inputs every task-gated resource shares: how it waits (failFast, the timeout and poll delays, how many
 * details it records, the language of the service's texts) and where the API lives (endpoint, product, region).
 * One zod field and one default each, so every resource waits as a waitForTask call does (WAIT_DEFAULTS).
 */
import { z } from "zod";
import { WAIT_DEFAULTS } from "../../sdk/waiter/defaults";

/** Defaults of the shared wait inputs. */
export const WAIT_INPUT_DEFAULTS = {
  failFast: false,
  timeoutSeconds: WAIT_DEFAULTS.maxWaitSeconds,
  minDelaySeconds: WAIT_DEFAULTS.minDelaySeconds,
  maxDelaySeconds: WAIT_DEFAULTS.maxDelaySeconds,
  maxDetails: 100,
};

/** @internal A required or optional string input that must not be blank; `what` names it (with an example) in the message. */
export const nonEmpty = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a string`) })
    .trim()
    .min(1, `${what} must be a non-empty string`);

const seconds = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of seconds` })
    .positive(`${what} must be greater than 0`)
    .max(max, `${what} must be at most ${max} seconds`);

/** @internal How a resource waits for its task (zod: kept out of the published types). */
export const WAIT_FIELDS = {
  failFast: z
    .boolean({ error: 'failFast must be true or false (true: with waitFor "success", stop at the first failed detail)' })
    .default(WAIT_INPUT_DEFAULTS.failFast),
  timeoutSeconds: seconds("timeoutSeconds", 7 * 24 * 3600).default(WAIT_INPUT_DEFAULTS.timeoutSeconds),
  minDelaySeconds: seconds("minDelaySeconds", 3600).default(WAIT_INPUT_DEFAULTS.minDelaySeconds),
  maxDelaySeconds: seconds("maxDelaySeconds", 3600).default(WAIT_INPUT_DEFAULTS.maxDelaySeconds),
  maxDetails: z
    .number({ error: "maxDetails must be a number of details (how many to keep in the `details` output)" })
    .int("maxDetails must be a whole number of details")
    .nonnegative("maxDetails must be 0 or more (0 keeps no `details`; `failed` always lists every failure)")
    .default(WAIT_INPUT_DEFAULTS.maxDetails),
  lang: z.enum(["en", "zh"], { error: 'lang must be "en" or "zh"' }).optional(),
};

/** @internal Where the API lives (sdk/location.ts: given, they replace all three from the provider's config). */
export const LOCATION_FIELDS = {
  endpoint: nonEmpty("endpoint (e.g. https://domain.aliyuncs.com or http://127.0.0.1:PORT)").optional(),
  product: z.enum(["domain", "domain-intl"], { error: 'product must be "domain" or "domain-intl"' }).optional(),
  region: nonEmpty("region (e.g. cn-hangzhou, or ap-southeast-1 for domain-intl)").optional(),
};

/** The shared wait inputs after checking, defaults applied. */
export type WaitInputs = {
  failFast: boolean;
  timeoutSeconds: number;
  minDelaySeconds: number;
  maxDelaySeconds: number;
  maxDetails: number;
  lang?: "en" | "zh";
};

/** The location inputs after checking. */
export type LocationInputs = {
  endpoint?: string;
  product?: "domain" | "domain-intl";
  region?: string;
};

/** The shared inputs as a state echoes them, in this order: every one present, an absent one `null`. */
export const SHARED_INPUT_NAMES = [
  "failFast", "timeoutSeconds", "minDelaySeconds", "maxDelaySeconds", "maxDetails", "lang", "endpoint", "product", "region",
] as const;

/** The shared inputs as the state records them. */
export const echoSharedInputs = (inputs: WaitInputs & LocationInputs) => ({
  failFast: inputs.failFast,
  timeoutSeconds: inputs.timeoutSeconds,
  minDelaySeconds: inputs.minDelaySeconds,
  maxDelaySeconds: inputs.maxDelaySeconds,
  maxDetails: inputs.maxDetails,
  lang: inputs.lang ?? null,
  endpoint: inputs.endpoint ?? null,
  product: inputs.product ?? null,
  region: inputs.region ?? null,
});
