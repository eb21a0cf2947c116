/**
 * The DomainNameServers' state: its inputs echoed (so `diff` compares against them; absent ones `null`), the TaskNo
 * of the change last made, its outcome (the core's outcome outputs) and the name servers each domain has now - all
 * plain JSON.
 */
import type { Proof, Same } from "../../sdk/type-proofs";
import { OUTCOME_OUTPUT_NAMES, type OutcomeOutputs } from "../core/outcome-outputs";
import { echoSharedInputs, SHARED_INPUT_NAMES } from "../core/wait-inputs";
import type { NameServersInputs } from "./inputs";

export interface NameServersState extends OutcomeOutputs {
  domainNames: string[];
  nameServers: string[] | null;
  aliyunDns: boolean | null;
  failFast: boolean;
  timeoutSeconds: number;
  minDelaySeconds: number;
  maxDelaySeconds: number;
  maxDetails: number;
  lang: "en" | "zh" | null;
  endpoint: string | null;
  product: "domain" | "domain-intl" | null;
  region: string | null;
  /** The task of the change last made (or found, when a run was interrupted after submitting it). */
  taskNo: string;
  /** Domain -> its name servers as the registry reported them last (QueryDomainByDomainName). */
  currentNameServers: Record<string, string[]>;
}

/** Every output of a DomainNameServers, in state order. */
export const NAME_SERVERS_OUTPUT_NAMES = [
  "domainNames", "nameServers", "aliyunDns", ...SHARED_INPUT_NAMES, "taskNo", "currentNameServers", ...OUTCOME_OUTPUT_NAMES,
] as const satisfies readonly (keyof NameServersState)[];
/** @internal Compile-time proof that NAME_SERVERS_OUTPUT_NAMES lists every field of NameServersState, and only those. */
export type OutputNamesProof = Proof<Same<(typeof NAME_SERVERS_OUTPUT_NAMES)[number], keyof NameServersState>>;

export const echoInputs = (inputs: NameServersInputs) => ({
  domainNames: [...inputs.domainNames],
  nameServers: inputs.nameServers ? [...inputs.nameServers] : null,
  aliyunDns: inputs.aliyunDns ?? null,
  ...echoSharedInputs(inputs),
});

/** The resource's ID: its domains, sorted (they identify it; a change of them replaces it). */
export const idOf = (domainNames: readonly string[]): string => [...domainNames].map((d) => d.toLowerCase()).sort().join(",");
