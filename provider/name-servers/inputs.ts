/**
 * The DomainNameServers resource's inputs: what to change (checked by the SDK's rules, sdk/name-servers/validate),
 * how to wait (the DomainTask's own wait inputs and defaults) and where the API lives. Values not known yet
 * (preview) pass through unchecked, so a plan never fails on what it cannot know.
 */
import { z } from "zod";
import { nameServerChangeProblems } from "../../sdk/name-servers/validate";
import type { Proof, Same } from "../../sdk/type-proofs";
import { DomainTaskInputsSchema, UNKNOWN_VALUE, type CheckFailure } from "../inputs";

const task = DomainTaskInputsSchema.shape;

/** Everything but the change itself: validated by zod, with the DomainTask's defaults. */
const SettingsSchema = z.strictObject({
  failFast: task.failFast,
  timeoutSeconds: task.timeoutSeconds,
  minDelaySeconds: task.minDelaySeconds,
  maxDelaySeconds: task.maxDelaySeconds,
  maxDetails: task.maxDetails,
  lang: task.lang,
  endpoint: task.endpoint,
  product: task.product,
  region: task.region,
});

const CHANGE_KEYS = ["domainNames", "nameServers", "aliyunDns"] as const;

/** Checked inputs with defaults applied (written out: reachable from NameServersState's declarations, no zod there). */
export type NameServersInputs = {
  domainNames: string[];
  nameServers?: string[];
  aliyunDns?: boolean;
  failFast: boolean;
  timeoutSeconds: number;
  minDelaySeconds: number;
  maxDelaySeconds: number;
  maxDetails: number;
  lang?: "en" | "zh";
  endpoint?: string;
  product?: "domain" | "domain-intl";
  region?: string;
};
/** @internal Compile-time proof that the settings schema gives exactly the settings part of NameServersInputs. */
export type SettingsProof = Proof<Same<z.output<typeof SettingsSchema>, Omit<NameServersInputs, "domainNames" | "nameServers" | "aliyunDns">>>;

export const INPUT_NAMES = [...CHANGE_KEYS, ...Object.keys(SettingsSchema.shape)];

export type NameServersCheck = { ok: true; inputs: Record<string, unknown> } | { ok: false; failures: CheckFailure[] };

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

export function checkNameServersInputs(raw: Record<string, unknown>): NameServersCheck {
  const news = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "__provider" && v !== undefined && v !== null));
  const unknown = new Set(Object.keys(news).filter((k) => news[k] === UNKNOWN_VALUE || (Array.isArray(news[k]) && (news[k] as unknown[]).includes(UNKNOWN_VALUE))));
  const failures: CheckFailure[] = [];
  const change = Object.fromEntries(CHANGE_KEYS.filter((k) => k in news).map((k) => [k, news[k]]));
  if (unknown.has("domainNames")) change.domainNames = ["unknown.example"];
  if (unknown.has("nameServers")) change.nameServers = ["ns1.unknown.example", "ns2.unknown.example"];
  if (!unknown.has("aliyunDns")) {
    const seen = new Set<string>();
    for (const p of nameServerChangeProblems(change)) {
      if (seen.has(p.field)) continue; // one failure per property: the first says what to fix
      seen.add(p.field);
      failures.push({ property: p.field, reason: p.message });
    }
  }
  const settings = Object.fromEntries(Object.entries(news).filter(([k]) => !(CHANGE_KEYS as readonly string[]).includes(k) && !unknown.has(k)));
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) failures.push({ property: key, reason: `${key} is not an input of DomainNameServers; remove it (inputs: ${INPUT_NAMES.join(", ")})` });
        continue;
      }
      const property = String(issue.path[0] ?? "");
      if (seen.has(property)) continue;
      seen.add(property);
      failures.push({ property, reason: `${issue.message}${property in settings ? `; got ${shown(settings[property])}` : ""}` });
    }
  }
  const min = (settings.minDelaySeconds as number | undefined) ?? 2;
  const max = (settings.maxDelaySeconds as number | undefined) ?? 30;
  if (min > max && !failures.some((f) => f.property === "maxDelaySeconds")) {
    failures.push({ property: "maxDelaySeconds", reason: `maxDelaySeconds (${max}) must be at least minDelaySeconds (${min})` });
  }
  if (failures.length > 0 || !parsed.success) return { ok: false, failures };
  const inputs: Record<string, unknown> = { ...parsed.data, ...Object.fromEntries(CHANGE_KEYS.filter((k) => k in news).map((k) => [k, news[k]])) };
  for (const key of unknown) inputs[key] = news[key];
  return { ok: true, inputs };
}

/** The inputs of a property bag the engine already checked (new inputs, or a state); throws a readable error if bad. */
export function parseNameServersInputs(props: Record<string, unknown>): NameServersInputs {
  const picked = Object.fromEntries(INPUT_NAMES.filter((k) => props[k] !== undefined && props[k] !== null).map((k) => [k, props[k]]));
  const outcome = checkNameServersInputs(picked);
  if (!outcome.ok) throw new Error(`DomainNameServers inputs are invalid: ${outcome.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
  return outcome.inputs as NameServersInputs;
}
