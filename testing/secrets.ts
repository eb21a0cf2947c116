/**
 * Secret inputs, as a provider expects them. Under `pulumi.runtime.setMocks` a resource's secret inputs arrive
 * wrapped (`{ "4dabf181...": "1b470612...", value }`, Pulumi's wire marker for a secret), anywhere in the input
 * tree; the real engine and dynamic-provider host hand a provider the plain values. A mock that passes the
 * wrapped objects on makes the provider see an object where it expects a string, so unwrap them first.
 */
import * as pulumi from "@pulumi/pulumi";

/** `value` with every secret marker removed, at any depth. Plain values pass through unchanged. */
export const unwrapSecrets = (value: unknown): unknown => {
  if (pulumi.runtime.isRpcSecret(value)) return unwrapSecrets(pulumi.runtime.unwrapRpcSecret(value));
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, unwrapSecrets(v)]));
  }
  return value;
};
