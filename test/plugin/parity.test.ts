/**
 * One implementation behind both surfaces: the same emulator scenario gives the same outcome, the same message and
 * the same outputs through the dynamic provider (Pulumi's real dynamic-provider host) and through the plugin, for
 * a task that succeeds, one that fails, one recorded as failed, getTaskDetails, and a name-server change (the
 * second surface adopts the change the first made: never two tasks). Needs `npm run build`.
 */
import { getTaskDetails } from "../../provider/functions";
import { NEW_NAME_SERVERS, stackConfigFor, startAccount, WRITE_KEY } from "../name-servers/harness";
import { serializedNameServersProvider } from "../name-servers/serialized";
import { startBench, TEST_KEY_ID, TEST_SECRET, type Bench } from "../provider/fixture";
import { startProviderHost, type PropertyMap } from "../provider/host";
import { startPluginBench, type PluginBench } from "./fixture";
import { NAME_SERVERS_TYPE, urnOf } from "./plugin-host";

let dynamic: Bench;
let plugin: PluginBench;
beforeAll(async () => {
  dynamic = await startBench();
  plugin = await startPluginBench({ emulator: { emulator: dynamic.emulator, clock: dynamic.clock } });
});
afterAll(async () => {
  await plugin?.close();
  await dynamic?.close();
});

/** Outputs as both surfaces must agree on them: without when they were read, and without the dynamic loader. */
const comparable = (outputs: PropertyMap): PropertyMap => {
  const { checkedAt: _checked, completedAt: _completed, __provider: _loader, ...rest } = outputs;
  return rest;
};
const messageOf = (promise: Promise<unknown>) => promise.then(() => "(no error)", (err: Error) => err.message);

const ok = (domainName: string, finishAfterSeconds = 0) => ({ domainName, finishAfterSeconds, outcome: "success" as const, taskResult: `ok ${domainName}` });
const failure = (domainName: string) => ({ domainName, outcome: "failure" as const, failReason: "Locked by the registry", errorMsg: "E_LOCKED" });

it("a task that succeeds: the same ID and outputs", async () => {
  const taskNo = dynamic.addTask({ details: [ok("a.example.com", 1), ok("b.example.com", 1)] });
  const viaDynamic = await dynamic.host.create(dynamic.inputs({ taskNo, maxDetails: 1 }));
  const viaPlugin = await plugin.plugin.rpc.create(plugin.inputs({ taskNo, maxDetails: 1 }));
  expect(viaPlugin.id).toBe(viaDynamic.id);
  expect(comparable(viaPlugin.properties)).toEqual(comparable(viaDynamic.properties));
  expect(viaPlugin.properties).toMatchObject({ status: "EXECUTE_SUCCESS", detailsOmitted: 1 });
});

it("a task that fails: the same message", async () => {
  const taskNo = dynamic.addTask({ details: [ok("good.example.com"), failure("bad.example.com"), failure("worse.example.com")] });
  const viaDynamic = await messageOf(dynamic.host.create(dynamic.inputs({ taskNo })));
  const viaPlugin = await messageOf(plugin.plugin.rpc.create(plugin.inputs({ taskNo })));
  expect(viaPlugin).toBe(viaDynamic);
  expect(viaPlugin).toContain(`DomainTask ${taskNo} did not succeed: 2 of 3 task details failed`);
});

it("a failed task recorded with waitFor completion, then refreshed: the same outputs", async () => {
  const taskNo = dynamic.addTask({ details: [failure("only.example.com")] });
  const viaDynamic = await dynamic.host.create(dynamic.inputs({ taskNo, waitFor: "completion", triggers: ["v1"] }));
  const viaPlugin = await plugin.plugin.rpc.create(plugin.inputs({ taskNo, waitFor: "completion", triggers: ["v1"] }));
  expect(comparable(viaPlugin.properties)).toEqual(comparable(viaDynamic.properties));
  const refreshedDynamic = await dynamic.host.read(taskNo, viaDynamic.properties);
  const refreshedPlugin = await plugin.plugin.rpc.read(taskNo, viaPlugin.properties);
  expect(comparable(refreshedPlugin.properties)).toEqual(comparable(refreshedDynamic.properties));
});

it("getTaskDetails: the plugin's Invoke returns what the program-side function returns", async () => {
  const taskNo = dynamic.addTask({ details: [ok("x.example.com"), failure("y.example.com")] });
  const connection = { endpoint: dynamic.emulator.url, accessKey: TEST_KEY_ID, secretKey: TEST_SECRET };
  const inProgram = await getTaskDetails({ taskNo, lang: "en", ...connection });
  const { result } = await plugin.plugin.invoke("alicloud-domain-tasks:index:getTaskDetails", { taskNo, lang: "en" });
  expect(result).toEqual(JSON.parse(JSON.stringify(inProgram)));
});

it("a name-server change: the plugin adopts the task the dynamic provider submitted, with the same outputs", async () => {
  const account = await startAccount({ timing: { changeStartAfterSeconds: 0.1, changeFinishAfterSeconds: 0.3 } });
  const host = await startProviderHost();
  const nameServers = await startPluginBench({ config: () => ({ accessKey: WRITE_KEY.accessKeyId, secretKey: WRITE_KEY.accessKeySecret, endpoint: account.url }) });
  try {
    await host.configure(stackConfigFor(account));
    const inputs = { domainNames: ["shop.example.com", "blog.example.com"], nameServers: NEW_NAME_SERVERS, minDelaySeconds: 0.1, maxDelaySeconds: 0.3 };
    const viaDynamic = await host.create({ ...(await host.check({}, { ...inputs, __provider: await serializedNameServersProvider() })).inputs });
    const viaPlugin = await nameServers.plugin.rpc.create((await nameServers.plugin.rpc.check({}, inputs, urnOf(NAME_SERVERS_TYPE, "ns"))).inputs, urnOf(NAME_SERVERS_TYPE, "ns"));
    expect(account.stats().byAction.SaveBatchTaskForModifyingDomainDns).toBe(1);
    expect(viaPlugin.id).toBe(viaDynamic.id);
    expect(comparable(viaPlugin.properties)).toEqual(comparable(viaDynamic.properties));
    expect(viaPlugin.properties).toMatchObject({ succeeded: true, currentNameServers: { "shop.example.com": NEW_NAME_SERVERS } });
  } finally {
    await nameServers.close();
    await host.close();
    await account.close();
  }
});
