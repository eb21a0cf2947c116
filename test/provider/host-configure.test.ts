/**
 * Where the provider's settings come from inside the dynamic-provider host, and what the serialized
 * provider carries (nothing secret, nothing big). Requires `npm run build`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { allText, startBench, TEST_KEY_ID, TEST_SECRET } from "./fixture";
import { isolatedEnv } from "../support/isolated-env";
import { startProviderHost } from "./host";
import { registerDomainTask, serializedProvider } from "./serialized";

const done = (domainName: string) => ({ domainName, outcome: "success" as const, taskResult: "OK" });

describe("the serialized provider", () => {
  const envBefore = { ...process.env };
  afterAll(() => {
    process.env = envBefore;
  });

  it("is small and holds no secret from config or environment, nor any client", async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = TEST_KEY_ID;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = TEST_SECRET;
    const registered = await registerDomainTask({ "alicloud:accessKey": TEST_KEY_ID, "alicloud:secretKey": TEST_SECRET });
    expect(registered.type).toBe("pulumi-nodejs:dynamic/alicloud-domain-tasks:DomainTask");
    const text = String(registered.inputs.__provider);
    expect(text.length).toBeLessThan(4096);
    expect(text).not.toContain(TEST_SECRET);
    expect(text).not.toContain(TEST_KEY_ID);
    // Only the loader is captured: no SDK module, client or config value.
    expect(text).toContain('"pulumi-alicloud-domain-tasks/provider"');
    expect(text).not.toMatch(/DomainTaskClient|openapi|getConfig|require\("\.\//);
  });
});

describe("Configure", () => {
  it("uses stack config for the endpoint and the environment of the provider process for credentials", async () => {
    const bench = await startBench({
      config: (emulator) => ({ "alicloud-domain-tasks:endpoint": emulator.url }),
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_SECRET },
    });
    try {
      const taskNo = bench.addTask({ details: [done("a.example.com")] });
      const { properties } = await bench.host.create(bench.inputs({ taskNo }));
      expect(properties).toMatchObject({ status: "EXECUTE_SUCCESS", endpoint: null });
      expect(allText(properties)).not.toContain(TEST_SECRET);
    } finally {
      await bench.close();
    }
  });

  it("lets a resource's endpoint input override the stack config", async () => {
    const bench = await startBench({
      config: () => ({ "alicloud:accessKey": TEST_KEY_ID, "alicloud:secretKey": TEST_SECRET, "alicloud-domain-tasks:endpoint": "http://127.0.0.1:1" }),
    });
    try {
      const taskNo = bench.addTask({ details: [done("a.example.com")] });
      const { properties } = await bench.host.create(bench.inputs({ taskNo, endpoint: bench.emulator.url }));
      expect(properties).toMatchObject({ status: "EXECUTE_SUCCESS", endpoint: bench.emulator.url });
    } finally {
      await bench.close();
    }
  });

  it("fails with the API's error, and never the secret, when the configured key is wrong", async () => {
    const wrong = "wrong-secret-0b5d7e";
    const bench = await startBench({
      config: (emulator) => ({ "alicloud:accessKey": TEST_KEY_ID, "alicloud:secretKey": wrong, "alicloud-domain-tasks:endpoint": emulator.url }),
    });
    try {
      const taskNo = bench.addTask({ details: [done("a.example.com")] });
      const message = await bench.host.create(bench.inputs({ taskNo })).then(() => "", (e: Error) => e.message);
      expect(message).toMatch(new RegExp(`^DomainTask ${taskNo}: .*SignatureDoesNotMatch`));
      expect(message).not.toContain(wrong);
      expect(bench.host.output()).not.toContain(wrong);
    } finally {
      await bench.close();
    }
  });
});

/**
 * A Pulumi program's directory as `npm install pulumi-alicloud-domain-tasks @pulumi/pulumi` leaves it: the
 * package copied into node_modules (its package.json and dist/), beside its dependencies (linked from this
 * repository's node_modules, @pulumi/pulumi among them), and no package.json of ours above it.
 */
function userProgramDir(): string {
  const root = path.resolve(__dirname, "../..");
  const program = fs.mkdtempSync(path.join(os.tmpdir(), "domain-task-user-program-"));
  const modules = path.join(program, "node_modules");
  const installed = path.join(modules, "pulumi-alicloud-domain-tasks");
  fs.mkdirSync(installed, { recursive: true });
  fs.copyFileSync(path.join(root, "package.json"), path.join(installed, "package.json"));
  fs.cpSync(path.join(root, "dist"), path.join(installed, "dist"), { recursive: true });
  for (const entry of fs.readdirSync(path.join(root, "node_modules"))) {
    if (entry.startsWith(".")) continue;
    fs.symlinkSync(path.join(root, "node_modules", entry), path.join(modules, entry));
  }
  fs.writeFileSync(path.join(program, "package.json"), JSON.stringify({ name: "user-program", dependencies: {} }));
  return program;
}

describe("loading inside the host", () => {
  it("loads the installed package from a user's program directory", async () => {
    const program = userProgramDir();
    const bench = await startBench({ cwd: program });
    try {
      const taskNo = bench.addTask({ details: [done("a.example.com")] });
      const { properties } = await bench.host.create(bench.inputs({ taskNo }));
      expect(properties).toMatchObject({ taskNo, status: "EXECUTE_SUCCESS", total: 1 });
    } finally {
      await bench.close();
      fs.rmSync(program, { recursive: true, force: true });
    }
  });

  it("says how to fix a program where the package is not installed", async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "domain-task-program-"));
    const host = await startProviderHost({ cwd: elsewhere, env: isolatedEnv() });
    try {
      await host.configure({});
      const message = await host.check({}, { taskNo: "T-1", __provider: await serializedProvider() }).then(() => "", (e: Error) => e.message);
      expect(message).toContain(`could not load "pulumi-alicloud-domain-tasks/provider" from ${elsewhere}`);
      expect(message).toContain("npm install pulumi-alicloud-domain-tasks");
    } finally {
      await host.close();
    }
  });
});
