/**
 * The AccessKey secret and the STS token never appear in any error the SDK throws (API errors, signature
 * errors, transport errors, timeouts, credential errors), in any view of it (message, stack, inspect with
 * causes, JSON), in the client object itself, or in anything written to the console meanwhile.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { DomainTaskClient, type ClientOptions } from "../../sdk/api/client";
import { VirtualClock } from "../../sdk/clock";
import { CredentialsError, DomainApiError } from "../../sdk/errors";
import { listTaskDetails } from "../../sdk/read";
import { TimeoutError, waitForTask } from "../../sdk/waiter";
import { allViews, captureOutput, expectNoSecret, KEY_ID, SECRET, SECURITY_TOKEN } from "./leak-check";

let emulator: Emulator;
let taskNo: string;
let openTaskNo: string;
beforeAll(async () => {
  // The emulator knows KEY_ID with our token but another secret: the token passes, the signature fails, and
  // the error echoes the string-to-sign, which (V1) holds the token. "sts-key" has our secret, another token.
  emulator = await startEmulator({
    credentials: [
      { accessKeyId: KEY_ID, accessKeySecret: "the-emulators-own-secret-value", securityToken: SECURITY_TOKEN },
      { accessKeyId: "sts-key", accessKeySecret: SECRET, securityToken: "a-different-token-value" },
      { accessKeyId: "good-key", accessKeySecret: SECRET, securityToken: SECURITY_TOKEN },
    ],
  });
  taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
  openTaskNo = emulator.addTask({ details: [{ domainName: "slow.example.com", finishAfterSeconds: 1e9 }] });
});
afterAll(() => emulator.close());

const client = (options: ClientOptions = {}) =>
  new DomainTaskClient({
    endpoint: emulator.url,
    credentials: { accessKeyId: "good-key", accessKeySecret: SECRET, securityToken: SECURITY_TOKEN },
    env: {},
    clock: new VirtualClock(),
    ...options,
  });

/** Runs `work` expecting it to fail; checks the error and the console output for secrets; returns the error. */
const failsWithoutLeaking = async (work: () => Promise<unknown>): Promise<unknown> => {
  const { error, output } = await captureOutput(work);
  expect(error).toBeDefined();
  expectNoSecret(allViews(error));
  expectNoSecret(output);
  return error;
};

describe.each(["v3", "v1"] as const)("errors carry no secret (%s signature)", (signatureVersion) => {
  const page = (c: DomainTaskClient, t = taskNo) => () => c.queryTaskDetailList({ taskNo: t, pageNum: 1, pageSize: 10 });

  it("SignatureDoesNotMatch (the service echoes its string-to-sign)", async () => {
    const c = client({ signatureVersion, credentials: { accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: SECURITY_TOKEN } });
    const error = await failsWithoutLeaking(page(c));
    expect(error).toMatchObject({ code: "SignatureDoesNotMatch" });
  });

  it("a security token the service does not accept", async () => {
    const c = client({ signatureVersion, credentials: { accessKeyId: "sts-key", accessKeySecret: SECRET, securityToken: SECURITY_TOKEN } });
    const error = await failsWithoutLeaking(page(c));
    expect(DomainApiError.isInstance(error)).toBe(true);
  });

  it("an unknown AccessKey ID", async () => {
    const c = client({ signatureVersion, credentials: { accessKeyId: "nobody", accessKeySecret: SECRET, securityToken: SECURITY_TOKEN } });
    expect(await failsWithoutLeaking(page(c))).toMatchObject({ code: expect.stringMatching(/InvalidAccessKeyId/) });
  });

  it("throttling that outlasts the retries, and an HTML 502", async () => {
    for (const fault of ["throttling", "html502", "dropConnection"] as const) {
      emulator.setFaults({ rules: [{ fault, from: 1 }] });
      try {
        expect(DomainApiError.isInstance(await failsWithoutLeaking(page(client({ signatureVersion }))))).toBe(true);
      } finally {
        emulator.setFaults({});
      }
    }
  });

  it("a read timeout", async () => {
    emulator.setFaults({ latencyMs: 400 });
    try {
      const c = client({ signatureVersion, readTimeoutMs: 50, retry: { maxAttempts: 2 } });
      expect(DomainApiError.isInstance(await failsWithoutLeaking(page(c)))).toBe(true);
    } finally {
      emulator.setFaults({});
    }
  });

  it("nothing listening", async () => {
    const c = client({ signatureVersion, endpoint: "http://127.0.0.1:1", retry: { maxAttempts: 2 } });
    expect(DomainApiError.isInstance(await failsWithoutLeaking(page(c)))).toBe(true);
  });

  it("the waiter's TimeoutError, with its last state", async () => {
    const clock = new VirtualClock();
    const c = client({ signatureVersion, clock });
    const error = await failsWithoutLeaking(() => waitForTask(c, { taskNo: openTaskNo }, { clock, maxWaitSeconds: 30 }));
    expect(TimeoutError.isInstance(error)).toBe(true);
  });
});

describe("credential errors carry no secret", () => {
  it("half a pair in the environment (the secret without its ID)", async () => {
    const c = new DomainTaskClient({ endpoint: emulator.url, env: { ALICLOUD_SECRET_KEY: SECRET, ALICLOUD_SECURITY_TOKEN: SECURITY_TOKEN } });
    const error = await failsWithoutLeaking(() => listTaskDetails(c, { taskNo }));
    expect(CredentialsError.isInstance(error)).toBe(true);
  });

  it("a broken profile whose credentials file holds the secret", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "security-credentials-"));
    const file = path.join(dir, "credentials");
    // No access_key_id: the profile is unusable, and its secret must not be quoted back.
    fs.writeFileSync(file, `[broken]\ntype = access_key\naccess_key_secret = ${SECRET}\nsecurity_token = ${SECURITY_TOKEN}\n`);
    const saved = process.env.ALIBABA_CLOUD_CREDENTIALS_FILE;
    process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = file;
    try {
      const c = new DomainTaskClient({ endpoint: emulator.url, profile: "broken", env: { ALIBABA_CLOUD_CREDENTIALS_FILE: file } });
      const error = await failsWithoutLeaking(() => listTaskDetails(c, { taskNo }));
      expect(CredentialsError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain("broken");
    } finally {
      if (saved === undefined) delete process.env.ALIBABA_CLOUD_CREDENTIALS_FILE;
      else process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = saved;
    }
  });
});

describe("the client object shows no secret", () => {
  it("in util.inspect, JSON and String, before and after a request", async () => {
    const c = client();
    expectNoSecret(allViews(c));
    const { output } = await captureOutput(() => listTaskDetails(c, { taskNo }));
    expectNoSecret(output);
    expectNoSecret(allViews(c));
  });
});

describe("the leak check itself", () => {
  it("catches a secret hidden in a cause, percent-encoded, or in console output", async () => {
    expect(() => expectNoSecret(allViews(new Error("outer", { cause: new Error(`token=${encodeURIComponent(SECURITY_TOKEN)}`) })))).toThrow();
    const { output } = await captureOutput(async () => console.warn({ nested: { key: SECRET } }));
    expect(() => expectNoSecret(output)).toThrow();
  });
});
