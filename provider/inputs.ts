/**
 * The DomainTask resource's inputs: one zod schema (the task it watches, how to wait: the shared wait and
 * location inputs of ./core/wait-inputs), the defaults, and its one rule across inputs. Checking itself is the
 * core's (./core/check): one failure per bad property, each saying what to do.
 *
 * Credentials are deliberately not inputs: resource inputs are stored in the state. They come from stack
 * config (`alicloud:accessKey`/`secretKey`, set with `--secret`), the environment or the default chain.
 */
import { z } from "zod";
import type { ClientOptions } from "../sdk/api/client";
import type { Proof, Same } from "../sdk/type-proofs";
import { checkInputsWith, inputNamesOf, parseInputsWith, type InputRules } from "./core/check";
import type { CheckFailure, CheckOutcome as CoreCheckOutcome } from "./core/check-failure";
import { LOCATION_FIELDS, nonEmpty, WAIT_FIELDS, WAIT_INPUT_DEFAULTS, type LocationInputs, type WaitInputs } from "./core/wait-inputs";

export { UNKNOWN_VALUE } from "./core/check-failure";

/** What `create`/`update` wait for. */
export const WAIT_MODES = ["success", "completion", "none"] as const;
/** One of {@link WAIT_MODES}: `success`, `completion` or `none`. */
export type WaitMode = (typeof WAIT_MODES)[number];

/**
 * Defaults of the optional inputs that have one (the others are absent, `null` in the state). The wait's
 * timings are the SDK's (WAIT_DEFAULTS), so a DomainTask waits as long as a waitForTask call does.
 */
export const INPUT_DEFAULTS = {
  waitFor: "success" as WaitMode,
  ...WAIT_INPUT_DEFAULTS,
};

/**
 * @internal The inputs after validation and defaults; what the provider works with (and echoes into its
 * state). Stripped from the published declarations, which show DomainTaskInputs instead (no zod type there).
 */
export const DomainTaskInputsSchema = z.strictObject({
  taskNo: nonEmpty("taskNo (the TaskNo returned by a SaveSingleTaskFor*/SaveBatchTaskFor* call)"),
  domainName: nonEmpty("domainName").optional(),
  instanceId: nonEmpty("instanceId").optional(),
  waitFor: z
    .enum(WAIT_MODES, { error: `waitFor must be one of ${WAIT_MODES.map((m) => `"${m}"`).join(", ")}` })
    .default(INPUT_DEFAULTS.waitFor),
  ...WAIT_FIELDS,
  triggers: z.array(z.unknown(), { error: "triggers must be an array (any change to it re-runs the wait)" }).optional(),
  ...LOCATION_FIELDS,
});

/** Checked inputs with their defaults applied (written out: reachable from DomainTaskState's declarations). */
export type DomainTaskInputs = {
  taskNo: string;
  domainName?: string;
  instanceId?: string;
  waitFor: WaitMode;
  triggers?: unknown[];
} & WaitInputs & LocationInputs;
/** @internal Compile-time proof that the schema gives exactly DomainTaskInputs. */
export type InputsProof = Proof<Same<z.output<typeof DomainTaskInputsSchema>, DomainTaskInputs>>;

/** One bad input: the property and what to do (the shape of Pulumi's CheckFailure). */
export type { CheckFailure };

/** The checked inputs, or every failure found. */
export type CheckOutcome = CoreCheckOutcome<DomainTaskInputs>;

/** @internal How the core checks a DomainTask's inputs (zod inside: kept out of the published types). */
export const DOMAIN_TASK_INPUT_RULES: InputRules = {
  resource: "DomainTask",
  schema: DomainTaskInputsSchema,
  placeholders: { taskNo: "unknown" },
  // failFast stops a wait for success early; with another (valid, known) mode it would silently do nothing.
  rules: (known) =>
    known.failFast === true && (known.waitFor === "completion" || known.waitFor === "none")
      ? [{
          property: "failFast",
          reason: `failFast only applies to waitFor "success" (waitFor is ${JSON.stringify(known.waitFor)}): remove failFast, or set waitFor "success"`,
        }]
      : [],
};

/**
 * Validates raw inputs. Returns them with defaults applied, or one failure per bad property. Values not
 * known yet (preview) pass through as they are. `configured` is the provider's stack config: whether plain
 * http off loopback was opted into.
 */
export const checkInputs = (raw: Record<string, unknown>, configured: Pick<ClientOptions, "allowInsecureHttp"> = {}): CheckOutcome =>
  checkInputsWith<DomainTaskInputs>(DOMAIN_TASK_INPUT_RULES, raw, configured);

/** Input names, for messages. */
export const INPUT_NAMES = inputNamesOf(DOMAIN_TASK_INPUT_RULES);

/** The inputs of a property bag the engine already checked (new inputs, or a prior state); throws a readable error if bad. */
export const parseInputs = (props: Record<string, unknown>): DomainTaskInputs => parseInputsWith<DomainTaskInputs>(DOMAIN_TASK_INPUT_RULES, props);
