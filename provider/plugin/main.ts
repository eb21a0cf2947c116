/**
 * The plugin's entry (`bin/pulumi-resource-alicloud-domain-tasks`): serves pulumirpc.ResourceProvider on a loopback
 * port and prints the port as the first line of stdout, which is how the engine finds it. The engine passes its own
 * address as the first argument (where log lines go); `PULUMI_DEBUG_PROVIDERS` runs attach to a plugin started by
 * hand instead (Attach). Loads gRPC, Pulumi's generated protobufs and the provider core - not the Pulumi runtime.
 */
import type { ProviderOptions } from "../core/provider-options";
import { EngineLog } from "./engine-log";
import { grpc, providerService } from "./protocol";
import { PluginService } from "./service";

/** A running plugin: its port, and how to stop it. */
export interface RunningPlugin {
  port: number;
  stop(): Promise<void>;
}

/** Starts the server on 127.0.0.1 (any free port); `engineAddress` receives the log lines. */
export async function servePlugin(engineAddress?: string, options: ProviderOptions = {}): Promise<RunningPlugin> {
  const log = new EngineLog();
  if (engineAddress) log.connect(engineAddress);
  const server = new grpc.Server();
  server.addService(providerService, new PluginService(log, options).implementation());
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
  );
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        log.close();
        server.tryShutdown(() => resolve());
      }),
  };
}

/** `pulumi-resource-alicloud-domain-tasks [engine-address]`: serve until the engine stops the process. */
export async function main(argv: readonly string[]): Promise<void> {
  const plugin = await servePlugin(argv.find((a) => !a.startsWith("-")));
  const stop = () => void plugin.stop().finally(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.stdout.write(`${plugin.port}\n`);
}
