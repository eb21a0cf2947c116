/**
 * The DomainNameServers dynamic provider: its declaration (./declaration) on the provider core, through the
 * dynamic-provider adapter. The host loads it by package name (`createDomainNameServersProvider`, keep that export:
 * every serialized DomainNameServers calls it), so no client or credential is ever serialized.
 */
import type { ProviderOptions } from "../core/provider-options";
import { DynamicResourceProvider } from "../dynamic/dynamic-provider";
import { domainNameServers } from "./declaration";
import type { NameServersInputs } from "./inputs";
import type { NameServersState } from "./state";

export type NameServersProviderOptions = ProviderOptions;

export class DomainNameServersProvider extends DynamicResourceProvider<NameServersInputs, NameServersState> {
  constructor(options: NameServersProviderOptions = {}) {
    super(domainNameServers, options);
  }
}

/** A fresh provider; the loader in the host calls this once per serialized provider. */
export const createDomainNameServersProvider = (options?: NameServersProviderOptions): DomainNameServersProvider =>
  new DomainNameServersProvider(options);
