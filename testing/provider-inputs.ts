/**
 * Inputs as the engine hands them to a provider. Under `pulumi.runtime.setMocks` a resource's inputs arrive in the
 * SDK's in-memory form: a secret wrapped (`{ "4dabf181...": "1b470612...", value }`) and a value not known yet (in a
 * preview) as an `Unknown` object, anywhere in the tree. The engine and the dynamic-provider host hand a provider
 * the plain value and the unknown marker string (`04da6b54-...`) instead; a mock that passes the in-memory form on
 * makes the provider see objects where it expects strings. Convert first.
 */
import * as pulumi from "@pulumi/pulumi";

/** `value` with every secret unwrapped and every unknown turned into the engine's marker, at any depth. */
export const toProviderInputs = (value: unknown): unknown => {
  if (pulumi.isUnknown(value)) return pulumi.runtime.unknownValue;
  if (pulumi.runtime.isRpcSecret(value)) return toProviderInputs(pulumi.runtime.unwrapRpcSecret(value));
  if (Array.isArray(value)) return value.map(toProviderInputs);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, toProviderInputs(v)]));
  }
  return value;
};
