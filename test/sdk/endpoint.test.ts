import { ENDPOINT_ENV, isLoopbackHost, resolveEndpoint } from "../../sdk/endpoint";
import { ValidationError } from "../../sdk/errors";

const NO_ENV = {};

describe("resolveEndpoint: products and regions", () => {
  it("defaults to the mainland product over https", () => {
    expect(resolveEndpoint({}, NO_ENV)).toEqual({
      product: "domain",
      version: "2018-01-29",
      protocol: "HTTPS",
      host: "domain.aliyuncs.com",
      url: "https://domain.aliyuncs.com",
    });
  });

  it("picks domain-intl with its own API version for product domain-intl", () => {
    const e = resolveEndpoint({ product: "domain-intl" }, NO_ENV);
    expect([e.host, e.version, e.protocol]).toEqual(["domain-intl.aliyuncs.com", "2017-12-18", "HTTPS"]);
  });

  it("picks domain-intl for region ap-southeast-1, and domain for any other region", () => {
    expect(resolveEndpoint({ region: "ap-southeast-1" }, NO_ENV).product).toBe("domain-intl");
    expect(resolveEndpoint({ region: "cn-hangzhou" }, NO_ENV).host).toBe("domain.aliyuncs.com");
  });

  it("lets an explicit product win over the region", () => {
    expect(resolveEndpoint({ region: "ap-southeast-1", product: "domain" }, NO_ENV).product).toBe("domain");
  });

  it("rejects an unknown product, naming the field and the choices", () => {
    expect(() => resolveEndpoint({ product: "dns" as never }, NO_ENV)).toThrow(/product must be "domain" or "domain-intl"; got "dns"/);
  });
});

describe("resolveEndpoint: explicit endpoints", () => {
  it("uses plain http to loopback, keeping the port, and the product's version", () => {
    const e = resolveEndpoint({ endpoint: "http://127.0.0.1:8123", product: "domain-intl" }, NO_ENV);
    expect(e).toEqual({ product: "domain-intl", version: "2017-12-18", protocol: "HTTP", host: "127.0.0.1:8123", url: "http://127.0.0.1:8123" });
  });

  it.each(["http://localhost:1", "http://127.9.8.7:2", "http://[::1]:3", "http://LOCALHOST"])("treats %s as loopback", (endpoint) => {
    expect(resolveEndpoint({ endpoint }, NO_ENV).protocol).toBe("HTTP");
  });

  it("reads a bare host[:port] as https", () => {
    const e = resolveEndpoint({ endpoint: "domain-vpc.example.internal:8443" }, NO_ENV);
    expect([e.protocol, e.host, e.url]).toEqual(["HTTPS", "domain-vpc.example.internal:8443", "https://domain-vpc.example.internal:8443"]);
  });

  it("overrides product and region hosts but keeps the product's API version", () => {
    const e = resolveEndpoint({ endpoint: "https://proxy.example.com", region: "ap-southeast-1" }, NO_ENV);
    expect([e.host, e.product, e.version]).toEqual(["proxy.example.com", "domain-intl", "2017-12-18"]);
  });

  it("refuses plain http to a non-loopback host, explaining the opt-in", () => {
    const run = () => resolveEndpoint({ endpoint: "http://10.0.0.5:8080" }, NO_ENV);
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(/plain http to a host that is not loopback.*allowInsecureHttp: true \(SDK client options\)/);
    expect(run).toThrow(/alicloud-domain-tasks:insecure true \(Pulumi stack config\)/);
  });

  it("allows plain http anywhere with allowInsecureHttp", () => {
    expect(resolveEndpoint({ endpoint: "http://10.0.0.5:8080", allowInsecureHttp: true }, NO_ENV).protocol).toBe("HTTP");
  });

  it.each([
    ["ftp://host", /must use http or https/],
    ["https://host/path", /scheme, host and port only/],
    ["https://host?x=1", /scheme, host and port only/],
    ["http://", /not a valid endpoint/],
  ])("rejects %s", (endpoint, message) => {
    let err: unknown;
    try {
      resolveEndpoint({ endpoint }, NO_ENV);
    } catch (e) {
      err = e;
    }
    expect(ValidationError.isInstance(err)).toBe(true);
    expect((err as ValidationError).field).toBe("endpoint");
    expect((err as ValidationError).value).toBe(endpoint);
    expect((err as Error).message).toMatch(message);
  });
});

it("masks a user:password in an endpoint, in the message and the error's value", () => {
  let err: unknown;
  try {
    resolveEndpoint({ endpoint: "https://user:hunter2@host" }, NO_ENV);
  } catch (e) {
    err = e;
  }
  expect((err as Error).message).toMatch(/"https:\/\/\*\*\*@host" must be a scheme, host and port only/);
  expect(JSON.stringify(err) + (err as Error).message + String((err as ValidationError).value)).not.toContain("hunter2");
});

describe("resolveEndpoint: environment", () => {
  it(`reads ${ENDPOINT_ENV} when no endpoint option is given`, () => {
    expect(resolveEndpoint({}, { [ENDPOINT_ENV]: "http://127.0.0.1:9" }).url).toBe("http://127.0.0.1:9");
  });

  it("lets the option win over the env var", () => {
    expect(resolveEndpoint({ endpoint: "https://a.example" }, { [ENDPOINT_ENV]: "http://127.0.0.1:9" }).url).toBe("https://a.example");
  });

  it("names the env var when its value is bad", () => {
    expect(() => resolveEndpoint({}, { [ENDPOINT_ENV]: "http://example.com" })).toThrow(new RegExp(`^${ENDPOINT_ENV} "http://example.com" uses plain http`));
  });

  it("ignores an empty env var", () => {
    expect(resolveEndpoint({}, { [ENDPOINT_ENV]: " " }).host).toBe("domain.aliyuncs.com");
  });
});

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.255.0.1", "127.1", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "[::ffff:7f00:1]", "localhost", "LOCALHOST"])(
    "%s is a literal loopback address (or localhost itself)",
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  // A name under .localhost goes through the resolver, which may point it anywhere.
  it.each(["attacker.localhost", "api.localhost", "localhost.", "localhost.example.com", "127.0.0.1.nip.io", "128.0.0.1", "10.0.0.1",
    "127.0.0.256", "1270.0.0.1", "::2", "::ffff:10.0.0.1", "0.0.0.0", "", "not a host"])(
    "%p is not loopback",
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );

  it("refuses plain http to a *.localhost name, which DNS may send off the machine", () => {
    expect(() => resolveEndpoint({ endpoint: "http://attacker.localhost:9" })).toThrow(
      /^endpoint "http:\/\/attacker.localhost:9" uses plain http to a host that is not loopback/,
    );
    expect(resolveEndpoint({ endpoint: "http://[::ffff:127.0.0.1]:9" }).protocol).toBe("HTTP");
  });
});
