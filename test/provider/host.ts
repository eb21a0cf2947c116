/**
 * Runs dynamic providers the way `pulumi up` does: spawns Pulumi's real dynamic-provider host
 * (`@pulumi/pulumi/cmd/dynamic-provider`) as a child process and talks to it over gRPC with the generated
 * `pulumirpc.ResourceProvider` stubs (./rpc-client). Every property bag carries the serialized provider in
 * `__provider`, exactly as the engine sends it; the host deserializes it with `require-from-string`, so module
 * lookups inside the provider resolve from the host's working directory.
 *
 * The host takes one argument, the engine address, which it never dials (logging falls back to the
 * host's stdout), and prints the port it listens on as its first line of stdout.
 */
import * as path from "node:path";
import { startServedProcess } from "../support/served-process";
import { ResourceProviderRpc, type CheckReply, type CreateReply, type DiffReply, type PropertyMap, type ReadReply } from "./rpc-client";

export type { CheckReply, CreateReply, DiffReply, PropertyMap, ReadReply } from "./rpc-client";

/** The engine's marker for a value not known until apply (used in previews). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface ProviderHost {
  /** ConfigureRequest.args: the stack config, `ns:key` -> string value. */
  configure(config: Record<string, string>): Promise<void>;
  check(olds: PropertyMap, news: PropertyMap): Promise<CheckReply>;
  diff(id: string, olds: PropertyMap, news: PropertyMap): Promise<DiffReply>;
  create(properties: PropertyMap): Promise<CreateReply>;
  read(id: string, properties: PropertyMap, inputs?: PropertyMap): Promise<ReadReply>;
  update(id: string, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap>;
  delete(id: string, properties: PropertyMap): Promise<void>;
  /** Everything the host printed so far (stdout and stderr), e.g. `pulumi.log` lines. */
  output(): string;
  /**
   * Resolves once the host has printed `text`. A log line and the reply of the call that logged it come
   * through different pipes, so the reply can arrive first; rejects with the output after `timeoutMs`.
   */
  printed(text: string, timeoutMs?: number): Promise<void>;
  /** Closes the channel and stops the host; resolves when the process has exited. */
  close(): Promise<void>;
}

export interface StartHostOptions {
  /** The host's working directory: where the serialized provider's `require`s resolve from. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const HOST_SCRIPT = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js");
const URN = "urn:pulumi:test::domain-tasks::pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainTask::gate";

/** Starts a host and connects to it. Always `close()` it (afterAll). */
export async function startProviderHost(options: StartHostOptions = {}): Promise<ProviderHost> {
  const served = await startServedProcess(process.execPath, [HOST_SCRIPT, "127.0.0.1:1"], {
    cwd: options.cwd ?? path.resolve(__dirname, "../.."),
    env: options.env ?? process.env,
  }, "dynamic-provider host");
  const rpc = new ResourceProviderRpc(served.port, URN);
  return {
    configure: async (config) => void (await rpc.configure(config)),
    check: (olds, news) => rpc.check(olds, news),
    diff: async (id, olds, news) => {
      const { changes, replaces, deleteBeforeReplace } = await rpc.diff(id, olds, news);
      return { changes, replaces, deleteBeforeReplace };
    },
    create: (properties) => rpc.create(properties),
    read: (id, properties, inputs) => rpc.read(id, properties, inputs),
    update: (id, olds, news) => rpc.update(id, olds, news),
    delete: (id, properties) => rpc.delete(id, properties),
    output: served.output,
    printed: served.printed,
    async close() {
      rpc.close();
      await served.stop();
    },
  };
}
