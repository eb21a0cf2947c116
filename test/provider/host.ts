/**
 * Runs dynamic providers the way `pulumi up` does: spawns Pulumi's real dynamic-provider host
 * (`@pulumi/pulumi/cmd/dynamic-provider`) as a child process and talks to it over gRPC with the generated
 * `pulumirpc.ResourceProvider` stubs. Every property bag carries the serialized provider in `__provider`,
 * exactly as the engine sends it; the host deserializes it with `require-from-string`, so module lookups
 * inside the provider resolve from the host's working directory.
 *
 * The host takes one argument, the engine address, which it never dials (logging falls back to the
 * host's stdout), and prints the port it listens on as its first line of stdout.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/** Plain JSON, as carried in a google.protobuf.Struct. */
export type PropertyMap = Record<string, unknown>;

export interface CheckReply {
  inputs: PropertyMap;
  failures: { property: string; reason: string }[];
}
export interface DiffReply {
  changes: "none" | "some" | "unknown";
  replaces: string[];
  deleteBeforeReplace: boolean;
}
export interface CreateReply {
  id: string;
  properties: PropertyMap;
}
export interface ReadReply {
  id: string;
  properties: PropertyMap;
  inputs?: PropertyMap;
}

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
  const child = spawn(process.execPath, [HOST_SCRIPT, "127.0.0.1:1"], {
    cwd: options.cwd ?? path.resolve(__dirname, "../.."),
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const port = await readPort(child, (text) => (output += text));
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

  const unary = <Req, Res>(method: string, request: Req): Promise<Res> =>
    new Promise((resolve, reject) => {
      const call = (client as unknown as Record<string, (r: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => void>)[method];
      call.call(client, request, (err, res) => (err ? reject(new Error(err.details || err.message)) : resolve(res)));
    });
  const struct = (value: PropertyMap) => Struct.fromJavaScript(value as Record<string, never>);
  const plain = (value: Struct | undefined) => (value ? (value.toJavaScript() as PropertyMap) : {});

  return {
    async configure(config) {
      const req = new provproto.ConfigureRequest();
      req.setArgs(struct(config));
      await unary("configure", req);
    },
    async check(olds, news) {
      const req = new provproto.CheckRequest();
      req.setUrn(URN);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      const res = await unary<provproto.CheckRequest, provproto.CheckResponse>("check", req);
      return {
        inputs: plain(res.getInputs()),
        failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(id, olds, news) {
      const req = new provproto.DiffRequest();
      req.setId(id);
      req.setUrn(URN);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      const res = await unary<provproto.DiffRequest, provproto.DiffResponse>("diff", req);
      const kinds = provproto.DiffResponse.DiffChanges;
      const changes = res.getChanges();
      return {
        changes: changes === kinds.DIFF_SOME ? "some" : changes === kinds.DIFF_NONE ? "none" : "unknown",
        replaces: res.getReplacesList(),
        deleteBeforeReplace: res.getDeletebeforereplace(),
      };
    },
    async create(properties) {
      const req = new provproto.CreateRequest();
      req.setUrn(URN);
      req.setProperties(struct(properties));
      const res = await unary<provproto.CreateRequest, provproto.CreateResponse>("create", req);
      return { id: res.getId(), properties: plain(res.getProperties()) };
    },
    async read(id, properties, inputs) {
      const req = new provproto.ReadRequest();
      req.setId(id);
      req.setUrn(URN);
      req.setProperties(struct(properties));
      if (inputs) req.setInputs(struct(inputs));
      const res = await unary<provproto.ReadRequest, provproto.ReadResponse>("read", req);
      return { id: res.getId(), properties: plain(res.getProperties()), inputs: res.getInputs() && plain(res.getInputs()) };
    },
    async update(id, olds, news) {
      const req = new provproto.UpdateRequest();
      req.setId(id);
      req.setUrn(URN);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      const res = await unary<provproto.UpdateRequest, provproto.UpdateResponse>("update", req);
      return plain(res.getProperties());
    },
    async delete(id, properties) {
      const req = new provproto.DeleteRequest();
      req.setId(id);
      req.setUrn(URN);
      req.setProperties(struct(properties));
      await unary("delete", req);
    },
    output: () => output,
    async printed(text, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (Date.now() > deadline) throw new Error(`the host did not print ${JSON.stringify(text)}; it printed:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      client.close();
      await stop(child);
    },
  };
}

/** Resolves with the port the host prints as its first stdout line; keeps collecting the rest. */
function readPort(child: ChildProcess, collect: (text: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    let port: number | undefined;
    child.stdout!.on("data", (chunk: Buffer) => {
      if (port !== undefined) return collect(chunk.toString());
      buffered += chunk.toString();
      const newline = buffered.indexOf("\n");
      if (newline < 0) return;
      port = Number(buffered.slice(0, newline).trim());
      collect(buffered.slice(newline + 1));
      if (Number.isInteger(port) && port > 0) resolve(port);
      else reject(new Error(`dynamic-provider host printed ${JSON.stringify(buffered)} instead of its port`));
    });
    child.once("exit", (code) => reject(new Error(`dynamic-provider host exited with ${code} before printing its port`)));
    child.once("error", reject);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
