/**
 * The plugin loads only what it needs: gRPC, @pulumi/pulumi's generated protobufs and the provider core - none of
 * @pulumi/pulumi's runtime, even after serving a whole resource lifecycle. (How fast it starts is a benchmark, not a
 * test: `npm run bench`.) Needs `npm run build`.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { startEmulator } from "../../emulator";
import { ResourceProviderRpc } from "../provider/rpc-client";
import { isolatedEnv } from "../support/isolated-env";
import { startServedProcess } from "../support/served-process";
import { PLUGIN_BIN, secret, TASK_TYPE, urnOf } from "./plugin-host";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";

it("serves a lifecycle without loading @pulumi/pulumi beyond its protobufs", async () => {
  const trace = join(mkdtempSync(join(tmpdir(), "plugin-trace-")), "modules.txt");
  const emulator = await startEmulator();
  // The start-up benchmark's probe (built with the package) writes the modules loaded when the process exits.
  const probe = join(__dirname, "../../dist/bench/module-probe.js");
  const served = await startServedProcess(process.execPath, ["-r", probe, PLUGIN_BIN], { env: isolatedEnv({ BENCH_MODULE_PROBE_OUT: trace }) }, "the plugin");
  const rpc = new ResourceProviderRpc(served.port, urnOf(TASK_TYPE));
  try {
    await rpc.call("getSchema", new provproto.GetSchemaRequest());
    await rpc.configure({ accessKey: "emulator-access-key-id", secretKey: secret("emulator-access-key-secret"), endpoint: emulator.url });
    const taskNo = emulator.addTask({ details: [{ domainName: "loaded.example.com" }] });
    const { inputs } = await rpc.check({}, { taskNo });
    const { properties } = await rpc.create(inputs);
    expect(properties.status).toBe("EXECUTE_SUCCESS");
    await rpc.read(taskNo, properties);
  } finally {
    rpc.close();
    await served.stop();
    await emulator.close();
  }
  const loaded = readFileSync(trace, "utf8").split("\n").filter(Boolean);
  const pulumi = `${sep}node_modules${sep}@pulumi${sep}pulumi${sep}`;
  const fromPulumi = loaded.filter((file) => file.includes(pulumi)).map((file) => file.slice(file.indexOf(pulumi) + pulumi.length));
  expect(fromPulumi.length).toBeGreaterThan(0);
  expect(fromPulumi.filter((file) => !file.startsWith(`proto${sep}`))).toEqual([]);
  expect(loaded.some((file) => file.includes(`${sep}provider${sep}core${sep}resource-core.js`))).toBe(true);
});
