/**
 * The engine's protocol, as @pulumi/pulumi ships it: its generated protobufs (`@pulumi/pulumi/proto`), and the gRPC
 * and protobuf runtimes they were built against, resolved from @pulumi/pulumi's own folder so the plugin uses the
 * very copies the protobufs use (no second gRPC or google-protobuf of our own). Nothing else of @pulumi/pulumi is
 * loaded: its runtime would cost the plugin most of its start-up time.
 */
import { createRequire } from "node:module";
import type * as Grpc from "@grpc/grpc-js";
import type * as EngineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as EngineProto from "@pulumi/pulumi/proto/engine_pb";
import type * as PluginProto from "@pulumi/pulumi/proto/plugin_pb";
import type * as ProviderGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as ProviderProto from "@pulumi/pulumi/proto/provider_pb";
import type * as EmptyProto from "google-protobuf/google/protobuf/empty_pb";
import type * as StructProto from "google-protobuf/google/protobuf/struct_pb";

const PROTOS = "@pulumi/pulumi/proto/provider_pb";

/** A `require` that resolves as @pulumi/pulumi's protobufs do; a clear error when @pulumi/pulumi is not installed. */
const fromPulumi = ((): NodeJS.Require => {
  try {
    return createRequire(require.resolve(PROTOS));
  } catch (err) {
    throw new Error(
      "The alicloud-domain-tasks plugin speaks the engine's protocol through @pulumi/pulumi's protobufs, which are not " +
        "installed: npm install @pulumi/pulumi next to pulumi-alicloud-domain-tasks, or install the plugin's release " +
        `archive (docs/plugin.md). Cause: ${(err as Error).message}`,
    );
  }
})();

export const grpc = fromPulumi("@grpc/grpc-js") as typeof Grpc;
export const providerRpc = fromPulumi("./provider_pb") as typeof ProviderProto;
export const providerService = (fromPulumi("./provider_grpc_pb") as typeof ProviderGrpc).ResourceProviderService;
export const pluginRpc = fromPulumi("./plugin_pb") as typeof PluginProto;
export const engineRpc = fromPulumi("./engine_pb") as typeof EngineProto;
export const EngineClient = (fromPulumi("./engine_grpc_pb") as typeof EngineGrpc).EngineClient;
export const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb") as typeof StructProto;
export const { Empty } = fromPulumi("google-protobuf/google/protobuf/empty_pb") as typeof EmptyProto;

export type { Grpc, ProviderProto, PluginProto };
