/**
 * Where the API lives, given explicitly (a DomainTask's inputs, getTaskDetails' args), against the stack
 * config. The one rule: an explicit endpoint, product or region replaces all three from config, as a group.
 * Mixing them would build a place nobody named: a configured endpoint with an explicit product would send
 * one product's version to another's host, and a configured region would pick a host the explicit product
 * does not serve.
 */
import type { ClientOptions } from "./api/client";
import { STACK_CONFIG_KEYS } from "./config";

/** The location settings of a client. */
export type Location = Pick<ClientOptions, "endpoint" | "product" | "region">;

const given = (location: Location): boolean =>
  location.endpoint !== undefined || location.product !== undefined || location.region !== undefined;

/** The stack config keys an explicit location hides (all three, or none), so they are not even read. */
export const hiddenLocationKeys = (location: Location): string[] =>
  given(location) ? [STACK_CONFIG_KEYS.endpoint, STACK_CONFIG_KEYS.product, STACK_CONFIG_KEYS.region] : [];

/** `configured` with an explicit location in place of its own (a copy; unchanged if none was given). */
export const withLocation = (configured: ClientOptions, location: Location): ClientOptions => {
  const options: ClientOptions = { ...configured };
  if (!given(location)) return options;
  delete options.endpoint;
  delete options.product;
  delete options.region;
  if (location.endpoint !== undefined) options.endpoint = location.endpoint;
  if (location.product !== undefined) options.product = location.product;
  if (location.region !== undefined) options.region = location.region;
  return options;
};
