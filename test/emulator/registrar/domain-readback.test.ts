/**
 * What reads the registry back: QueryDomainByDomainName's fields as the SDK models spell them (with every client),
 * the state a scenario seeds (locks, privacy, InstanceId, expiry, DNS hosts), Emulator.domainState and the admin
 * endpoint GET /__emulator/domains/NAME; and the scenario checks that refuse a domain spec naming the field.
 */
import { startEmulator, type Emulator } from "../../../emulator";
import { VirtualClock } from "../../../sdk/clock";
import { CLIENTS, useRegistrar } from "./harness";

const reg = useRegistrar();

/** QueryDomainByDomainNameResponseBody's fields the emulator answers (domain-20180129 models), RequestId aside. */
const FIELDS_2018 = [
  "CnnicPrivacyServiceStatus", "DnsList", "DomainName", "DomainNameProxyService", "DomainStatus", "DomainType", "ExpirationCurrDateDiff",
  "ExpirationDate", "ExpirationDateLong", "ExpirationDateStatus", "InstanceId", "Premium", "PrivacyServiceStatus", "RealNameStatus",
  "RegistrantUpdatingStatus", "RegistrationDate", "RegistrationDateLong", "RequestId", "TransferOutStatus", "TransferProhibitionLock",
  "UpdateProhibitionLock",
];

describe.each(CLIENTS)("%s", (_name, call) => {
  const domainOf = async (domainName: string) => (await call(reg.emulator, "QueryDomainByDomainName", { DomainName: domainName })).body;

  it("answers the models' fields, each with its documented type, and the seeded state", async () => {
    const blog = await domainOf("blog.example.com");
    expect(Object.keys(blog).sort()).toEqual(FIELDS_2018);
    expect(blog).toMatchObject({
      DomainName: "blog.example.com",
      DnsList: { Dns: ["dns1.hichina.com", "dns2.hichina.com"] },
      DomainStatus: "3",
      DomainType: "gTLD",
      ExpirationDateStatus: "1",
      ExpirationCurrDateDiff: 365,
      ExpirationDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      TransferProhibitionLock: "NONE_SETTING",
      UpdateProhibitionLock: "NONE_SETTING",
      DomainNameProxyService: false,
    });
    expect(blog.ExpirationDateLong).toBe(reg.clock.now() + 365 * 24 * 3600 * 1000);
    expect(await domainOf("locked.example.com")).toMatchObject({ TransferProhibitionLock: "OPEN", UpdateProhibitionLock: "OPEN" });
    expect(await domainOf("lapsed.example.com")).toMatchObject({ DomainStatus: "1", ExpirationDateStatus: "2", ExpirationCurrDateDiff: -7 });
    expect(await domainOf("gone.example.com")).toMatchObject({ DomainStatus: "2", ExpirationCurrDateDiff: -40 });
    expect(await domainOf("glue.example.net")).toMatchObject({ InstanceId: "S2024GLUE000001" });
    expect(await domainOf("brand.cn")).toMatchObject({ DomainType: "ccTLD", PrivacyServiceStatus: "UN_SUPPORT", CnnicPrivacyServiceStatus: "CLOSE" });
  });

  it("gives every domain its own InstanceId, the one its task details carry", async () => {
    const ids = await Promise.all(["shop.example.com", "blog.example.com", "locked.example.com", "brand.us"].map(async (d) => (await domainOf(d)).InstanceId));
    expect(new Set(ids).size).toBe(4);
  });
});

describe("seeding and reading the registry outside the API", () => {
  let emulator: Emulator;
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  afterEach(() => emulator?.close());

  it("seeds each domain's settings from a scenario, and domainState / GET /__emulator/domains/NAME read them back", async () => {
    emulator = await startEmulator({
      clock,
      admin: true,
      scenario: {
        tasks: [],
        domains: [
          { domainName: "Seeded.Example.org.", instanceId: "S2026SEEDED0001", transferProhibited: true, updateProhibited: "NONE_SETTING", privacy: true, expiresInDays: 12, dnsHosts: [{ dnsName: "NS1", ips: ["198.51.100.1", "198.51.100.1", "2001:db8::1"] }] },
          { domainName: "shop.example.shop" },
        ],
      },
    });
    const expected = {
      domainName: "seeded.example.org",
      instanceId: "S2026SEEDED0001",
      nameServers: ["dns1.hichina.com", "dns2.hichina.com"],
      transferProhibitionLock: "OPEN",
      updateProhibitionLock: "NONE_SETTING",
      privacy: true,
      dnsHosts: [{ dnsName: "ns1", ips: ["198.51.100.1", "2001:db8::1"] }],
      contacts: {},
      expiresAt: clock.now() + 12 * 24 * 3600 * 1000,
      domainStatus: "3",
    };
    expect(emulator.domainState("SEEDED.example.org")).toEqual(expected);
    expect(emulator.domainState("unknown.example.org")).toBeUndefined();
    const read = await fetch(`${emulator.url}/__emulator/domains/seeded.example.org`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(expected);
    const unknown = await fetch(`${emulator.url}/__emulator/domains/unknown.example.org`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ Code: "DomainNotExist", Message: expect.stringContaining("unknown.example.org") });
    const call = CLIENTS[0][1];
    expect((await call(emulator, "QueryDomainByDomainName", { DomainName: "shop.example.shop" })).body).toMatchObject({ DomainType: "New gTLD" });
    expect((await call(emulator, "QueryDnsHost", { InstanceId: "S2026SEEDED0001" })).body.DnsHostList).toEqual([{ DnsName: "ns1", IpList: ["198.51.100.1", "2001:db8::1"] }]);
  });

  it.each([
    [{ domainName: "a.example.com", expired: true, expiresInDays: -3 }, "expired` or `expiresInDays`"],
    [{ domainName: "a.example.com", dnsHosts: [{ dnsName: "ns1.a.example.com", ips: ["192.0.2.1"] }] }, "dnsHosts.0.dnsName"],
    [{ domainName: "a.example.com", dnsHosts: [{ dnsName: "ns1", ips: ["192.0.2.256"] }] }, "dnsHosts.0.ips.0"],
    [{ domainName: "a.example.com", dnsHosts: [{ dnsName: "ns1", ips: [] }] }, "dnsHosts.0.ips"],
    [{ domainName: "a.example.com", dnsHosts: [{ dnsName: "ns1", ips: ["192.0.2.1"] }, { dnsName: "NS1", ips: ["192.0.2.2"] }] }, "lists a dnsName twice"],
    [{ domainName: "a.example.com", transferProhibited: "yes" }, "transferProhibited"],
  ])("refuses the domain spec %j, naming what is wrong", async (spec, named) => {
    await expect(startEmulator({ scenario: { tasks: [], domains: [spec as never] } })).rejects.toThrow(named);
  });

  it("refuses two domains with one InstanceId", async () => {
    await expect(
      startEmulator({ scenario: { tasks: [], domains: [{ domainName: "a.example.com", instanceId: "S1" }, { domainName: "b.example.com", instanceId: "S1" }] } }),
    ).rejects.toThrow(/instanceId "S1" is already a.example.com's/);
  });
});
