/**
 * DomainNameServers through Pulumi's real dynamic-provider host (spawned, called over gRPC as the engine does),
 * against the emulator: check, create (submit then wait), update, refresh drift, delete - and a create interrupted
 * after its submit, whose next run waits on the same task instead of submitting again.
 * Requires `npm run build` (the host loads the compiled package).
 */
import type { Emulator } from "../../emulator";
import { DomainTaskClient } from "../../sdk/api/client";
import { queryDomainNameServers, submitNameServerChange } from "../../sdk/name-servers";
import { startProviderHost, UNKNOWN, type PropertyMap, type ProviderHost } from "../provider/host";
import { NEW_NAME_SERVERS, OLD_NAME_SERVERS, READ_ONLY_KEY, stackConfigFor, startAccount, WRITE_KEY } from "./harness";
import { serializedNameServersProvider } from "./serialized";

const FAST = { minDelaySeconds: 0.2, maxDelaySeconds: 0.5 };
let providerText: string;
let emulator: Emulator;
let host: ProviderHost;

beforeAll(async () => {
  providerText = await serializedNameServersProvider();
});
beforeEach(async () => {
  emulator = await startAccount({ timing: { changeStartAfterSeconds: 0.2, changeFinishAfterSeconds: 0.6 } });
  host = await startProviderHost();
  await host.configure(stackConfigFor(emulator));
});
afterEach(async () => {
  await host.close();
  await emulator.close();
});

const props = (inputs: PropertyMap): PropertyMap => ({ ...inputs, __provider: providerText });
const submissions = () => emulator.stats().byAction.SaveBatchTaskForModifyingDomainDns ?? 0;
const checked = async (inputs: PropertyMap) => {
  const reply = await host.check({}, props(inputs));
  expect(reply.failures).toEqual([]);
  return reply.inputs;
};

it("check names each bad input and its value, sends nothing, and lets unknown values through", async () => {
  const reply = await host.check({}, props({ domainNames: ["shop.example.com", "bad_name.example"], nameServers: ["ns1.new-dns.example"], timeoutSeconds: 0 }));
  expect(reply.failures).toEqual([
    { property: "domainNames", reason: expect.stringContaining('"bad_name.example", which is not a domain name') },
    { property: "nameServers", reason: "nameServers has 1 host name; registries take 2 to 13" },
    { property: "timeoutSeconds", reason: "timeoutSeconds must be greater than 0; got 0" },
  ]);
  const both = await host.check({}, props({ domainNames: ["shop.example.com"], nameServers: NEW_NAME_SERVERS, aliyunDns: true }));
  expect(both.failures).toEqual([{ property: "nameServers", reason: expect.stringContaining("nameServers or aliyunDns: true, not both") }]);
  expect((await host.check({}, props({ domainNames: UNKNOWN, nameServers: NEW_NAME_SERVERS }))).failures).toEqual([]);
  expect(emulator.stats().total).toBe(0);
});

it("creates by submitting once and waiting: outputs the task, its outcome and the name servers now", async () => {
  const created = await host.create(props(await checked({ domainNames: ["shop.example.com", "blog.example.com"], nameServers: NEW_NAME_SERVERS, ...FAST })));
  expect(created.id).toBe("blog.example.com,shop.example.com");
  expect(created.properties).toMatchObject({
    taskNo: expect.any(String),
    status: "EXECUTE_SUCCESS",
    succeeded: true,
    total: 2,
    nameServers: NEW_NAME_SERVERS,
    aliyunDns: null,
    currentNameServers: { "shop.example.com": NEW_NAME_SERVERS, "blog.example.com": NEW_NAME_SERVERS },
  });
  expect(submissions()).toBe(1);
});

it("fails a create naming each failed domain and its reason", async () => {
  const inputs = await checked({ domainNames: ["locked.example.com", "shop.example.com"], nameServers: NEW_NAME_SERVERS, ...FAST });
  await expect(host.create(props(inputs))).rejects.toThrow(
    /failed for 1 of 2 domains:\n {2}- locked\.example\.com: FailReason: 2304 Object status prohibits operation \(clientUpdateProhibited\); ErrorMsg: .*Remove the lock/,
  );
});

it("tells a key without domain:DnsModification which permission it lacks", async () => {
  await host.configure(stackConfigFor(emulator, READ_ONLY_KEY));
  const inputs = await checked({ domainNames: ["shop.example.com"], aliyunDns: true, ...FAST });
  await expect(host.create(props(inputs))).rejects.toThrow(/lacks the action domain:DnsModification/);
});

it("updates new name servers with a new task, other settings in place; a domain change replaces; delete leaves them", async () => {
  const first = await host.create(props(await checked({ domainNames: ["shop.example.com"], nameServers: NEW_NAME_SERVERS, ...FAST })));
  const reordered = await checked({ domainNames: ["shop.example.com"], nameServers: [...NEW_NAME_SERVERS].reverse(), ...FAST });
  expect((await host.diff(first.id, first.properties, props(reordered))).changes).toBe("none");
  const moved = await checked({ domainNames: ["shop.example.com"], nameServers: ["ns3.new-dns.example", "ns4.new-dns.example"], ...FAST });
  expect(await host.diff(first.id, first.properties, props(moved))).toEqual({ changes: "some", replaces: [], deleteBeforeReplace: false });
  const updated = await host.update(first.id, first.properties, props(moved));
  expect(updated.taskNo).not.toBe(first.properties.taskNo);
  expect(submissions()).toBe(2);

  expect(updated.currentNameServers).toEqual({ "shop.example.com": ["ns3.new-dns.example", "ns4.new-dns.example"] });
  const slower = await checked({ domainNames: ["shop.example.com"], nameServers: ["ns3.new-dns.example", "ns4.new-dns.example"], ...FAST, timeoutSeconds: 99 });
  const same = await host.update(first.id, updated, props(slower));
  expect(same).toMatchObject({ taskNo: updated.taskNo, timeoutSeconds: 99 });
  expect(submissions()).toBe(2);

  const other = await checked({ domainNames: ["SHOP.example.com", "blog.example.com"], nameServers: NEW_NAME_SERVERS, ...FAST });
  expect((await host.diff(first.id, updated, props(other))).replaces).toEqual(["domainNames"]);
  await host.delete(first.id, updated);
  expect(submissions()).toBe(2);
});

it("refresh reads the registry: a change made outside the stack shows as a change to nameServers", async () => {
  const inputs = await checked({ domainNames: ["shop.example.com"], nameServers: NEW_NAME_SERVERS, ...FAST });
  const created = await host.create(props(inputs));
  const client = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...WRITE_KEY }, env: {} });
  await submitNameServerChange(client, { domainNames: ["shop.example.com"], nameServers: OLD_NAME_SERVERS });
  while ((await queryDomainNameServers(client, "shop.example.com")).nameServers[0] !== OLD_NAME_SERVERS[0]) await new Promise((r) => setTimeout(r, 100));

  const read = await host.read(created.id, created.properties);
  expect(read.properties).toMatchObject({ nameServers: OLD_NAME_SERVERS, currentNameServers: { "shop.example.com": OLD_NAME_SERVERS }, taskNo: created.properties.taskNo });
  expect((await host.diff(created.id, read.properties, props(inputs))).changes).toBe("some");
});

it("a create interrupted after its submit is resumed by the next run: it waits on the same task, never submitting twice", async () => {
  await emulator.close();
  emulator = await startAccount({ timing: { changeStartAfterSeconds: 0.5, changeFinishAfterSeconds: 3 } });
  await host.configure(stackConfigFor(emulator));
  const inputs = await checked({ domainNames: ["shop.example.com", "blog.example.com"], nameServers: NEW_NAME_SERVERS, ...FAST });

  const interrupted = host.create(props(inputs)).catch((err: Error) => err);
  while (submissions() === 0) await new Promise((r) => setTimeout(r, 20));
  await host.close(); // the provider process dies mid-wait, as when `pulumi up` is cancelled
  expect(await interrupted).toBeInstanceOf(Error);
  const list = (await new DomainTaskClient({ endpoint: emulator.url, credentials: { ...WRITE_KEY }, env: {} }).callAction(
    "QueryTaskList", { PageNum: "1", PageSize: "10" }, (body) => body as { Data: { TaskInfo: { TaskNo: string; TaskStatus: string }[] } },
  )).Data.TaskInfo;
  expect(list).toHaveLength(1);
  expect(list[0].TaskStatus).not.toBe("COMPLETE");

  host = await startProviderHost();
  await host.configure(stackConfigFor(emulator));
  const resumed = await host.create(props(inputs));
  expect(resumed.properties).toMatchObject({ taskNo: list[0].TaskNo, succeeded: true });
  expect(submissions()).toBe(1);
  await host.printed(`task ${list[0].TaskNo} was already submitted for these domains; waiting on it instead of submitting again`);
});
