import * as util from "node:util";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type Emulator, type EmulatorCredential } from "../../emulator";
import { DomainTaskClient } from "../../sdk/api/client";
import { resolveCredentials, selectCredentialSource, type CredentialOptions } from "../../sdk/credentials";
import { CredentialsError, DomainApiError } from "../../sdk/errors";
import { cliConfig, iniSection, useCredentialSandbox } from "../support/credentials-sandbox";

const sandbox = useCredentialSandbox();

/** Which AccessKey ID the options resolve to. */
const winner = async (options: CredentialOptions): Promise<string> =>
  (await (await resolveCredentials(options)).credential.getCredential()).accessKeyId!;

const failure = async (options: CredentialOptions): Promise<Error> => {
  try {
    await resolveCredentials(options);
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected resolveCredentials to fail");
};

describe("credential sources, first found wins", () => {
  beforeEach(() => sandbox.current.setEnv({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" }));

  it("explicit options beat ALICLOUD_* env, which beats the default chain", async () => {
    sandbox.current.setEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "chain-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "chain-secret" });
    const env = { ALICLOUD_ACCESS_KEY: "pulumi-id", ALICLOUD_SECRET_KEY: "pulumi-secret" };
    expect(await winner({ env, credentials: { accessKeyId: "explicit-id", accessKeySecret: "explicit-secret" } })).toBe("explicit-id");
    expect(await winner({ env })).toBe("pulumi-id");
    expect(await winner({ env: {} })).toBe("chain-id");
  });

  it("reads ALICLOUD_SECURITY_TOKEN with the pair (an STS credential)", async () => {
    const env = { ALICLOUD_ACCESS_KEY: "id", ALICLOUD_SECRET_KEY: "secret", ALICLOUD_SECURITY_TOKEN: "token" };
    const { credential, source } = await resolveCredentials({ env });
    expect(await credential.getCredential()).toMatchObject({ accessKeyId: "id", securityToken: "token", type: "sts" });
    expect(source).toBe("env ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY");
  });

  it("reads process.env when no env option is given", async () => {
    sandbox.current.setEnv({ ALICLOUD_ACCESS_KEY: "proc-id", ALICLOUD_SECRET_KEY: "proc-secret" });
    expect(await winner({})).toBe("proc-id");
  });

  it("falls through to ~/.alibabacloud/credentials [default] in the default chain", async () => {
    sandbox.current.writeCredentialsFile(iniSection("default", "file-id", "file-secret"));
    expect(await winner({ env: {} })).toBe("file-id");
  });

  it("uses the aliyun CLI's current profile in the default chain", async () => {
    delete process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED;
    sandbox.current.writeCliConfig(cliConfig("work", [{ name: "default", id: "cli-default", secret: "s" }, { name: "work", id: "cli-work", secret: "s" }]));
    expect(await winner({ env: {} })).toBe("cli-work");
  });

  it("a named profile (option, ALICLOUD_PROFILE, ALIBABA_CLOUD_PROFILE) selects that profile, CLI config first", async () => {
    delete process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED;
    sandbox.current.writeCliConfig(cliConfig("default", [{ name: "default", id: "cli-default", secret: "s" }, { name: "prod", id: "cli-prod", secret: "s" }]));
    sandbox.current.writeCredentialsFile(iniSection("default", "file-default", "s") + iniSection("staging", "file-staging", "s"));
    expect(await winner({ env: {}, profile: "prod" })).toBe("cli-prod");
    expect(await winner({ env: { ALICLOUD_PROFILE: "staging" } })).toBe("file-staging");
    expect(await winner({ env: { ALIBABA_CLOUD_PROFILE: "staging" } })).toBe("file-staging");
    expect(await winner({ env: { ALICLOUD_PROFILE: "prod", ALIBABA_CLOUD_PROFILE: "staging" } })).toBe("cli-prod");
  });

  it("a named profile still loses to explicit credentials and ALICLOUD_* keys", async () => {
    sandbox.current.writeCredentialsFile(iniSection("prod", "file-prod", "s"));
    expect(await winner({ profile: "prod", env: { ALICLOUD_ACCESS_KEY: "env-id", ALICLOUD_SECRET_KEY: "s" } })).toBe("env-id");
  });

  it("a named profile that exists nowhere is a CredentialsError naming the profile and the files", async () => {
    sandbox.current.writeCredentialsFile(iniSection("default", "file-default", "s"));
    const err = await failure({ env: {}, profile: "nope" });
    expect(CredentialsError.isInstance(err)).toBe(true);
    expect(err.message).toMatch(/profile "nope" in ~\/\.aliyun\/config\.json/);
    expect(err.message).toMatch(/profile "nope" in ~\/\.alibabacloud\/credentials/);
  });
});

describe("credential errors", () => {
  beforeEach(() => sandbox.current.setEnv({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" }));

  it("nothing anywhere: a CredentialsError listing every place searched and the variables to set", async () => {
    const err = await failure({ env: {} });
    expect(CredentialsError.isInstance(err)).toBe(true);
    for (const place of [
      "credentials option",
      "ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY",
      "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
      "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
      "~/.aliyun/config.json",
      "~/.alibabacloud/credentials",
      "ECS RAM role",
      "ALIBABA_CLOUD_CREDENTIALS_URI",
    ]) {
      expect(err.message).toContain(place);
    }
    expect(err.message).toMatch(/Set ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY/);
  });

  it("without ALIBABA_CLOUD_CREDENTIALS_URI the default chain requests no URI (the library alone asks https://undefined/)", async () => {
    const err = await failure({ env: {} });
    expect(err.message).not.toMatch(/undefined/i);
    expect(err.message).not.toContain("credential_uri");
    expect(err.message).toMatch(/tried the @alicloud\/credentials default chain: env: .*; profile: /);
  });

  it.each([
    [{ credentials: { accessKeyId: "id" } }, /credentials\.accessKeyId is set but credentials\.accessKeySecret is missing/],
    [{ credentials: { accessKeySecret: "only-the-secret" } }, /credentials\.accessKeySecret is set but credentials\.accessKeyId is missing/],
    [{ env: { ALICLOUD_ACCESS_KEY: "id" } }, /ALICLOUD_ACCESS_KEY is set but ALICLOUD_SECRET_KEY is missing \(in the environment\)/],
    [{ env: { ALICLOUD_SECRET_KEY: "only-the-secret" } }, /ALICLOUD_SECRET_KEY is set but ALICLOUD_ACCESS_KEY is missing/],
    [{ env: { ALICLOUD_SECURITY_TOKEN: "tok" } }, /ALICLOUD_SECURITY_TOKEN is set but ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY are not/],
  ])("half a pair %j is an error naming the missing half", (options, message) => {
    let err: unknown;
    try {
      selectCredentialSource({ env: {}, ...options });
    } catch (e) {
      err = e;
    }
    expect(CredentialsError.isInstance(err)).toBe(true);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain("only-the-secret");
  });
});

describe("DomainTaskClient resolves credentials lazily, at the first call", () => {
  const keys: Record<string, EmulatorCredential> = {
    pulumiEnv: { accessKeyId: "pulumi-env-id", accessKeySecret: "pulumi-env-secret" },
    chainEnv: { accessKeyId: "chain-env-id", accessKeySecret: "chain-env-secret" },
    file: { accessKeyId: "file-id", accessKeySecret: "file-secret" },
    cli: { accessKeyId: "cli-id", accessKeySecret: "cli-secret" },
  };
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ credentials: Object.values(keys) });
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.resetStats());

  const call = (client: DomainTaskClient) => client.queryTaskDetailList({ taskNo: "T-none", pageNum: 1, pageSize: 1 });

  it.each([
    ["ALICLOUD_* env", () => sandbox.current.setEnv({ ALICLOUD_ACCESS_KEY: keys.pulumiEnv.accessKeyId, ALICLOUD_SECRET_KEY: keys.pulumiEnv.accessKeySecret })],
    ["ALIBABA_CLOUD_* env (default chain)", () => sandbox.current.setEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: keys.chainEnv.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: keys.chainEnv.accessKeySecret })],
    ["~/.alibabacloud/credentials", () => sandbox.current.writeCredentialsFile(iniSection("default", keys.file.accessKeyId, keys.file.accessKeySecret))],
    ["~/.aliyun/config.json", () => sandbox.current.writeCliConfig(cliConfig("default", [{ name: "default", id: keys.cli.accessKeyId, secret: keys.cli.accessKeySecret }]))],
  ])("signs a real request with credentials from %s", async (_source, arrange) => {
    arrange();
    const client = new DomainTaskClient({ endpoint: emu.url });
    await expect(call(client)).resolves.toMatchObject({ totalItemNum: 0 });
    expect(emu.stats().byStatus).toEqual({ "200": 1 });
  });

  it("signs a real request with credentials from ALIBABA_CLOUD_CREDENTIALS_URI (default chain)", async () => {
    const server = http.createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ AccessKeyId: keys.file.accessKeyId, AccessKeySecret: keys.file.accessKeySecret, SecurityToken: "uri-token",
        Expiration: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z") }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      sandbox.current.setEnv({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true", ALIBABA_CLOUD_CREDENTIALS_URI: `http://127.0.0.1:${port}/creds` });
      const { credential } = await resolveCredentials({ env: {} });
      expect(await credential.getCredential()).toMatchObject({ accessKeyId: keys.file.accessKeyId, securityToken: "uri-token" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a credentials URI answering without a SecurityToken fails without quoting the secret it sent", async () => {
    const server = http.createServer((_req, res) => res.end(JSON.stringify({ AccessKeyId: "uri-id", AccessKeySecret: "uri-secret-never-shown" })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      sandbox.current.setEnv({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true", ALIBABA_CLOUD_CREDENTIALS_URI: `http://127.0.0.1:${port}/creds` });
      const err = await failure({ env: {} });
      expect(CredentialsError.isInstance(err)).toBe(true);
      expect(err.message).toMatch(/credential_uri: .*"AccessKeySecret":"<redacted>"/);
      expect(util.inspect(err, { depth: 10 }) + String((err as Error & { cause?: unknown }).cause)).not.toContain("uri-secret-never-shown");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("construction never fails for want of a key; the first call throws CredentialsError and sends nothing", async () => {
    sandbox.current.setEnv({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" });
    const client = new DomainTaskClient({ endpoint: emu.url });
    const err = await call(client).catch((e: unknown) => e);
    expect(CredentialsError.isInstance(err)).toBe(true);
    expect(DomainApiError.isInstance(err)).toBe(false);
    expect(emu.stats().total).toBe(0);
    // A failed lookup is not cached: fixing the environment makes the next call work.
    sandbox.current.setEnv({ ALICLOUD_ACCESS_KEY: keys.pulumiEnv.accessKeyId, ALICLOUD_SECRET_KEY: keys.pulumiEnv.accessKeySecret });
    await expect(call(client)).resolves.toMatchObject({ totalItemNum: 0 });
  });

  it("a client built from the default chain shows no secret when inspected or serialized", async () => {
    sandbox.current.setEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: keys.chainEnv.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: keys.chainEnv.accessKeySecret });
    const client = new DomainTaskClient({ endpoint: emu.url });
    await call(client);
    const shown = util.inspect(client, { depth: 10, showHidden: true }) + JSON.stringify(client);
    expect(shown).not.toContain(keys.chainEnv.accessKeySecret);
  });
});
