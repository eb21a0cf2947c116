/**
 * The DomainNameServers' state: its inputs echoed (so `diff` compares against them; absent ones `null`), the TaskNo
 * of the change last made, its outcome (./wait) and the name servers each domain has now - all plain JSON.
 */
import type { NameServersInputs } from "./inputs";
import type { ChangeOutcome } from "./wait";

export interface NameServersState extends ChangeOutcome {
  domainNames: string[];
  nameServers: string[] | null;
  aliyunDns: boolean | null;
  failFast: boolean;
  timeoutSeconds: number;
  minDelaySeconds: number;
  maxDelaySeconds: number;
  maxDetails: number;
  lang: string | null;
  endpoint: string | null;
  product: string | null;
  region: string | null;
  /** The task of the change last made (or found, when a run was interrupted after submitting it). */
  taskNo: string;
  /** Domain -> its name servers as the registry reported them last (QueryDomainByDomainName). */
  currentNameServers: Record<string, string[]>;
}

export const echoInputs = (inputs: NameServersInputs) => ({
  domainNames: [...inputs.domainNames],
  nameServers: inputs.nameServers ? [...inputs.nameServers] : null,
  aliyunDns: inputs.aliyunDns ?? null,
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

/** The resource's ID: its domains, sorted (they identify it; a change of them replaces it). */
export const idOf = (domainNames: readonly string[]): string => [...domainNames].map((d) => d.toLowerCase()).sort().join(",");
