import { hiddenLocationKeys, withLocation } from "../../sdk/location";

describe("an explicit location against the stack config", () => {
  const configured = { endpoint: "http://127.0.0.1:9", product: "domain-intl" as const, region: "ap-southeast-1", profile: "p" };

  it("replaces all three configured settings when any one is given", () => {
    expect(withLocation(configured, { region: "cn-hangzhou" })).toEqual({ region: "cn-hangzhou", profile: "p" });
    expect(withLocation(configured, { product: "domain" })).toEqual({ product: "domain", profile: "p" });
    expect(hiddenLocationKeys({ endpoint: "http://127.0.0.1:1" })).toEqual([
      "alicloud-domain-tasks:endpoint", "alicloud-domain-tasks:product", "alicloud:region",
    ]);
  });

  it("keeps the configured location when none is given, and never changes its argument", () => {
    const copy = withLocation(configured, {});
    expect(copy).toEqual(configured);
    expect(copy).not.toBe(configured);
    withLocation(configured, { region: "cn-hangzhou" });
    expect(configured.endpoint).toBe("http://127.0.0.1:9");
    expect(hiddenLocationKeys({})).toEqual([]);
  });
});
