/**
 * The provider object a DomainTask serializes into its `__provider` input - deliberately tiny.
 *
 * Pulumi serializes a dynamic provider with `runtime.serializeFunction`, capturing everything its methods
 * reference; the text is stored in the state and evaluated by the dynamic-provider host. Capturing the
 * real provider would drag in the SDK's module graph (or fail on its sockets). Instead each method here
 * loads the implementation by package name *inside the host*, at call time, using only the host's own
 * `require`: nothing but a package name and an empty cache is captured, so the text is about 3 KB and holds
 * no client, credential or socket.
 *
 * The host evaluates the text as a module with no file name, whose `require` resolves from the host's
 * working directory (the Pulumi program's directory, where the package is installed). Resolving from a
 * file in that directory also lets Node's package self-reference find this package when the program sits
 * inside it (the repository's quickstart).
 *
 * Rules for this file: functions below may use only `require` (free, so it stays the host's), constants
 * and their own closure; no imports are referenced at run time.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the host's own require, resolved at call time */
import type * as pulumi from "@pulumi/pulumi";

/** The package (and export) the host loads the implementation from. */
const PACKAGE_NAME = "pulumi-alicloud-domain-tasks";
const PROVIDER_EXPORT = "pulumi-alicloud-domain-tasks/provider";

/** The factories `/provider` exports, one per resource. */
type ProviderFactory = "createDomainTaskProvider" | "createDomainNameServersProvider";

/**
 * A loader for the resource whose provider `factory` makes. The object's methods capture only `factory`,
 * `resource` and an empty cache (filled inside the host on first use: one implementation per deserialized
 * provider), which Pulumi serializes by value.
 */
export function serializableProviderFor(factory: ProviderFactory, resource: string): pulumi.dynamic.ResourceProvider {
  const loaded: { provider?: pulumi.dynamic.ResourceProvider } = {};
  function implementation(): pulumi.dynamic.ResourceProvider {
    if (loaded.provider) return loaded.provider;
    const { createRequire } = require("node:module") as typeof import("node:module");
    const { join } = require("node:path") as typeof import("node:path");
    let runtime: Record<ProviderFactory, () => pulumi.dynamic.ResourceProvider>;
    try {
      runtime = createRequire(join(process.cwd(), "__domain_task_provider__.js"))(PROVIDER_EXPORT);
    } catch (err) {
      throw new Error(
        `The ${resource} provider could not load "${PROVIDER_EXPORT}" from ${process.cwd()}: install ` +
          `${PACKAGE_NAME} in the Pulumi program's dependencies (npm install ${PACKAGE_NAME}) and run ` +
          `\`npm run build\` if it is a local checkout. Cause: ${(err as Error).message}`,
      );
    }
    loaded.provider = runtime[factory]();
    return loaded.provider;
  }
  return {
    configure: (req) => implementation().configure!(req),
    check: (olds, news) => implementation().check!(olds, news),
    diff: (id, olds, news) => implementation().diff!(id, olds, news),
    create: (inputs) => implementation().create(inputs),
    read: (id, props) => implementation().read!(id, props),
    update: (id, olds, news) => implementation().update!(id, olds, news),
    delete: (id, props) => implementation().delete!(id, props),
  };
}

/** What `new DomainTask(...)` hands to `pulumi.dynamic.Resource`; every method delegates. */
export const serializableProvider = serializableProviderFor("createDomainTaskProvider", "DomainTask");
