/**
 * The SDK's name-server functions against the emulator, through the real DomainTaskClient: submit, wait with the
 * waiter, read the domains back; find a submitted task by its domains; refusals that name what to fix.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Emulator } from "../../emulator";
import { DomainTaskClient } from "../../sdk/api/client";
import { VirtualClock } from "../../sdk/clock";
import { findTask, queryDomainNameServers, submitNameServerChange } from "../../sdk/name-servers";
import { waitForTask } from "../../sdk/waiter";
import { NEW_NAME_SERVERS, OLD_NAME_SERVERS, READ_ONLY_KEY, startAccount, WRITE_KEY } from "./harness";

let emulator: Emulator;
let clock: VirtualClock;
let client: DomainTaskClient;

beforeEach(async () => {
  clock = new VirtualClock(Date.UTC(2026, 5, 1, 2, 0, 0));
  emulator = await startAccount({ clock });
  client = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...WRITE_KEY }, env: {} });
});
afterEach(() => emulator.close());

it("submits a change, waits for its task and reads the new name servers back", async () => {
  const { taskNo, requestId } = await submitNameServerChange(client, { domainNames: ["shop.example.com", "Blog.Example.com."], nameServers: NEW_NAME_SERVERS });
  expect(requestId).toMatch(/^[0-9A-F-]{36}$/);
  expect((await queryDomainNameServers(client, "shop.example.com")).nameServers).toEqual(OLD_NAME_SERVERS);
  const outcome = await waitForTask(client, { taskNo }, { clock, minDelaySeconds: 1 });
  expect(outcome).toMatchObject({ succeeded: true, total: 2 });
  expect(outcome.details.map((d) => d.domainName).sort()).toEqual(["blog.example.com", "shop.example.com"]);
  for (const domain of ["shop.example.com", "blog.example.com"]) {
    expect(await queryDomainNameServers(client, domain)).toMatchObject({ domainName: domain, nameServers: NEW_NAME_SERVERS, updateProhibitionLock: "CLOSE", domainStatus: "3" });
  }
});

it("refuses a bad change before sending anything, naming the field and the value", async () => {
  const bad = [
    [{ domainNames: [], nameServers: NEW_NAME_SERVERS }, /domainNames is empty/],
    [{ domainNames: ["shop.example.com"], nameServers: ["ns1.new-dns.example"] }, /nameServers has 1 host name; registries take 2 to 13/],
    [{ domainNames: ["shop.example.com"], nameServers: NEW_NAME_SERVERS, aliyunDns: true }, /nameServers or aliyunDns: true, not both/],
    [{ domainNames: ["shop_example.com"], aliyunDns: true }, /domainNames has "shop_example.com", which is not a domain name/],
    [{ domainNames: ["shop.example.com"], nameServers: ["ns1.new-dns.example", "NS1.new-dns.example"] }, /lists "NS1.new-dns.example" twice/],
  ] as const;
  for (const [change, message] of bad) {
    await expect(submitNameServerChange(client, change as never)).rejects.toMatchObject({ name: "ValidationError", message: expect.stringMatching(message) });
  }
  expect(emulator.stats().total).toBe(0);
});

it("tells a key without domain:DnsModification which permission to grant", async () => {
  const readOnly = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...READ_ONLY_KEY }, env: {} });
  const error = await submitNameServerChange(readOnly, { domainNames: ["shop.example.com"], aliyunDns: true }).catch((e: Error) => e);
  expect(error).toMatchObject({ name: "DomainApiError", code: "Forbidden.RAM", statusCode: 403 });
  expect((error as Error).message).toMatch(/may not change name servers: its RAM policy lacks the action domain:DnsModification\. Grant domain:DnsModification/);
  expect((await queryDomainNameServers(readOnly, "shop.example.com")).nameServers).toEqual(OLD_NAME_SERVERS);
});

it("finds a submitted change by its domains: only CHG_DNS tasks over exactly those domains, since the moment given", async () => {
  const since = clock.now();
  const both = (await submitNameServerChange(client, { domainNames: ["shop.example.com", "blog.example.com"], nameServers: NEW_NAME_SERVERS })).taskNo;
  await submitNameServerChange(client, { domainNames: ["shop.example.com"], nameServers: NEW_NAME_SERVERS });
  emulator.addTask({ taskType: "ORDER_RENEW", details: [{ domainName: "shop.example.com" }, { domainName: "blog.example.com" }] });
  const found = await findTask(client, { domainNames: ["blog.example.com", "SHOP.example.com"], sinceMs: since }, { nowMs: clock.now() });
  expect(found.map((t) => t.taskNo)).toEqual([both]);
  expect(found[0]).toMatchObject({ taskType: "CHG_DNS", taskNum: 2, taskStatus: "WAITING_EXECUTE" });
  expect(await findTask(client, { domainNames: ["blog.example.com", "shop.example.com"], sinceMs: clock.now() + 60_000 }, { nowMs: clock.now() })).toEqual([]);
});

describe("a submission the service may have acted on", () => {
  let server: Server;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      const body = JSON.stringify({ RequestId: "R-500", Code: "InternalError", Message: "The request processing has failed due to some unknown error." });
      res.writeHead(500, { "content-type": "application/json" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is not repeated after a 5xx, and the error says the change may have been submitted", async () => {
    const flaky = new DomainTaskClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, credentials: { ...WRITE_KEY }, env: {} });
    const error = await submitNameServerChange(flaky, { domainNames: ["shop.example.com"], aliyunDns: true }).catch((e: Error) => e);
    expect(requests).toBe(1);
    expect(error).toMatchObject({ code: "InternalError", retryable: false });
    expect((error as Error).message).toMatch(/may have been carried out before this failure \(the change may have been submitted\), so it was not sent again\. Look for its task \(findTask/);
    expect((error as Error).message).not.toMatch(/retried/);
  });
});
