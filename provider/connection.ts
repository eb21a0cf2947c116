/**
 * Where a DomainTask's queries go and with which credentials. Settings come from the stack config the
 * engine hands `configure` (`alicloud:*` as for @pulumi/alicloud, plus `alicloud-domain-tasks:endpoint`);
 * a resource's own endpoint/product/region inputs override where the API lives. Credentials never come
 * from inputs; without stack config the client falls back to the environment and the default chain, read
 * inside the provider process at call time.
 */
import type { ClientOptions } from "../sdk/api/client";
import { resolveEndpoint } from "../sdk/endpoint";
import { ValidationError } from "../sdk/errors";
import type { CheckFailure, DomainTaskInputs } from "./inputs";

/** Combines the provider's configured options with a resource's location inputs. */
export function connectionOptions(configured: ClientOptions, inputs: DomainTaskInputs): ClientOptions {
  const { endpoint, product, region } = inputs;
  if (endpoint === undefined && product === undefined && region === undefined) return { ...configured };
  // The resource says where the API lives: all three config settings give way, as in getTaskDetails.
  const options: ClientOptions = { ...configured };
  delete options.endpoint;
  delete options.product;
  delete options.region;
  if (endpoint !== undefined) options.endpoint = endpoint;
  if (product !== undefined) options.product = product;
  if (region !== undefined) options.region = region;
  return options;
}

/**
 * The `endpoint` input checked at preview by the rules the client applies at create: http or https only, no
 * path or credentials in the URL (shown masked, never the password), plain http only to loopback unless the
 * stack opts in with `alicloud-domain-tasks:insecure`. Undefined when it is fine (or not a string: the
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
