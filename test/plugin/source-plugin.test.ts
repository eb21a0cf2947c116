/**
 * plugin/ as a source-based plugin (`pulumi package add ./plugin`): its PulumiPlugin.yaml names the Node.js runtime,
 * whose language host runs the folder with @pulumi/pulumi's own run-plugin - run here the same way - and the plugin
 * it starts answers GetSchema. Needs `npm run build`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { ResourceProviderRpc } from "../provider/rpc-client";
import { isolatedEnv } from "../support/isolated-env";
import { startServedProcess } from "../support/served-process";
import { TASK_TYPE, urnOf } from "./plugin-host";

const PLUGIN_DIR = join(__dirname, "../../plugin");

it("runs through the Node.js language host's run-plugin and serves the schema", async () => {
  expect(readFileSync(join(PLUGIN_DIR, "PulumiPlugin.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
  const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin/index.js");
  const served = await startServedProcess(process.execPath, [runPlugin, PLUGIN_DIR, "127.0.0.1:1"], { env: isolatedEnv() }, "the source plugin");
  const rpc = new ResourceProviderRpc(served.port, urnOf(TASK_TYPE));
  try {
    const res = await rpc.call<provproto.GetSchemaRequest, provproto.GetSchemaResponse>("getSchema", new provproto.GetSchemaRequest());
    expect(Object.keys(JSON.parse(res.getSchema()).resources)).toEqual(["alicloud-domain-tasks:index:DomainTask", "alicloud-domain-tasks:index:DomainNameServers"]);
  } finally {
    rpc.close();
    await served.stop();
  }
});
