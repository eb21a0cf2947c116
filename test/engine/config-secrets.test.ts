/**
 * Stack config through the engine. `alicloud:accessKey`, `alicloud:secretKey` (a secret) and
 * `alicloud-domain-tasks:endpoint` reach the provider - the emulator accepts only this stack's key pair, so every
 * request it served proves it - and the secret is nowhere a user or a log collector could read it: not in
 * `stack export`, the backend's files, the outputs, or anything the CLI printed, at the default verbosity or at -v=9.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DOMAIN_TASK_TOKEN } from "../../provider/token";
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { gateProgram } from "./support/programs";
import { passed } from "./support/run";
import { EngineStack, PASSPHRASE } from "./support/stack";

const emulator = useEmulator();

/** Every file under dir, as text. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path, "latin1")];
  });

describe("with the key pair and the endpoint in the stack config", () => {
  let stack: EngineStack;
  let taskNo: string;

  beforeAll(async () => {
    taskNo = emulator.current.addTask({ details: [{ domainName: "config.example.com", finishAfterSeconds: 1 }] });
    stack = await EngineStack.create({ files: gateProgram("stack-config"), emulator: emulator.current, credential: ENGINE_KEY, config: { taskNo } });
  });

  it("they reach the provider: every request was signed with this stack's key and accepted", async () => {
    passed(await stack.up());
    const reads = requestsOf(emulator.current, "QueryTaskDetailList", taskNo);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((r) => r.httpStatus !== 200)).toEqual([]);
    expect((await stack.outputs()).status).toBe("EXECUTE_SUCCESS");
  });

  it("the secret key is in no export, backend file, output or line the CLI printed (even at -v=9)", async () => {
    passed(await stack.refresh());
    const verbose = passed(await stack.pulumi(["up", "--yes", "--skip-preview", "--logflow", "--logtostderr", "-v=9"]));
    // The verbose log is there to search: the engine logged the provider's configuration (secrets masked).
    expect(verbose.stderr).toContain("alicloud:secretKey:{[secret]}");
    const exported = (await stack.must(["stack", "export"])).stdout;
    const outputs = (await stack.must(["stack", "output", "--json", "--show-secrets"])).stdout;
    const config = (await stack.must(["config", "--json"])).stdout;
    const everywhere = [exported, outputs, config, stack.printed(), ...filesUnder(join(stack.dir, ".state"))];
    for (const secret of [ENGINE_KEY.accessKeySecret, PASSPHRASE]) {
      expect(everywhere.filter((text) => text.includes(secret))).toEqual([]);
    }
    // What the state keeps of it is the passphrase provider's ciphertext, in the default provider's inputs.
    expect(exported).toContain('"alicloud:secretKey": {');
    const [task] = await stack.resources(DOMAIN_TASK_TOKEN);
    expect(JSON.stringify(task)).not.toContain("secretKey");
  });
});

it("a wrong secret key fails the deployment with the service's error, without printing the key", async () => {
  const wrong = "not-the-secret-0d41f7";
  const taskNo = emulator.current.addTask({ details: [{ domainName: "wrong-key.example.com" }] });
  const stack = await EngineStack.create({
    files: gateProgram("wrong-secret"),
    emulator: emulator.current,
    credential: { accessKeyId: ENGINE_KEY.accessKeyId, accessKeySecret: wrong },
    config: { taskNo },
  });
  const up = await stack.up();
  expect(up.code).not.toBe(0);
  expect(up.stdout + up.stderr).toMatch(/SignatureDoesNotMatch/);
  expect(up.stdout + up.stderr).toContain(taskNo);
  expect(stack.printed()).not.toContain(wrong);
  expect(await stack.resources(DOMAIN_TASK_TOKEN)).toEqual([]);
});

it("with no key pair in the stack config, the provider takes the environment's (ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY)", async () => {
  const taskNo = emulator.current.addTask({ details: [{ domainName: "env-key.example.com" }] });
  const stack = await EngineStack.create({ files: gateProgram("env-credentials"), config: { taskNo, "alicloud-domain-tasks:endpoint": emulator.current.url } });
  stack.env.ALICLOUD_ACCESS_KEY = ENGINE_KEY.accessKeyId;
  stack.env.ALICLOUD_SECRET_KEY = ENGINE_KEY.accessKeySecret;
  passed(await stack.up());
  expect((await stack.outputs()).status).toBe("EXECUTE_SUCCESS");
  expect(requestsOf(emulator.current, "QueryTaskDetailList", taskNo).every((r) => r.httpStatus === 200)).toBe(true);
  expect(stack.printed()).not.toContain(ENGINE_KEY.accessKeySecret);
});
