import { DomainTaskClient, resolveRegion, type ClientOptions } from "../../../sdk/api/client";
import { ValidationError } from "../../../sdk/errors";

const construct = (options: ClientOptions): unknown => {
  try {
    new DomainTaskClient({ env: {}, ...options });
  } catch (e) {
    return e;
  }
  return undefined;
};

describe("DomainTaskClient options", () => {
  it("needs nothing: public mainland endpoint, V3 signing, no I/O at construction", () => {
    const client = new DomainTaskClient({ env: {} });
    expect([client.endpoint, client.product, client.signatureVersion, client.region]).toEqual(["https://domain.aliyuncs.com", "domain", "v3", undefined]);
  });

  it.each([
    [{ signatureVersion: "v2" as never }, "signatureVersion", /signatureVersion must be "v3" \(ACS3-HMAC-SHA256, the default\) or "v1"/],
    [{ retry: { maxAttempts: 0 } }, "retry.maxAttempts", /retry\.maxAttempts must be an integer >= 1; got 0/],
    [{ retry: { baseDelayMs: Number.NaN } }, "retry.baseDelayMs", /retry\.baseDelayMs must be a number of milliseconds/],
    [{ rateLimit: 0 }, "rateLimit", /rateLimit must be a positive number of requests per second; got 0\. Leave it out for no limit\./],
    [{ readTimeoutMs: 0 }, "readTimeoutMs", /readTimeoutMs must be a positive number of milliseconds; got 0/],
    [{ connectTimeoutMs: -5 }, "connectTimeoutMs", /connectTimeoutMs must be a positive number/],
    [{ endpoint: "http://192.0.2.1" }, "endpoint", /plain http/],
  ])("rejects %j at construction, naming %s", (options, field, message) => {
    const err = construct(options);
    expect(ValidationError.isInstance(err)).toBe(true);
    expect((err as ValidationError).field).toBe(field);
    expect((err as Error).message).toMatch(message);
  });

  it("takes the region from the option, then ALICLOUD_REGION, then ALIBABA_CLOUD_REGION", () => {
    const env = { ALICLOUD_REGION: "cn-shanghai", ALIBABA_CLOUD_REGION: "cn-beijing" };
    expect(resolveRegion({ region: "ap-southeast-1", env })).toBe("ap-southeast-1");
    expect(resolveRegion({ env })).toBe("cn-shanghai");
    expect(resolveRegion({ env: { ALIBABA_CLOUD_REGION: "ap-southeast-1" } })).toBe("ap-southeast-1");
    expect(resolveRegion({ env: { ALICLOUD_REGION: " " } })).toBeUndefined();
    expect(new DomainTaskClient({ env: { ALIBABA_CLOUD_REGION: "ap-southeast-1" } }).endpoint).toBe("https://domain-intl.aliyuncs.com");
  });
});
