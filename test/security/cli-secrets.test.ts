/**
 * The built `domain-tasks` command never prints the secret or the STS token: not in `-o json` output, not
 * on errors (signature, credentials, timeout, transport), whether the secret came from the environment or
 * from standard input.
 */
import { startEmulator, type Emulator } from "../../emulator";
import { assertBuilt, runCli } from "../cli/harness";
import { expectNoSecret, KEY_ID, SECRET, SECURITY_TOKEN } from "./leak-check";
import { isolatedEnv } from "../support/isolated-env";

let emulator: Emulator;
let done: string;
let open: string;
beforeAll(async () => {
  assertBuilt();
  emulator = await startEmulator({
    credentials: [
      { accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: SECURITY_TOKEN },
      { accessKeyId: "other-key", accessKeySecret: "the-emulators-own-secret-value", securityToken: SECURITY_TOKEN },
      { accessKeyId: "plain-key", accessKeySecret: "the-emulators-own-secret-value" },
    ],
  });
  done = emulator.addTask({ details: [{ domainName: "a.example.com", outcome: "failure", failReason: "registry said no" }, { domainName: "b.example.com" }] });
  open = emulator.addTask({ details: [{ domainName: "slow.example.com", finishAfterSeconds: 1e6 }] });
});
afterAll(() => emulator?.close());

const envWith = (keyId: string) => isolatedEnv({
  ALIBABA_CLOUD_ACCESS_KEY_ID: keyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
  ALIBABA_CLOUD_SECURITY_TOKEN: SECURITY_TOKEN,
});

const run = async (args: string[], options: { keyId?: string; env?: Record<string, string>; input?: string } = {}) => {
  const result = await runCli([...args, "--endpoint", emulator.url], { env: options.env ?? envWith(options.keyId ?? KEY_ID), input: options.input });
  expectNoSecret(result.stdout);
  expectNoSecret(result.stderr);
  return result;
};

describe("no secret in the CLI's output", () => {
  it.concurrent.each<[string, string[], number]>([
    ["get -o json", ["get", "DONE", "-o", "json"], 0],
    ["get -o jsonl", ["get", "DONE", "-o", "jsonl"], 0],
    ["get -o table", ["get", "DONE", "-o", "table"], 0],
    ["wait --for success -o json (a failed detail)", ["wait", "DONE", "-o", "json"], 1],
    ["wait --timeout 1s -o json (timed out)", ["wait", "OPEN", "--timeout", "1s", "--min-delay", "200ms", "-o", "json"], 4],
  ])("%s", async (_what, args, code) => {
    const result = await run(args.map((a) => (a === "DONE" ? done : a === "OPEN" ? open : a)));
    expect(result.code).toBe(code);
    expect(result.stdout).toContain(args[1] === "DONE" ? done : open);
  });

  it.concurrent("a signature error (the service echoes its string-to-sign), -o json", async () => {
    const result = await run(["get", done, "-o", "json"], { keyId: "other-key" });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("SignatureDoesNotMatch");
  });

  it.concurrent("a signature error with the secret from standard input", async () => {
    const env = isolatedEnv();
    const result = await run(["get", done, "--access-key-id", "plain-key", "--secret-from-stdin", "-o", "json"], { env, input: `${SECRET}\n` });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("SignatureDoesNotMatch");
  });

  it.concurrent("half a key pair in the environment", async () => {
    const result = await run(["get", done, "-o", "json"], { env: isolatedEnv({ ALICLOUD_SECRET_KEY: SECRET, ALICLOUD_SECURITY_TOKEN: SECURITY_TOKEN }) });
    expect(result.code).toBe(3);
  });

  it.concurrent("nothing listening at the endpoint", async () => {
    const result = await runCli(["get", done, "--endpoint", "http://127.0.0.1:1", "-o", "json"], { env: envWith(KEY_ID) });
    expect(result.code).toBe(3);
    expectNoSecret(result.stdout + result.stderr);
  });
});
