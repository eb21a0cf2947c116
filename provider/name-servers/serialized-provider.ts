/**
 * The provider object a DomainNameServers serializes into its `__provider` input: a loader, like the DomainTask's
 * (../serialized-provider.ts explains why), that requires `pulumi-alicloud-domain-tasks/provider` inside the host
 * and calls its `createDomainNameServersProvider`. Functions here may use only `require`, constants and `loaded`.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the host's own require, resolved at call time */
import type * as pulumi from "@pulumi/pulumi";

const PACKAGE_NAME = "pulumi-alicloud-domain-tasks";
const PROVIDER_EXPORT = "pulumi-alicloud-domain-tasks/provider";

const loaded: { provider?: pulumi.dynamic.ResourceProvider } = {};

function implementation(): pulumi.dynamic.ResourceProvider {
  if (loaded.provider) return loaded.provider;
  const { createRequire } = require("node:module") as typeof import("node:module");
  const { join } = require("node:path") as typeof import("node:path");
  let runtime: { createDomainNameServersProvider: () => pulumi.dynamic.ResourceProvider };
  try {
    runtime = createRequire(join(process.cwd(), "__domain_task_provider__.js"))(PROVIDER_EXPORT);
  } catch (err) {
    throw new Error(
      `The DomainNameServers provider could not load "${PROVIDER_EXPORT}" from ${process.cwd()}: install ` +
        `${PACKAGE_NAME} in the Pulumi program's dependencies (npm install ${PACKAGE_NAME}). Cause: ${(err as Error).message}`,
    );
  }
  loaded.provider = runtime.createDomainNameServersProvider();
  return loaded.provider;
}

export const serializableNameServersProvider: pulumi.dynamic.ResourceProvider = {
  configure: (req) => implementation().configure!(req),
  check: (olds, news) => implementation().check!(olds, news),
  diff: (id, olds, news) => implementation().diff!(id, olds, news),
  create: (inputs) => implementation().create(inputs),
  read: (id, props) => implementation().read!(id, props),
  update: (id, olds, news) => implementation().update!(id, olds, news),
  delete: (id, props) => implementation().delete!(id, props),
};
