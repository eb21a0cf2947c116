/**
 * Runs the plugin the way the engine does: spawns `bin/pulumi-resource-alicloud-domain-tasks` with an engine address
 * (a fake pulumirpc.Engine on loopback that records every Log line the plugin sends), reads its port, and drives it
 * over gRPC with Pulumi's generated stubs. Every reply, every log line and everything the process printed is kept,
 * so a test can look for a secret in all of them. Needs `npm run build` (the plugin runs compiled).
 */
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderRpc, plain, struct, type PropertyMap } from "../provider/rpc-client";
import { isolatedEnv } from "../support/isolated-env";
import { startServedProcess, type ServedProcess } from "../support/served-process";

export const PLUGIN_BIN = path.resolve(__dirname, "../../bin/pulumi-resource-alicloud-domain-tasks");
export const TASK_TYPE = "alicloud-domain-tasks:index:DomainTask";
export const NAME_SERVERS_TYPE = "alicloud-domain-tasks:index:DomainNameServers";

/** The URN the engine gives a resource of `type` named `name`. */
export const urnOf = (type: string, name = "gate"): string => `urn:pulumi:test::plugin-project::${type}::${name}`;

/** A value marked secret, as the engine sends it where it keeps secrets (Configure's args). */
export const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

export interface EngineLogLine {
  severity: number;
  message: string;
  urn: string;
}

/** A pulumirpc.Engine that only records Log lines. */
async function startFakeEngine(): Promise<{ address: string; lines: EngineLogLine[]; stop(): Promise<void> }> {
  const lines: EngineLogLine[] = [];
  const server = new grpc.Server();
  server.addService(engineGrpc.EngineService, {
    log: (call: grpc.ServerUnaryCall<engineProto.LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
      lines.push({ severity: call.request.getSeverity(), message: call.request.getMessage(), urn: call.request.getUrn() });
      callback(null, new Empty());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, lines, stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())) };
}

export interface PluginHost {
  rpc: ResourceProviderRpc;
  process: ServedProcess;
  /** Every Log line the plugin sent the engine. */
  engineLog: EngineLogLine[];
  /** Every reply so far (and every error message) but those of the RPCs in `except`, as JSON, for "no secret anywhere" checks. */
  answers(except?: readonly string[]): string;
  getSchema(): Promise<Record<string, unknown>>;
  checkConfig(news: PropertyMap): Promise<{ inputs: PropertyMap; failures: { property: string; reason: string }[] }>;
  diffConfig(olds: PropertyMap, news: PropertyMap): Promise<provproto.DiffResponse>;
  configure(args: PropertyMap): Promise<provproto.ConfigureResponse>;
  invoke(token: string, args: PropertyMap): Promise<{ result: PropertyMap; failures: { property: string; reason: string }[] }>;
  cancel(): Promise<void>;
  pluginVersion(): Promise<string>;
  close(): Promise<void>;
}

/** Starts the plugin against a fake engine. Always `close()` it (afterAll). */
export async function startPluginHost(env: Record<string, string> = {}): Promise<PluginHost> {
  const engine = await startFakeEngine();
  const served = await startServedProcess(PLUGIN_BIN, [engine.address], { env: isolatedEnv(env) }, "the plugin");
  const rpc = new ResourceProviderRpc(served.port, urnOf(TASK_TYPE));
  const answers: { method: string; text: string }[] = [];
  const call = rpc.call.bind(rpc);
  // Record every reply and every failure that crosses the wire.
  rpc.call = async <Req, Res>(method: string, request: Req): Promise<Res> => {
    try {
      const res = await call<Req, Res>(method, request);
      answers.push({ method, text: JSON.stringify((res as { toObject?: () => unknown }).toObject?.() ?? res) });
      return res;
    } catch (err) {
      answers.push({ method, text: (err as Error).message });
      throw err;
    }
  };
  return {
    rpc,
    process: served,
    engineLog: engine.lines,
    answers: (except = []) => answers.filter((a) => !except.includes(a.method)).map((a) => a.text).join("\n"),
    async getSchema() {
      const res = await rpc.call<provproto.GetSchemaRequest, provproto.GetSchemaResponse>("getSchema", new provproto.GetSchemaRequest());
      return JSON.parse(res.getSchema()) as Record<string, unknown>;
    },
    async checkConfig(news) {
      const req = new provproto.CheckRequest();
      req.setUrn("urn:pulumi:test::plugin-project::pulumi:providers:alicloud-domain-tasks::default");
      req.setOlds(struct({}));
      req.setNews(struct(news));
      const res = await rpc.call<provproto.CheckRequest, provproto.CheckResponse>("checkConfig", req);
      return { inputs: plain(res.getInputs()), failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
    },
    async diffConfig(olds, news) {
      const req = new provproto.DiffRequest();
      req.setUrn("urn:pulumi:test::plugin-project::pulumi:providers:alicloud-domain-tasks::default");
      req.setOlds(struct(olds));
      req.setOldInputs(struct(olds));
      req.setNews(struct(news));
      return rpc.call("diffConfig", req);
    },
    configure: (args) => rpc.configure(args),
    async invoke(token, args) {
      const req = new provproto.InvokeRequest();
      req.setTok(token);
      req.setArgs(struct(args));
      const res = await rpc.call<provproto.InvokeRequest, provproto.InvokeResponse>("invoke", req);
      return { result: plain(res.getReturn()), failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
    },
    async cancel() {
      await rpc.call("cancel", new Empty());
    },
    async pluginVersion() {
      return (await rpc.call<Empty, pluginProto.PluginInfo>("getPluginInfo", new Empty())).getVersion();
    },
    async close() {
      rpc.close();
      await served.stop();
      await engine.stop();
    },
  };
}
