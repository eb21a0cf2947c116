/**
 * The credential chain as users meet it: a RAM-role profile whose AssumeRole call fails must not print the
 * signed request (AccessKeyId, nonce, signature), a broken profile file must not be quoted with its secret,
 * and credential variables pasted with whitespace work (a blank one counts as unset, so the chain goes on).
 * The command is run built, against the emulator, with a temporary HOME.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { resolveCredentials } from "../../sdk/credentials";
import { iniSection, useCredentialSandbox } from "../sdk/credentials-sandbox";
import { assertBuilt, baseEnv, runCli } from "../cli/harness";
import { allViews, expectNoSecret, KEY_ID, SECRET } from "./leak-check";

let emulator: Emulator;
let taskNo: string;
beforeAll(async () => {
  assertBuilt();
  emulator = await startEmulator({ credentials: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET }] });
  taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
});
afterAll(() => emulator?.close());

/** An aliyun CLI profile that assumes a role through an STS endpoint on loopback where nothing listens. */
const ramRoleProfile = {
  current: "role",
  profiles: [{
    name: "role", mode: "RamRoleArn", access_key_id: KEY_ID, access_key_secret: SECRET,
    ram_role_arn: "acs:ram::1234567890123456:role/deployer", ram_session_name: "ci", sts_endpoint: "127.0.0.1:1",
  }],
};

/** The traces of a signed request: none may be shown. */
const expectNoSignedRequest = (text: string): void => {
  expectNoSecret(text);
  expect(text).not.toContain(KEY_ID);
  expect(text).not.toMatch(/Signature(Nonce)?(=|%3D)(?!<redacted>)/);
};

/** A CLI environment with a HOME holding `files` (path under HOME -> content), CLI profiles enabled. */
const homeWith = (files: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> => {
  const env = baseEnv(extra);
  delete (env as Record<string, string | undefined>).ALIBABA_CLOUD_CLI_PROFILE_DISABLED;
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(env.HOME, path, ".."), { recursive: true });
    writeFileSync(join(env.HOME, path), content);
  }
  return env;
};

describe("credential-chain errors never show a signed request or a secret", () => {
  it("a ram_role_arn profile whose AssumeRole fails: exit 3, the reason kept, the signed URL's query blanked", async () => {
    const env = homeWith({ ".aliyun/config.json": JSON.stringify(ramRoleProfile) });
    const result = await runCli(["get", taskNo, "--endpoint", emulator.url, "--profile", "role", "-o", "json"], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("ECONNREFUSED 127.0.0.1:1");
    expect(result.stderr).toContain("POST https://127.0.0.1:1/?<query redacted> failed.");
    expectNoSignedRequest(result.stdout + result.stderr);
  });

  it("an aliyun CLI config that is not JSON is not quoted with its secret", async () => {
    const broken = `${JSON.stringify(ramRoleProfile, null, 2)},`;
    const env = homeWith({ ".aliyun/config.json": broken });
    const result = await runCli(["get", taskNo, "--endpoint", emulator.url, "--profile", "role"], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("parse aliyun cli config");
    expectNoSecret(result.stdout + result.stderr);
  });

  describe("in the SDK, in every view of the error", () => {
    const sandbox = useCredentialSandbox();
    it("resolveCredentials with the ram_role_arn profile", async () => {
      delete process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED;
      sandbox.current.writeCliConfig(ramRoleProfile);
      const error = await resolveCredentials({ profile: "role", env: {} }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeDefined();
      expectNoSignedRequest(allViews(error));
    });
  });
});

describe("credential variables with whitespace", () => {
  const get = (env: Record<string, string>, args: string[] = []) =>
    runCli(["get", taskNo, "--endpoint", emulator.url, "-o", "json", ...args], { env });

  it("are trimmed: a key pair pasted with spaces and a newline works", async () => {
    const result = await get(baseEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: `  ${KEY_ID}\n`, ALIBABA_CLOUD_ACCESS_KEY_SECRET: `\t${SECRET} ` }));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("count as unset when blank, so the chain goes on to the credentials file", async () => {
    const env = homeWith({ ".alibabacloud/credentials": iniSection("default", KEY_ID, SECRET) },
      { ALIBABA_CLOUD_ACCESS_KEY_ID: "   ", ALIBABA_CLOUD_ACCESS_KEY_SECRET: " \n" });
    const result = await get(env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("a blank ALICLOUD_SECRET_KEY gives way to ALIBABA_CLOUD_ACCESS_KEY_SECRET for --access-key-id", async () => {
    const result = await get(baseEnv({ ALICLOUD_SECRET_KEY: "  ", ALIBABA_CLOUD_ACCESS_KEY_SECRET: `${SECRET}\n` }), ["--access-key-id", KEY_ID]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
