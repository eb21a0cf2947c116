/**
 * The dynamic-provider adapter: Pulumi's `dynamic.ResourceProvider` methods over the provider core, for one
 * declared resource. This is what runs inside Pulumi's dynamic-provider host; it is not serialized (the resource
 * serializes the small loader in ./serialized-provider, which loads this by package name inside the host, so no
 * client, credential or socket ever lands in the state).
 */
import type * as pulumi from "@pulumi/pulumi";
import { log as pulumiLog } from "@pulumi/pulumi";
import { AbortError } from "../../sdk/errors";
import type { ResourceDeclaration } from "../core/declaration";
import type { ProviderOptions } from "../core/provider-options";
import { ProviderEnvironment, ResourceCore } from "../core/resource-core";
import { CANCELLED_MESSAGE, deploymentCancellation } from "./cancellation";

/** A declared resource's dynamic provider; its log goes to `pulumi.log.info` unless `options.log` says otherwise. */
export class DynamicResourceProvider<I extends Record<string, unknown>, S> implements pulumi.dynamic.ResourceProvider<I, Partial<S>> {
  private readonly core: ResourceCore<I, S>;

  /** @internal Each resource's provider class passes its declaration (kept out of the published types: no zod there). */
  constructor(declaration: ResourceDeclaration<I, S>, options: ProviderOptions = {}) {
    this.core = new ResourceCore(declaration, new ProviderEnvironment({ log: (m) => void pulumiLog.info(m), ...options }));
    // Pulumi's dynamic-provider host drops the engine's Cancel; the program's word of it (./cancellation.ts) stops
    // every wait and read in flight instead, as the plugin's Cancel does.
    deploymentCancellation().signal.addEventListener("abort", () => this.core.environment.cancel(new AbortError(CANCELLED_MESSAGE)), { once: true });
  }

  /** Reads the stack config (decrypted by the engine, keys as `ns:name`) once per provider process. */
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.core.environment.configure((key) => req.config.get(key));
  }

  async check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult<I>> {
    const outcome = this.core.check(news);
    // Without `inputs` the host keeps the news as they came, which is what a failed check should show.
    return outcome.ok ? { inputs: outcome.inputs } : { failures: outcome.failures };
  }

  async diff(_id: string, olds: Partial<S>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = this.core.diff(olds as Record<string, unknown>, news);
    return { changes, replaces, deleteBeforeReplace };
  }

  async create(props: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult<S>> {
    const { id, state } = await this.core.create(props);
    return { id, outs: state };
  }

  async read(id: string, props: Partial<S> = {}): Promise<pulumi.dynamic.ReadResult<Partial<S>>> {
    const { state } = await this.core.read(id, props as Record<string, unknown>);
    return { id, props: state };
  }

  async update(id: string, olds: Partial<S>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult<S>> {
    return { outs: await this.core.update(id, olds as Record<string, unknown>, news) };
  }

  async delete(id: string, props: Partial<S>): Promise<void> {
    await this.core.delete(id, props as Record<string, unknown>);
  }
}
