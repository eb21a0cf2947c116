/**
 * The part of Pulumi's dynamic-provider host a test needs: turn the serialized provider a dynamic resource sends
 * in its `__provider` input into a provider object, the way the host does (`require-from-string`, then
 * `handler()`), and configure it once with the whole stack config, as the engine (>= 3.139) does. The provider's
 * own `require`s resolve from the working directory, as in the host: run tests from the program's directory,
 * where this package is installed.
 */
import { createRequire } from "node:module";
import type * as pulumi from "@pulumi/pulumi";

type RequireFromString = (code: string) => { handler(): pulumi.dynamic.ResourceProvider };

/** The loader the host itself uses, resolved through @pulumi/pulumi (it is that package's dependency, not ours). */
const requireFromString = (): RequireFromString =>
  createRequire(require.resolve("@pulumi/pulumi"))("require-from-string") as RequireFromString;

/** Deserialized providers, one per serialized text (as the host caches them), each configured once. */
export class DynamicProviderHost {
  private readonly providers = new Map<string, Promise<pulumi.dynamic.ResourceProvider>>();

  constructor(private readonly config: () => Record<string, string>) {}

  /** The provider serialized as `text`, loaded and configured on first use. */
  providerFor(text: string): Promise<pulumi.dynamic.ResourceProvider> {
    let provider = this.providers.get(text);
    if (!provider) {
      provider = this.load(text);
      this.providers.set(text, provider);
    }
    return provider;
  }

  private async load(text: string): Promise<pulumi.dynamic.ResourceProvider> {
    const provider = requireFromString()(text).handler();
    const config = this.config();
    await provider.configure?.({ config: { get: (key: string) => config[key] } } as unknown as pulumi.dynamic.ConfigureRequest);
    return provider;
  }
}
