/**
 * A pulumirpc.ResourceProvider client, as the engine drives a provider: plain JSON property bags in and out
 * (google.protobuf.Structs on the wire), one method per RPC. Both the dynamic-provider host (./host) and the
 * plugin (test/plugin/plugin-host.ts) are driven through it.
 */
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

/** A failed RPC: its gRPC status code, and the provider's message. */
export class RpcFailure extends Error {
  constructor(readonly code: grpc.status, message: string) {
    super(message);
  }
}

export const struct = (value: PropertyMap): Struct => Struct.fromJavaScript(value as Record<string, never>);
export const plain = (value: Struct | undefined): PropertyMap => (value ? (value.toJavaScript() as PropertyMap) : {});

/** The client, with the URN every resource RPC names (a test may give another per call). */
export class ResourceProviderRpc {
  readonly client: provrpc.ResourceProviderClient;

  constructor(port: number, private readonly urn: string) {
    this.client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  }

  /** One unary call; a failure rejects with an RpcFailure. */
  call<Req, Res>(method: string, request: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      const fn = (this.client as unknown as Record<string, (r: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => void>)[method];
      fn.call(this.client, request, (err, res) => (err ? reject(new RpcFailure(err.code, err.details || err.message)) : resolve(res)));
    });
  }

  async configure(config: PropertyMap): Promise<provproto.ConfigureResponse> {
    const req = new provproto.ConfigureRequest();
    req.setArgs(struct(config));
    return this.call("configure", req);
  }

  async check(olds: PropertyMap, news: PropertyMap, urn = this.urn): Promise<CheckReply> {
    const req = new provproto.CheckRequest();
    req.setUrn(urn);
    req.setOlds(struct(olds));
    req.setNews(struct(news));
    const res = await this.call<provproto.CheckRequest, provproto.CheckResponse>("check", req);
    return { inputs: plain(res.getInputs()), failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
  }

  async diff(id: string, olds: PropertyMap, news: PropertyMap, urn = this.urn): Promise<DiffReply & { response: provproto.DiffResponse }> {
    const req = new provproto.DiffRequest();
    req.setId(id);
    req.setUrn(urn);
    req.setOlds(struct(olds));
    req.setNews(struct(news));
    const res = await this.call<provproto.DiffRequest, provproto.DiffResponse>("diff", req);
    const kinds = provproto.DiffResponse.DiffChanges;
    const changes = res.getChanges();
    return {
      changes: changes === kinds.DIFF_SOME ? "some" : changes === kinds.DIFF_NONE ? "none" : "unknown",
      replaces: res.getReplacesList(),
      deleteBeforeReplace: res.getDeletebeforereplace(),
      response: res,
    };
  }

  async create(properties: PropertyMap, urn = this.urn): Promise<CreateReply> {
    const req = new provproto.CreateRequest();
    req.setUrn(urn);
    req.setProperties(struct(properties));
    const res = await this.call<provproto.CreateRequest, provproto.CreateResponse>("create", req);
    return { id: res.getId(), properties: plain(res.getProperties()) };
  }

  async read(id: string, properties: PropertyMap, inputs?: PropertyMap, urn = this.urn): Promise<ReadReply> {
    const req = new provproto.ReadRequest();
    req.setId(id);
    req.setUrn(urn);
    req.setProperties(struct(properties));
    if (inputs) req.setInputs(struct(inputs));
    const res = await this.call<provproto.ReadRequest, provproto.ReadResponse>("read", req);
    return { id: res.getId(), properties: plain(res.getProperties()), inputs: res.getInputs() && plain(res.getInputs()) };
  }

  async update(id: string, olds: PropertyMap, news: PropertyMap, urn = this.urn): Promise<PropertyMap> {
    const req = new provproto.UpdateRequest();
    req.setId(id);
    req.setUrn(urn);
    req.setOlds(struct(olds));
    req.setNews(struct(news));
    const res = await this.call<provproto.UpdateRequest, provproto.UpdateResponse>("update", req);
    return plain(res.getProperties());
  }

  async delete(id: string, properties: PropertyMap, urn = this.urn): Promise<void> {
    const req = new provproto.DeleteRequest();
    req.setId(id);
    req.setUrn(urn);
    req.setProperties(struct(properties));
    await this.call("delete", req);
  }

  close(): void {
    this.client.close();
  }
}
