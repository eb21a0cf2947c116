/**
 * The DomainNameServers resource's inputs: what to change (checked apart, by the SDK's rules:
 * sdk/name-servers/validate), how to wait and where the API lives (the shared inputs of ../core/wait-inputs).
 * Checking itself is the core's (../core/check).
 */
import { z } from "zod";
import { nameServerChangeProblems } from "../../sdk/name-servers/validate";
import type { Proof, Same } from "../../sdk/type-proofs";
import { checkInputsWith, inputNamesOf, parseInputsWith, type InputRules } from "../core/check";
import type { CheckOutcome } from "../core/check-failure";
import { LOCATION_FIELDS, WAIT_FIELDS, WAIT_INPUT_DEFAULTS, type LocationInputs, type WaitInputs } from "../core/wait-inputs";

/** Everything but the change itself: validated by zod, with the shared defaults. */
const SettingsSchema = z.strictObject({ ...WAIT_FIELDS, ...LOCATION_FIELDS });

/** The change itself, checked by the SDK's rules. */
const CHANGE_KEYS = ["domainNames", "nameServers", "aliyunDns"] as const;

/** Defaults of the inputs that have one. */
export const NAME_SERVERS_DEFAULTS = WAIT_INPUT_DEFAULTS;

/** Checked inputs with defaults applied (written out: reachable from NameServersState's declarations, no zod there). */
export type NameServersInputs = {
  domainNames: string[];
  nameServers?: string[];
  aliyunDns?: boolean;
} & WaitInputs & LocationInputs;
/** @internal Compile-time proof that the settings schema gives exactly the settings part of NameServersInputs. */
export type SettingsProof = Proof<Same<z.output<typeof SettingsSchema>, Omit<NameServersInputs, (typeof CHANGE_KEYS)[number]>>>;

/** @internal How the core checks a DomainNameServers' inputs (zod inside: kept out of the published types). */
export const NAME_SERVERS_INPUT_RULES: InputRules = {
  resource: "DomainNameServers",
  schema: SettingsSchema,
  apart: CHANGE_KEYS,
  placeholders: { domainNames: ["unknown.example"], nameServers: ["ns1.unknown.example", "ns2.unknown.example"] },
  // Whether name servers are required depends on aliyunDns: not checked while it is unknown.
  checkApart: (change, unknown) =>
    unknown.has("aliyunDns") ? [] : nameServerChangeProblems(change).map((p) => ({ property: p.field, reason: p.message })),
};

export const INPUT_NAMES = inputNamesOf(NAME_SERVERS_INPUT_RULES);

export const checkNameServersInputs = (raw: Record<string, unknown>): CheckOutcome<NameServersInputs> =>
  checkInputsWith<NameServersInputs>(NAME_SERVERS_INPUT_RULES, raw);

/** The inputs of a property bag the engine already checked (new inputs, or a state); throws a readable error if bad. */
export const parseNameServersInputs = (props: Record<string, unknown>): NameServersInputs =>
  parseInputsWith<NameServersInputs>(NAME_SERVERS_INPUT_RULES, props);
