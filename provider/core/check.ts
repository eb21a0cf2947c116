/**
 * Check, for every resource: raw inputs in, the checked inputs (defaults applied) or one CheckFailure per bad
 * property out, each naming the property, the value given (never a credential's) and what to do. A resource
 * declares only its zod schema, the inputs it checks apart from it (by the SDK's rules) and its cross-input
 * rules; values not known yet (preview) pass through as they are, so a plan never fails on what it cannot know.
 *
 * Credentials are never inputs (inputs are stored in the state): a credential key is refused with a pointer to
 * where credentials belong.
 */
import type { z } from "zod";
import type { ClientOptions } from "../../sdk/api/client";
import { holdsUnknown, type CheckFailure, type CheckOutcome } from "./check-failure";

export type { CheckOutcome } from "./check-failure";
import { checkEndpoint } from "./connection";
import { WAIT_INPUT_DEFAULTS } from "./wait-inputs";

/** How one resource's inputs are checked. */
export interface InputRules {
  /** The resource's name in messages, e.g. "DomainTask". */
  resource: string;
  /** The inputs zod checks (a strict object: an unknown key is a failure naming the inputs). */
  schema: z.ZodObject;
  /** Inputs checked by `checkApart` instead of the schema, kept as given. */
  apart?: readonly string[];
  /** Values validated in place of ones not known yet, where a value is required. */
  placeholders?: Readonly<Record<string, unknown>>;
  /** Checks the `apart` inputs (with placeholders for unknown ones); runs first. */
  checkApart?: (apart: Record<string, unknown>, unknown: ReadonlySet<string>) => CheckFailure[];
  /** Rules across inputs, on the known values; runs last. */
  rules?: (known: Record<string, unknown>) => CheckFailure[];
}


/** Keys users try for credentials; refused with a pointer to where credentials belong. */
const CREDENTIAL_KEYS = new Set(["accessKey", "secretKey", "securityToken", "accessKeyId", "accessKeySecret", "credentials", "profile"]);

const CREDENTIAL_ADVICE =
  "credentials are not resource inputs (inputs are stored in the state): set alicloud:accessKey and " +
  "alicloud:secretKey with `pulumi config set --secret`, alicloud:profile, or ALIBABA_CLOUD_ACCESS_KEY_ID/" +
  "ALIBABA_CLOUD_ACCESS_KEY_SECRET in the environment";

/** Every input of a resource, for messages and for picking inputs out of a state. */
export const inputNamesOf = (rules: InputRules): string[] => [...(rules.apart ?? []), ...Object.keys(rules.schema.shape)];

/**
 * Validates raw inputs. `configured` is the provider's configuration: whether plain http off loopback was
 * opted into (the endpoint is checked now, at preview, not first at create).
 */
export function checkInputsWith<I>(rules: InputRules, raw: Record<string, unknown>, configured: Pick<ClientOptions, "allowInsecureHttp"> = {}): CheckOutcome<I> {
  const news = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "__provider" && v !== undefined && v !== null));
  const unknown = new Set(Object.keys(news).filter((k) => holdsUnknown(news[k])));
  const apartKeys = new Set(rules.apart ?? []);
  const failures: CheckFailure[] = [];
  for (const key of Object.keys(news)) {
    if (CREDENTIAL_KEYS.has(key)) failures.push({ property: key, reason: `${key}: ${CREDENTIAL_ADVICE}` });
  }
  // Validate with placeholders where values are unknown; the unknowns go back in at the end.
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(news)) {
    if (CREDENTIAL_KEYS.has(key)) continue;
    if (!unknown.has(key)) known[key] = value;
    else if (rules.placeholders && key in rules.placeholders) known[key] = rules.placeholders[key];
  }
  const apart = Object.fromEntries(Object.entries(known).filter(([k]) => apartKeys.has(k)));
  if (rules.checkApart) failures.push(...firstPerProperty(rules.checkApart(apart, unknown)));
  const schemaInput = Object.fromEntries(Object.entries(known).filter(([k]) => !apartKeys.has(k)));
  const parsed = rules.schema.safeParse(schemaInput);
  if (!parsed.success) {
    const seen = new Set(failures.map((f) => f.property));
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          failures.push({ property: key, reason: `${key} is not an input of ${rules.resource}; remove it (inputs: ${inputNamesOf(rules).join(", ")})` });
        }
        continue;
      }
      const property = String(issue.path[0] ?? "");
      if (seen.has(property)) continue; // one failure per property: the first issue says what to fix
      seen.add(property);
      const given = property in schemaInput ? `; got ${shown(property, schemaInput[property])}` : "";
      failures.push({ property, reason: `${issue.message}${given}` });
    }
  }
  failures.push(...sharedRules(known, failures, configured), ...(rules.rules?.(known) ?? []));
  if (failures.length > 0 || !parsed.success) return { ok: false, failures };
  const inputs: Record<string, unknown> = { ...parsed.data, ...apart };
  for (const key of unknown) inputs[key] = news[key];
  return { ok: true, inputs: inputs as I & Record<string, unknown> };
}

/**
 * The inputs of a property bag the engine already checked: new inputs (create/update) or a prior state, which
 * also holds outputs and `null` for absent inputs. Throws a readable error if bad.
 */
export function parseInputsWith<I>(rules: InputRules, props: Record<string, unknown>): I {
  const picked = Object.fromEntries(inputNamesOf(rules).filter((k) => props[k] !== undefined && props[k] !== null).map((k) => [k, props[k]]));
  // The plain-http rule is left to the client, which applies the provider's own insecure setting when it
  // connects; a prior state must still parse (refresh) even if that setting changed since.
  const outcome = checkInputsWith<I>(rules, picked, { allowInsecureHttp: true });
  if (!outcome.ok) throw new Error(`${rules.resource} inputs are invalid: ${outcome.failures.map((f) => f.reason).join("; ")}`);
  return outcome.inputs;
}

/** The rules of the shared inputs (./wait-inputs): delays in order, and the endpoint the client will accept. */
function sharedRules(known: Record<string, unknown>, failures: readonly CheckFailure[], configured: Pick<ClientOptions, "allowInsecureHttp">): CheckFailure[] {
  const found: CheckFailure[] = [];
  const failed = (property: string) => failures.some((f) => f.property === property);
  const min = known.minDelaySeconds ?? WAIT_INPUT_DEFAULTS.minDelaySeconds;
  const max = known.maxDelaySeconds ?? WAIT_INPUT_DEFAULTS.maxDelaySeconds;
  if (typeof min === "number" && typeof max === "number" && min > max && !failed("maxDelaySeconds")) {
    found.push({ property: "maxDelaySeconds", reason: `maxDelaySeconds (${max}) must be at least minDelaySeconds (${min})` });
  }
  const endpoint = failed("endpoint") ? undefined : checkEndpoint(known.endpoint, configured);
  if (endpoint) found.push(endpoint);
  return found;
}

/** One failure per property: the first says what to fix. */
const firstPerProperty = (failures: readonly CheckFailure[]): CheckFailure[] => {
  const seen = new Set<string>();
  return failures.filter((f) => !seen.has(f.property) && seen.add(f.property));
};

/**
 * A value as a failure shows it: JSON, cut short. Credential keys never get here; `triggers` may carry anything
 * (a secret's hash, say), so only its type is shown, and a URL's user:password part is masked.
 */
function shown(property: string, value: unknown): string {
  if (property === "triggers") return `a value of type ${value === null ? "null" : typeof value}`;
  const text = (JSON.stringify(value) ?? String(value)).replace(/\/\/[^/@\s]*@/g, "//***@");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
