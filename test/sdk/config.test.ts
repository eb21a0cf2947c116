import { DomainTaskClient } from "../../sdk/api/client";
import { clientOptionsFromStackConfig, STACK_CONFIG_KEYS } from "../../sdk/config";
import { ValidationError } from "../../sdk/errors";

const from = (config: Record<string, string>) => clientOptionsFromStackConfig((key) => config[key]);

describe("clientOptionsFromStackConfig", () => {
  it("returns nothing for an empty config, so env and the default chain still apply", () => {
    expect(from({})).toEqual({});
  });

  it("reads the @pulumi/alicloud keys and this package's own", () => {
    expect(
      from({
        "alicloud:region": "ap-southeast-1",
        "alicloud:accessKey": "id",
        "alicloud:secretKey": "secret",
        "alicloud:securityToken": "token",
        "alicloud:profile": "prod",
        "alicloud-domain-tasks:endpoint": "http://127.0.0.1:8080",
        "alicloud-domain-tasks:product": "domain-intl",
        "alicloud-domain-tasks:insecure": "true",
      }),
    ).toEqual({
      region: "ap-southeast-1",
      credentials: { accessKeyId: "id", accessKeySecret: "secret", securityToken: "token" },
      profile: "prod",
      endpoint: "http://127.0.0.1:8080",
      product: "domain-intl",
      allowInsecureHttp: true,
    });
  });

  it("treats blank values as unset and trims the rest", () => {
    expect(from({ "alicloud:region": "  ", "alicloud:accessKey": "", "alicloud-domain-tasks:endpoint": " https://h " })).toEqual({ endpoint: "https://h" });
  });

  it("ignores a security token without a key pair (the env or chain may supply the pair)", () => {
    expect(from({ "alicloud:securityToken": "t" })).toEqual({});
  });

  it.each([
    [{ "alicloud:accessKey": "id" }, "alicloud:secretKey", /alicloud:accessKey is set but alicloud:secretKey is not/],
    [{ "alicloud:secretKey": "s3cr3t" }, "alicloud:accessKey", /alicloud:secretKey is set but alicloud:accessKey is not/],
    [{ "alicloud-domain-tasks:product": "dns" }, "alicloud-domain-tasks:product", /must be "domain" or "domain-intl"; got "dns"/],
    [{ "alicloud-domain-tasks:insecure": "maybe" }, "alicloud-domain-tasks:insecure", /must be true or false; got "maybe"/],
  ])("rejects %j naming the key", (config, field, message) => {
    let err: unknown;
    try {
      from(config);
    } catch (e) {
      err = e;
    }
    expect(ValidationError.isInstance(err)).toBe(true);
    expect((err as ValidationError).field).toBe(field);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain("s3cr3t");
  });

  it("produces options a client accepts", () => {
    const client = new DomainTaskClient({ ...from({ "alicloud:region": "ap-southeast-1", "alicloud-domain-tasks:endpoint": "http://localhost:9" }), env: {} });
    expect([client.endpoint, client.product]).toEqual(["http://localhost:9", "domain-intl"]);
  });

  it("lists every key it reads", () => {
    expect(Object.values(STACK_CONFIG_KEYS)).toEqual(
      expect.arrayContaining(["alicloud:region", "alicloud:accessKey", "alicloud:secretKey", "alicloud:securityToken", "alicloud:profile", "alicloud-domain-tasks:endpoint"]),
    );
  });
});
