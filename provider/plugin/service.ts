/**
 * The plugin's pulumirpc.ResourceProvider service: each RPC the engine sends, translated to the provider core
 * (../core) and back. One ProviderEnvironment serves every resource, so Configure configures them all and Cancel
 * stops every wait in flight. The plugin takes no secrets in resource properties (the engine strips them and marks
 * the results secret itself); only Configure's arguments arrive with secrets, and they are unwrapped, handed to the
 * core and never answered, logged or put in an error.
 *
 * Errors: bad input is INVALID_ARGUMENT, a cancellation CANCELLED, a defect in this code INTERNAL, and every
 * deliberate failure (a failed task, a timeout, an API error) FAILED_PRECONDITION - a well-understood failure, so
 * the engine does not treat the resource's state as unknown.
 */
import { AbortError, ValidationError } from "../../sdk/errors";
import { ProviderEnvironment, ResourceCore } from "../core/resource-core";
import type { ProviderOptions } from "../core/provider-options";
import type { CheckFailure } from "../core/check-failure";
import { checkConfig, SECRET_SETTINGS, stackConfigOf } from "./config";
import type { EngineLog } from "./engine-log";
import { memberOf, pluginVersion, tokenOf } from "./package-info";
import { fromStruct, markSecrets, toStruct } from "./properties";
import { Empty, grpc, pluginRpc, providerRpc as rpc, type Grpc, type PluginProto, type ProviderProto } from "./protocol";
import { PLUGIN_FUNCTIONS, PLUGIN_RESOURCES, servedTokens } from "./registry";
import PACKAGE_SCHEMA from "./schema.json";

/** An RPC's failure, with its gRPC status. */
class RpcError extends Error {
  constructor(readonly code: Grpc.status, message: string) {
    super(message);
  }
}

const DEFECTS = [TypeError, RangeError, ReferenceError, SyntaxError];

/** The gRPC status an error is answered with (see the module documentation), by the error or what caused it. */
const statusOf = (err: unknown): Grpc.status => {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 10; e = (e as Error).cause, depth++) {
    if (e instanceof RpcError) return e.code;
    if (ValidationError.isInstance(e)) return grpc.status.INVALID_ARGUMENT;
    if (AbortError.isInstance(e)) return grpc.status.CANCELLED;
    if (DEFECTS.some((kind) => (e as Error) instanceof kind)) return grpc.status.INTERNAL;
  }
  return grpc.status.FAILED_PRECONDITION;
};

/** A unary handler from an async function of the request. */
const unary = <Req, Res>(handle: (request: Req) => Promise<Res> | Res): Grpc.handleUnaryCall<Req, Res> => (call, callback) => {
  Promise.resolve()
    .then(() => handle(call.request))
    .then(
      (response) => callback(null, response),
      (err: unknown) => callback({ code: statusOf(err), details: err instanceof Error ? err.message : String(err) }, null),
    );
};

const failuresOf = (failures: readonly CheckFailure[]): ProviderProto.CheckFailure[] =>
  failures.map((f) => {
    const failure = new rpc.CheckFailure();
    failure.setProperty(f.property);
    failure.setReason(f.reason);
    return failure;
  });

/** The resource type a URN names: its last part's own type (`parent$child` -> child). */
const typeOfUrn = (urn: string): string => (urn.split("::")[2] ?? "").split("$").pop() ?? "";

/** Serves the plugin's resources and functions on one provider environment. */
export class PluginService {
  private readonly environment: ProviderEnvironment;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resource has its own inputs and state
  private readonly cores: ReadonlyMap<string, ResourceCore<any, any>>;
  private config: Record<string, unknown> = {};

  constructor(private readonly log: EngineLog, options: ProviderOptions = {}) {
    this.environment = new ProviderEnvironment({ log: (m) => log.info(m), ...options });
    this.cores = new Map(PLUGIN_RESOURCES.map((declaration) => [tokenOf(declaration.type), new ResourceCore(declaration, this.environment)]));
  }

  /** The implementation grpc-js serves; RPCs left out (Construct, Call, Parameterize, ...) answer UNIMPLEMENTED. */
  implementation(): Grpc.UntypedServiceImplementation {
    return {
      handshake: unary((req: ProviderProto.ProviderHandshakeRequest) => {
        this.log.connect(req.getEngineAddress());
        const res = new rpc.ProviderHandshakeResponse();
        res.setAcceptSecrets(false);
        res.setAcceptResources(false);
        res.setAcceptOutputs(false);
        res.setSupportsAutonamingConfiguration(false);
        return res;
      }),
      attach: unary((req: PluginProto.PluginAttach) => {
        this.log.connect(req.getAddress());
        return new Empty();
      }),
      getPluginInfo: unary(() => {
        const info = new pluginRpc.PluginInfo();
        info.setVersion(pluginVersion());
        return info;
      }),
      getSchema: unary((req: ProviderProto.GetSchemaRequest) => {
        if (req.getSubpackageName()) throw new RpcError(grpc.status.INVALID_ARGUMENT, `alicloud-domain-tasks has no subpackage ${JSON.stringify(req.getSubpackageName())}`);
        const res = new rpc.GetSchemaResponse();
        res.setSchema(JSON.stringify({ ...PACKAGE_SCHEMA, version: pluginVersion() }));
        return res;
      }),
      checkConfig: unary((req: ProviderProto.CheckRequest) => {
        const news = fromStruct(req.getNews());
        const res = new rpc.CheckResponse();
        // The engine configures the provider with these inputs and stores them: credentials go back marked secret.
        res.setInputs(toStruct(markSecrets(news, SECRET_SETTINGS)));
        res.setFailuresList(failuresOf(checkConfig(news)));
        return res;
      }),
      diffConfig: unary((req: ProviderProto.DiffRequest) => {
        const olds = fromStruct(req.getOldInputs() ?? req.getOlds());
        const news = fromStruct(req.getNews());
        const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
        const res = new rpc.DiffResponse();
        // A provider's settings change how requests are made, never what a resource is: nothing is replaced.
        res.setChanges(changed.length > 0 ? rpc.DiffResponse.DiffChanges.DIFF_SOME : rpc.DiffResponse.DiffChanges.DIFF_NONE);
        res.setDiffsList(changed);
        return res;
      }),
      configure: unary((req: ProviderProto.ConfigureRequest) => {
        const args = fromStruct(req.getArgs());
        const config = Object.keys(args).length > 0 ? args : this.fromVariables(req.getVariablesMap());
        const failures = checkConfig(config);
        if (failures.length > 0) throw new RpcError(grpc.status.INVALID_ARGUMENT, failures.map((f) => f.reason).join("; "));
        this.config = config;
        this.environment.configure(stackConfigOf(config));
        const res = new rpc.ConfigureResponse();
        res.setAcceptsecrets(false);
        res.setAcceptresources(false);
        res.setSupportspreview(false);
        res.setAcceptoutputs(false);
        return res;
      }),
      invoke: unary(async (req: ProviderProto.InvokeRequest) => {
        const run = PLUGIN_FUNCTIONS[memberOf(req.getTok()) ?? ""];
        if (!run) throw new RpcError(grpc.status.UNIMPLEMENTED, `unknown function ${req.getTok()}; this plugin serves ${servedTokens().join(", ")}`);
        const res = new rpc.InvokeResponse();
        try {
          res.setReturn(toStruct(await run(fromStruct(req.getArgs()), stackConfigOf(this.config))));
        } catch (err) {
          if (!ValidationError.isInstance(err)) throw err;
          res.setFailuresList(failuresOf([{ property: err.field, reason: err.message }]));
        }
        return res;
      }),
      check: unary((req: ProviderProto.CheckRequest) => {
        const outcome = this.coreOf(req.getType(), req.getUrn()).check(fromStruct(req.getNews()));
        const res = new rpc.CheckResponse();
        res.setInputs(outcome.ok ? toStruct(outcome.inputs) : req.getNews() ?? toStruct({}));
        if (!outcome.ok) res.setFailuresList(failuresOf(outcome.failures));
        return res;
      }),
      diff: unary((req: ProviderProto.DiffRequest) => {
        const diff = this.coreOf(req.getType(), req.getUrn()).diff(fromStruct(req.getOlds()), fromStruct(req.getNews()));
        const kinds = rpc.PropertyDiff.Kind;
        const res = new rpc.DiffResponse();
        res.setChanges(diff.changes ? rpc.DiffResponse.DiffChanges.DIFF_SOME : rpc.DiffResponse.DiffChanges.DIFF_NONE);
        res.setReplacesList(diff.replaces);
        res.setDiffsList(diff.changed);
        res.setDeletebeforereplace(false);
        res.setHasdetaileddiff(true);
        for (const key of diff.changed) {
          const property = new rpc.PropertyDiff();
          property.setKind(diff.replaces.includes(key) ? kinds.UPDATE_REPLACE : kinds.UPDATE);
          property.setInputdiff(true);
          res.getDetaileddiffMap().set(key, property);
        }
        return res;
      }),
      create: unary(async (req: ProviderProto.CreateRequest) => {
        const res = new rpc.CreateResponse();
        if (req.getPreview()) {
          // Not asked for (Configure says supportsPreview: false), and never a reason to submit anything.
          res.setProperties(req.getProperties() ?? toStruct({}));
          return res;
        }
        const { id, state } = await this.coreOf(req.getType(), req.getUrn()).create(fromStruct(req.getProperties()), this.scope(req.getUrn()));
        res.setId(id);
        res.setProperties(toStruct(state));
        return res;
      }),
      read: unary(async (req: ProviderProto.ReadRequest) => {
        const core = this.coreOf(req.getType(), req.getUrn());
        const { id, state } = await core.read(req.getId(), fromStruct(req.getProperties()), this.scope(req.getUrn()));
        const res = new rpc.ReadResponse();
        res.setId(id);
        res.setProperties(toStruct(state));
        // Refresh keeps the program's inputs; an import (no inputs yet) records the ones the state stands for.
        res.setInputs(req.getInputs() && Object.keys(fromStruct(req.getInputs())).length > 0 ? req.getInputs()! : toStruct(core.inputsOf(state)));
        return res;
      }),
      update: unary(async (req: ProviderProto.UpdateRequest) => {
        const res = new rpc.UpdateResponse();
        if (req.getPreview()) {
          res.setProperties(req.getNews() ?? toStruct({}));
          return res;
        }
        const state = await this.coreOf(req.getType(), req.getUrn()).update(req.getId(), fromStruct(req.getOlds()), fromStruct(req.getNews()), this.scope(req.getUrn()));
        res.setProperties(toStruct(state));
        return res;
      }),
      delete: unary(async (req: ProviderProto.DeleteRequest) => {
        await this.coreOf(req.getType(), req.getUrn()).delete(req.getId(), fromStruct(req.getProperties()), this.scope(req.getUrn()));
        return new Empty();
      }),
      cancel: unary(() => {
        this.environment.cancel(new AbortError("The deployment was cancelled: the plugin stopped waiting (the task itself goes on at the registrar)."));
        return new Empty();
      }),
    };
  }

  /** The core of the resource a request is about (its type, or its URN's). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resource has its own inputs and state
  private coreOf(type: string, urn: string): ResourceCore<any, any> {
    const token = type || typeOfUrn(urn);
    const core = this.cores.get(token);
    if (!core) throw new RpcError(grpc.status.INVALID_ARGUMENT, `unknown resource type ${JSON.stringify(token)}; this plugin serves ${servedTokens().join(", ")}`);
    return core;
  }

  /** An operation's own log: its lines go to the engine under the resource's URN. */
  private scope(urn: string) {
    return { log: (message: string) => this.log.info(message, urn) };
  }

  /** The legacy config map (`alicloud-domain-tasks:config:<key>` -> string), when Configure sends no args. */
  private fromVariables(variables: { forEach(fn: (value: string, key: string) => void): void }): Record<string, unknown> {
    const config: Record<string, unknown> = {};
    variables.forEach((value, key) => {
      const name = key.slice(key.lastIndexOf(":") + 1);
      if (name) config[name] = value;
    });
    return config;
  }
}
