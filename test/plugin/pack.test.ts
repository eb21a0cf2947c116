/**
 * `npm run plugin:pack`: the release archive runs on its own - extracted outside this checkout (so nothing resolves
 * from the repository's node_modules), its launcher serves the plugin, which gates on a task. It holds no
 * development dependency. Needs `npm run build`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import { packPlugin } from "../../scripts/plugin-pack";
import { startEmulator } from "../../emulator";
import { ResourceProviderRpc } from "../provider/rpc-client";
import { isolatedEnv } from "../support/isolated-env";
import { startServedProcess } from "../support/served-process";
import { secret, TASK_TYPE, urnOf } from "./plugin-host";

it("packs an archive whose launcher serves the plugin from anywhere", async () => {
  const out = mkdtempSync(join(tmpdir(), "plugin-archives-"));
  const archives = packPlugin(out);
  const { version } = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"));
  expect(archives.map((a) => basename(a))).toEqual(["linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64"].map((p) => `pulumi-resource-alicloud-domain-tasks-v${version}-${p}.tar.gz`));

  const installed = mkdtempSync(join(tmpdir(), "plugin-installed-"));
  execFileSync("tar", ["-xzf", archives[0], "-C", installed]);
  const modules = readdirSync(join(installed, "node_modules"));
  for (const devOnly of ["jest", "typescript", "ts-node", "eslint"]) expect(modules).not.toContain(devOnly);
  expect(readdirSync(join(installed, "node_modules", "@pulumi", "pulumi")).sort()).toEqual(["package.json", "proto"]);
  expect(existsSync(join(installed, "node_modules", "pulumi-alicloud-domain-tasks", "dist", "provider", "plugin", "schema.json"))).toBe(true);

  const emulator = await startEmulator();
  const served = await startServedProcess(join(installed, "pulumi-resource-alicloud-domain-tasks"), [], { cwd: installed, env: isolatedEnv() }, "the packed plugin");
  const rpc = new ResourceProviderRpc(served.port, urnOf(TASK_TYPE));
  try {
    expect((await rpc.call<Empty, pluginProto.PluginInfo>("getPluginInfo", new Empty())).getVersion()).toBe(version);
    const schema = await rpc.call<provproto.GetSchemaRequest, provproto.GetSchemaResponse>("getSchema", new provproto.GetSchemaRequest());
    expect(JSON.parse(schema.getSchema()).name).toBe("alicloud-domain-tasks");
    await rpc.configure({ accessKey: "emulator-access-key-id", secretKey: secret("emulator-access-key-secret"), endpoint: emulator.url });
    const taskNo = emulator.addTask({ details: [{ domainName: "packed.example.com" }] });
    expect((await rpc.create({ taskNo })).properties).toMatchObject({ status: "EXECUTE_SUCCESS", succeeded: true });
  } finally {
    rpc.close();
    await served.stop();
    await emulator.close();
  }
}, 120_000);
