/**
 * The DomainTask resource's inputs: one zod schema, the defaults, and the translation of zod issues into
 * Pulumi CheckFailures (one per bad property, each saying what to do).
 *
 * Credentials are deliberately not inputs: resource inputs are stored in the state. They come from stack
 * config (`alicloud:accessKey`/`secretKey`, set with `--secret`), the environment or the default chain.
 */
import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { z } from "zod";
import type { ClientOptions } from "../sdk/api/client";
import { WAIT_DEFAULTS } from "../sdk/waiter/defaults";
import { checkEndpoint } from "./connection";
import type { Proof, Same } from "../sdk/type-proofs";

/** What `create`/`update` wait for. */
export const WAIT_MODES = ["success", "completion", "none"] as const;
/** One of {@link WAIT_MODES}: `success`, `completion` or `none`. */
export type WaitMode = (typeof WAIT_MODES)[number];

/** The engine's marker for a value that is not known yet (during preview). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Defaults of the optional inputs that have one (the others are absent, `null` in the state). The wait's
 * timings are the SDK's (WAIT_DEFAULTS), so a DomainTask waits as long as a waitForTask call does.
 */
export const INPUT_DEFAULTS = {
  waitFor: "success" as WaitMode,
  failFast: false,
  timeoutSeconds: WAIT_DEFAULTS.maxWaitSeconds,
  minDelaySeconds: WAIT_DEFAULTS.minDelaySeconds,
  maxDelaySeconds: WAIT_DEFAULTS.maxDelaySeconds,
  maxDetails: 100,
};

const nonEmpty = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a string`) })
    .trim()
    .min(1, `${what} must be a non-empty string`);
const seconds = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of seconds` })
    .positive(`${what} must be greater than 0`)
    .max(max, `${what} must be at most ${max} seconds`);

/**
 * @internal The inputs after validation and defaults; what the provider works with (and echoes into its
 * state). Stripped from the published declarations, which show DomainTaskInputs instead (no zod type there).
 */
export const DomainTaskInputsSchema = z
  .strictObject({
    taskNo: nonEmpty("taskNo (the TaskNo returned by a SaveSingleTaskFor*/SaveBatchTaskFor* call)"),
    domainName: nonEmpty("domainName").optional(),
    instanceId: nonEmpty("instanceId").optional(),
    waitFor: z
      .enum(WAIT_MODES, { error: `waitFor must be one of ${WAIT_MODES.map((m) => `"${m}"`).join(", ")}` })
      .default(INPUT_DEFAULTS.waitFor),
    failFast: z
      .boolean({ error: 'failFast must be true or false (true: with waitFor "success", stop at the first failed detail)' })
      .default(INPUT_DEFAULTS.failFast),
    timeoutSeconds: seconds("timeoutSeconds", 7 * 24 * 3600).default(INPUT_DEFAULTS.timeoutSeconds),
    minDelaySeconds: seconds("minDelaySeconds", 3600).default(INPUT_DEFAULTS.minDelaySeconds),
    maxDelaySeconds: seconds("maxDelaySeconds", 3600).default(INPUT_DEFAULTS.maxDelaySeconds),
    maxDetails: z
      .number({ error: "maxDetails must be a number of details (how many to keep in the `details` output)" })
      .int("maxDetails must be a whole number of details")
      .nonnegative("maxDetails must be 0 or more (0 keeps no `details`; `failed` always lists every failure)")
      .default(INPUT_DEFAULTS.maxDetails),
    lang: z.enum(["en", "zh"], { error: 'lang must be "en" or "zh"' }).optional(),
    triggers: z.array(z.unknown(), { error: "triggers must be an array (any change to it re-runs the wait)" }).optional(),
    endpoint: nonEmpty("endpoint (e.g. https://domain.aliyuncs.com or http://127.0.0.1:PORT)").optional(),
    product: z.enum(["domain", "domain-intl"], { error: 'product must be "domain" or "domain-intl"' }).optional(),
    region: nonEmpty("region (e.g. cn-hangzhou, or ap-southeast-1 for domain-intl)").optional(),
  });

/** Checked inputs with their defaults applied (written out: reachable from DomainTaskState's declarations). */
export type DomainTaskInputs = {
  taskNo: string;
  domainName?: string;
  instanceId?: string;
  waitFor: WaitMode;
  failFast: boolean;
  timeoutSeconds: number;
  minDelaySeconds: number;
  maxDelaySeconds: number;
  maxDetails: number;
  lang?: "en" | "zh";
  triggers?: unknown[];
  endpoint?: string;
  product?: "domain" | "domain-intl";
  region?: string;
};
/** @internal Compile-time proof that the schema gives exactly DomainTaskInputs. */
export type InputsProof = Proof<Same<z.output<typeof DomainTaskInputsSchema>, DomainTaskInputs>>;

/** Keys users try for credentials; rejected with a pointer to where credentials belong. */
const CREDENTIAL_KEYS = new Set([
  "accessKey", "secretKey", "securityToken", "accessKeyId", "accessKeySecret", "credentials", "profile",
]);

const CREDENTIAL_ADVICE =
  "credentials are not resource inputs (inputs are stored in the state): set alicloud:accessKey and " +
  "alicloud:secretKey with `pulumi config set --secret`, alicloud:profile, or ALIBABA_CLOUD_ACCESS_KEY_ID/" +
  "ALIBABA_CLOUD_ACCESS_KEY_SECRET in the environment";

/** One bad input: Pulumi's own CheckFailure (the property and what to do), for the providers' checks. */
export type { CheckFailure };

/** The checked inputs, or every failure found (Pulumi's CheckFailure: the property and what to do). */
export type CheckOutcome =
  | { ok: true; inputs: DomainTaskInputs & Record<string, unknown> }
  | { ok: false; failures: CheckFailure[] };

/**
 * Validates raw inputs. Returns them with defaults applied, or one failure per bad property. Values not
 * known yet (preview) pass through as they are, so a plan never fails on what it cannot know. `configured`
 * is the provider's stack config: whether plain http off loopback was opted into.
 */
export function checkInputs(raw: Record<string, unknown>, configured: Pick<ClientOptions, "allowInsecureHttp"> = {}): CheckOutcome {
  const news = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "__provider" && v !== undefined && v !== null));
  const unknownKeys = Object.keys(news).filter((k) => news[k] === UNKNOWN_VALUE);
  const failures: CheckFailure[] = [];
  for (const key of Object.keys(news)) {
    if (CREDENTIAL_KEYS.has(key)) failures.push({ property: key, reason: `${key}: ${CREDENTIAL_ADVICE}` });
  }
  // Validate with placeholders where values are unknown, then put the unknowns back.
  const known = { ...news };
  for (const key of unknownKeys) delete known[key];
  if (unknownKeys.includes("taskNo")) known.taskNo = "unknown";
  for (const key of CREDENTIAL_KEYS) delete known[key];
  const parsed = DomainTaskInputsSchema.safeParse(known);
  if (!parsed.success) {
    const seen = new Set(failures.map((f) => f.property));
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          failures.push({ property: key, reason: `${key} is not an input of DomainTask; remove it (inputs: ${INPUT_NAMES.join(", ")})` });
        }
        continue;
      }
      const property = String(issue.path[0] ?? "");
      if (seen.has(property)) continue; // one failure per property: the first issue says what to fix
      seen.add(property);
      const given = property in known ? `; got ${shown(property, known[property])}` : "";
      failures.push({ property, reason: `${issue.message}${given}` });
    }
  }
  // Checked apart from the schema so it is reported even when another property is bad.
  const min = known.minDelaySeconds ?? INPUT_DEFAULTS.minDelaySeconds;
  const max = known.maxDelaySeconds ?? INPUT_DEFAULTS.maxDelaySeconds;
  if (typeof min === "number" && typeof max === "number" && min > max && !failures.some((f) => f.property === "maxDelaySeconds")) {
    failures.push({ property: "maxDelaySeconds", reason: `maxDelaySeconds (${max}) must be at least minDelaySeconds (${min})` });
  }
  // Where requests go is checked now, at preview, not first at create.
  const endpointFailure = failures.some((f) => f.property === "endpoint") ? undefined : checkEndpoint(known.endpoint, configured);
  if (endpointFailure) failures.push(endpointFailure);
  // failFast stops a wait for success early; with another (valid, known) mode it would silently do nothing.
  if (known.failFast === true && (known.waitFor === "completion" || known.waitFor === "none")) {
    failures.push({
      property: "failFast",
      reason: `failFast only applies to waitFor "success" (waitFor is ${JSON.stringify(known.waitFor)}): remove failFast, or set waitFor "success"`,
    });
  }
  if (failures.length > 0 || !parsed.success) return { ok: false, failures };
  const inputs: Record<string, unknown> = { ...parsed.data };
  for (const key of unknownKeys) inputs[key] = UNKNOWN_VALUE;
  return { ok: true, inputs: inputs as DomainTaskInputs & Record<string, unknown> };
}

/**
 * A value as a failure shows it: JSON, cut short. Credential keys never get here (see CREDENTIAL_KEYS);
 * `triggers` may carry anything (a secret's hash, say), so only its type is shown, and a URL's user:password
 * part is masked.
 */
function shown(property: string, value: unknown): string {
  if (property === "triggers") return `a value of type ${value === null ? "null" : typeof value}`;
  const text = (JSON.stringify(value) ?? String(value)).replace(/\/\/[^/@\s]*@/g, "//***@");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Input names, for messages. */
export const INPUT_NAMES = Object.keys(DomainTaskInputsSchema.shape);

/**
 * The inputs of a property bag the engine already checked: new inputs (create/update) or a prior state,
 * which also holds the outcome fields and `null` for absent inputs. Throws a readable error if bad.
 */
export function parseInputs(props: Record<string, unknown>): DomainTaskInputs {
  const picked = Object.fromEntries(INPUT_NAMES.filter((k) => props[k] !== undefined && props[k] !== null).map((k) => [k, props[k]]));
  // The plain-http rule is left to the client, which applies the stack's own insecure setting when it
  // connects; a prior state must still parse (refresh) even if that setting changed since.
  const outcome = checkInputs(picked, { allowInsecureHttp: true });
  if (!outcome.ok) throw new Error(`DomainTask inputs are invalid: ${outcome.failures.map((f) => f.reason).join("; ")}`);
  return outcome.inputs;
}
