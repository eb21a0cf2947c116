/**
 * Where a resource's requests go and with which credentials. Settings come from the provider's configuration
 * (stack config for the dynamic provider: `alicloud:*` as for @pulumi/alicloud, plus `alicloud-domain-tasks:*`;
 * the plugin's own config); a resource's endpoint/product/region inputs override where the API lives.
 * Credentials never come from inputs; without them the client falls back to the environment and the default
 * chain, read inside the provider process at call time.
 *
 * Depends on the SDK only: every resource's inputs import this, never the other way round.
 */
import type { ClientOptions } from "../../sdk/api/client";
import { resolveEndpoint } from "../../sdk/endpoint";
import { ValidationError } from "../../sdk/errors";
import { withLocation, type Location } from "../../sdk/location";
import type { CheckFailure } from "./check-failure";

/** A location as a state records it: absent values may be `null`. */
export type RecordedLocation = { [K in keyof Location]?: Location[K] | null };

/** Combines the provider's configured options with a resource's location inputs (sdk/location.ts: the rule). */
export function connectionOptions(configured: ClientOptions, location: RecordedLocation): ClientOptions {
  return withLocation(configured, {
    endpoint: location.endpoint ?? undefined,
    product: location.product ?? undefined,
    region: location.region ?? undefined,
  });
}

/**
 * The `endpoint` input checked at preview by the rules the client applies at create: http or https only, no
 * path or credentials in the URL (shown masked, never the password), plain http only to loopback unless the
 * provider opts in with `alicloud-domain-tasks:insecure`. Undefined when it is fine (or not a string: the
 * schema reports that).
 */
export function checkEndpoint(endpoint: unknown, configured: Pick<ClientOptions, "allowInsecureHttp">): CheckFailure | undefined {
  if (typeof endpoint !== "string" || endpoint.trim() === "") return undefined;
  try {
    resolveEndpoint({ endpoint, allowInsecureHttp: configured.allowInsecureHttp }, {});
    return undefined;
  } catch (error) {
    if (ValidationError.isInstance(error)) return { property: "endpoint", reason: error.message };
    throw error;
  }
}
