/**
 * The DomainTask dynamic provider: the DomainTask declaration (./declaration) on the provider core, through the
 * dynamic-provider adapter. The host loads it by package name (`createDomainTaskProvider`, keep that export: every
 * serialized DomainTask calls it).
 */
import type { ProviderOptions } from "./core/provider-options";
import { domainTask } from "./declaration";
import { DynamicResourceProvider } from "./dynamic/dynamic-provider";
import type { DomainTaskInputs } from "./inputs";
import type { DomainTaskState } from "./outputs";

export type { StoredState } from "./outputs";

/** What the provider needs from the outside world; tests replace parts of it. */
export type DomainTaskProviderOptions = ProviderOptions;

/** The provider methods, typed by Pulumi's own interface: checked inputs in, the state out. */
export class DomainTaskProvider extends DynamicResourceProvider<DomainTaskInputs, DomainTaskState> {
  constructor(options: DomainTaskProviderOptions = {}) {
    super(domainTask, options);
  }
}

/** A fresh provider; the loader in the host calls this once per serialized provider. */
export const createDomainTaskProvider = (options?: DomainTaskProviderOptions): DomainTaskProvider => new DomainTaskProvider(options);
