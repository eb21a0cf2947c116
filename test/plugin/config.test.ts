/**
 * The plugin's provider config as the engine sends it: CheckConfig validates it setting by setting (never showing a
 * credential), Configure delivers it - the secret key marked secret, as the engine keeps it - to the core, and
 * DiffConfig never replaces resources. No credential appears in any answer, any engine log line or anything the
 * plugin printed. Needs `npm run build`.
 */
import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { startEmulator, type Emulator } from "../../emulator";
import { TEST_KEY_ID, TEST_SECRET } from "../provider/fixture";
import { RpcFailure } from "../provider/rpc-client";
import { SECURITY_TOKEN } from "../security/leak-check";
import { secret, startPluginHost, type PluginHost } from "./plugin-host";

let emulator: Emulator;
let plugin: PluginHost;
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [{ accessKeyId: TEST_KEY_ID, accessKeySecret: TEST_SECRET }] });
  plugin = await startPluginHost();
});
afterAll(async () => {
  await plugin?.close();
  await emulator?.close();
});

describe("CheckConfig", () => {
  it("accepts a valid config and hands it back, its credentials marked secret", async () => {
    const news = { region: "cn-hangzhou", accessKey: TEST_KEY_ID, secretKey: TEST_SECRET, insecure: "false", version: "0.1.0" };
    expect(await plugin.checkConfig(news)).toEqual({ inputs: { ...news, accessKey: secret(TEST_KEY_ID), secretKey: secret(TEST_SECRET) }, failures: [] });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ["a setting it does not have", { endpiont: "https://x" }, "endpiont", /^alicloud-domain-tasks:endpiont is not a setting of this provider; remove it \(settings: region, accessKey/],
    ["a product it does not know", { product: "dns" }, "product", /product must be "domain" or "domain-intl"; got "dns"/],
    ["insecure that is no boolean", { insecure: "maybe" }, "insecure", /^alicloud-domain-tasks:insecure must be true or false; got "maybe"$/],
    ["half a key pair", { accessKey: TEST_KEY_ID }, "secretKey", /^alicloud-domain-tasks:secretKey is not set but alicloud-domain-tasks:accessKey is; set both/],
    ["a token without its key pair", { securityToken: SECURITY_TOKEN }, "securityToken", /needs accessKey and secretKey/],
    ["plain http off loopback", { endpoint: "http://example.com" }, "endpoint", /uses plain http to a host that is not loopback.*alicloud-domain-tasks:insecure true/],
    ["an endpoint with a path", { endpoint: "https://example.com/api" }, "endpoint", /must be a scheme, host and port only/],
    ["a credential that is no string", { accessKey: TEST_KEY_ID, secretKey: 12345 }, "secretKey", /^alicloud-domain-tasks:secretKey must be a string$/],
  ])("names %s", async (_what, news, property, reason) => {
    const { failures } = await plugin.checkConfig(news);
    expect(failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });

  it("never shows a credential in a failure", async () => {
    const { failures } = await plugin.checkConfig({ accessKey: TEST_SECRET, securityToken: SECURITY_TOKEN, colour: "x" });
    expect(failures.map((f) => f.property).sort()).toEqual(["colour"]);
    const again = await plugin.checkConfig({ secretKey: TEST_SECRET, securityToken: SECURITY_TOKEN });
    expect(again.failures.map((f) => f.property).sort()).toEqual(["accessKey", "securityToken"]);
    expect(JSON.stringify([failures, again.failures])).not.toMatch(new RegExp(`${TEST_SECRET}|${SECURITY_TOKEN.replace(/[+/=]/g, "\\$&")}`));
  });
});

describe("DiffConfig", () => {
  it("never replaces resources; says which settings changed", async () => {
    const changed = await plugin.diffConfig({ endpoint: "https://a.example.com" }, { endpoint: "https://b.example.com", region: "cn-hangzhou" });
    expect(changed.getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_SOME);
    expect(changed.getReplacesList()).toEqual([]);
    expect(changed.getDiffsList().sort()).toEqual(["endpoint", "region"]);
    expect((await plugin.diffConfig({ region: "cn-hangzhou" }, { region: "cn-hangzhou" })).getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_NONE);
  });
});

describe("Configure", () => {
  it("delivers the config, secrets included, to the core: requests are signed with it", async () => {
    const res = await plugin.configure({ accessKey: TEST_KEY_ID, secretKey: secret(TEST_SECRET), endpoint: emulator.url });
    expect(res.getAcceptsecrets()).toBe(false);
    expect(res.getSupportspreview()).toBe(false);
    const taskNo = emulator.addTask({ details: [{ domainName: "signed.example.com" }] });
    const { properties } = await plugin.rpc.create({ taskNo, waitFor: "none" });
    expect(properties).toMatchObject({ status: "EXECUTE_SUCCESS", total: 1 });
  });

  it("takes the legacy variables map when the engine sends no args", async () => {
    const req = new provproto.ConfigureRequest();
    const variables = req.getVariablesMap();
    variables.set("alicloud-domain-tasks:config:accessKey", TEST_KEY_ID);
    variables.set("alicloud-domain-tasks:config:secretKey", TEST_SECRET);
    variables.set("alicloud-domain-tasks:config:endpoint", emulator.url);
    await plugin.rpc.call("configure", req);
    const taskNo = emulator.addTask({ details: [{ domainName: "legacy.example.com" }] });
    expect((await plugin.rpc.create({ taskNo, waitFor: "none" })).properties.total).toBe(1);
  });

  it("refuses a bad config with the setting named and no credential shown", async () => {
    const err = await plugin.configure({ accessKey: TEST_KEY_ID, secretKey: secret(TEST_SECRET), endpoint: "ftp://nowhere" }).then(() => undefined, (e: RpcFailure) => e);
    expect(err?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err?.message).toMatch(/endpoint "ftp:\/\/nowhere" must use http or https/);
  });

  it("with a key the service refuses, fails the operation naming the key's ID, never its secret", async () => {
    await plugin.configure({ accessKey: "not-a-known-key", secretKey: secret(TEST_SECRET), endpoint: emulator.url });
    const taskNo = emulator.addTask({ details: [{ domainName: "x.example.com" }] });
    const err = await plugin.rpc.create({ taskNo, waitFor: "none" }).then(() => undefined, (e: RpcFailure) => e);
    expect(err?.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(err?.message).toContain(`DomainTask ${taskNo}:`);
    expect(err?.message).toMatch(/InvalidAccessKeyId/);
  });
});

afterAll(() => {
  // Every answer (but CheckConfig's, whose credentials go back marked secret: checked above), every engine log line
  // and everything the plugin printed: no credential anywhere.
  const everything = [plugin.answers(["checkConfig"]), JSON.stringify(plugin.engineLog), plugin.process.output()].join("\n");
  expect(everything).not.toContain(TEST_SECRET);
  expect(everything).not.toContain(SECURITY_TOKEN);
});
