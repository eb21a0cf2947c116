/**
 * `--help` lists the credential sources in the order sdk/credentials.ts really tries them: each pair of
 * neighbours in the help is checked against the SDK's choice when both are set (nothing is contacted).
 */
import { CREDENTIALS_HELP } from "../../cli/help";
import { selectCredentialSource } from "../../sdk/credentials";

const PAIR = { ALICLOUD_ACCESS_KEY: "stale-id", ALICLOUD_SECRET_KEY: "stale-secret" };
const DEFAULT_CHAIN_ENV = { ALIBABA_CLOUD_ACCESS_KEY_ID: "new-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "new-secret" };

describe("the credential sources in --help", () => {
  it("are numbered in the order the SDK picks them when several are set", () => {
    const explicit = { accessKeyId: "flag-id", accessKeySecret: "stdin-secret" };
    // 1 beats 2: --access-key-id (the client's credentials option) over ALICLOUD_*.
    expect(selectCredentialSource({ credentials: explicit, env: PAIR }).source).toBe("the credentials option");
    // 2 beats 3: ALICLOUD_* over a profile named in the environment.
    expect(selectCredentialSource({ env: { ...PAIR, ALIBABA_CLOUD_PROFILE: "ci" } }).source).toMatch(/ALICLOUD_ACCESS_KEY/);
    // 2 beats 4: a stale ALICLOUD_ACCESS_KEY over ALIBABA_CLOUD_ACCESS_KEY_ID (the case --help warns about).
    expect(selectCredentialSource({ env: { ...PAIR, ...DEFAULT_CHAIN_ENV } }).source).toMatch(/ALICLOUD_ACCESS_KEY/);
    // 3 beats 4: a profile over the default chain's variables.
    expect(selectCredentialSource({ env: { ...DEFAULT_CHAIN_ENV, ALICLOUD_PROFILE: "ci" } }).source).toBe('profile "ci"');
    expect(selectCredentialSource({ env: DEFAULT_CHAIN_ENV }).source).toMatch(/default chain/);

    const at = (text: string): number => CREDENTIALS_HELP.indexOf(text);
    const order = [at("1. --access-key-id"), at("2. env ALICLOUD_ACCESS_KEY"), at("3. a profile"), at("4. the @alicloud/credentials default chain")];
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
