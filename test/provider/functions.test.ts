import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_CREDENTIAL, type Emulator } from "../../emulator";
import { ValidationError } from "../../sdk/errors";
import { getTaskDetails, getTaskDetailsOutput, type GetTaskDetailsResult } from "../../provider/functions";
import { useCredentialSandbox } from "../support/credentials-sandbox";
import { requestsFor, start } from "../support/emulator-client";

/** The value of an Output, as a Pulumi program would see it in an apply. */
const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));

let emulator: Emulator;
// Nothing from this machine may leak in: no credential env, no profile files, no ECS metadata.
useCredentialSandbox();

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
    "project",
    "stack",
    false,
  );
  emulator = await start();
});

afterAll(async () => {
  await emulator.close();
});

afterEach(() => pulumi.runtime.setAllConfig({}));

const explicit = () => ({
  endpoint: emulator.url,
  accessKey: DEFAULT_CREDENTIAL.accessKeyId,
  secretKey: DEFAULT_CREDENTIAL.accessKeySecret,
});

describe("getTaskDetails (Promise form)", () => {
  it("returns every detail and the outcome fields, typed and plain JSON", async () => {
    const taskNo = emulator.addTask({ batch: { count: 1203, failEvery: 600, failReason: "registry busy", errorMsg: "Busy" } });
    const result: GetTaskDetailsResult = await getTaskDetails({ taskNo, ...explicit() });
    expect(result).toMatchObject({
      id: taskNo,
      taskNo,
      total: 1203,
      status: "EXECUTE_FAILURE",
      statusCode: 3,
      succeeded: false,
      complete: true,
      taskResult: null,
      failReason: null,
      errorMsg: null,
      anomalies: [],
      counts: { WAITING_EXECUTE: 0, EXECUTING: 0, EXECUTE_SUCCESS: 1201, EXECUTE_FAILURE: 2, UNKNOWN: 0 },
    });
    expect(result.details).toHaveLength(1203);
    expect(result.failed.map((f) => f.domainName)).toEqual(["domain-600.example.com", "domain-1200.example.com"]);
    expect(result.failed[0]).toMatchObject({ failReason: "registry busy", errorMsg: "Busy" });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(requestsFor(emulator, taskNo)).toHaveLength(2);
  });

  it("passes the filters and page size through, and echoes them", async () => {
    const taskNo = emulator.addTask({ batch: { count: 30, failEvery: 10 } });
    const failed = await getTaskDetails({ taskNo, taskStatus: "EXECUTE_FAILURE", pageSize: 2, ...explicit() });
    expect(failed).toMatchObject({ taskStatus: "EXECUTE_FAILURE", total: 3, status: "EXECUTE_FAILURE" });
    expect(requestsFor(emulator, taskNo).map((r) => r.pageSize)).toEqual([2, 2]);
    const one = await getTaskDetails({ taskNo, domainName: "domain-7.example.com", ...explicit() });
    expect(one).toMatchObject({ domainName: "domain-7.example.com", total: 1, succeeded: true, taskResult: expect.any(String) });
    expect(one).not.toHaveProperty("instanceId");
  });

  it("takes the endpoint and keys from stack config when the args have none", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com", taskResult: "ok" }] });
    pulumi.runtime.setAllConfig(
      {
        "alicloud-domain-tasks:endpoint": emulator.url,
        "alicloud:accessKey": DEFAULT_CREDENTIAL.accessKeyId,
        "alicloud:secretKey": DEFAULT_CREDENTIAL.accessKeySecret,
      },
      ["alicloud:secretKey"],
    );
    await expect(getTaskDetails({ taskNo })).resolves.toMatchObject({ succeeded: true, taskResult: "ok" });
  });

  it("lets explicit args win over stack config", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
    pulumi.runtime.setAllConfig({
      "alicloud-domain-tasks:endpoint": "http://127.0.0.1:9",
      "alicloud:accessKey": "configured-but-wrong",
      "alicloud:secretKey": "configured-but-wrong",
    });
    await expect(getTaskDetails({ taskNo, ...explicit() })).resolves.toMatchObject({ succeeded: true });
  });

  it("ignores half a key pair in stack config when the args carry both halves", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
    pulumi.runtime.setAllConfig({ "alicloud:accessKey": "only-half-configured", "alicloud-domain-tasks:endpoint": emulator.url });
    await expect(getTaskDetails({ taskNo })).rejects.toMatchObject({ field: "alicloud:secretKey" });
    await expect(getTaskDetails({ taskNo, accessKey: DEFAULT_CREDENTIAL.accessKeyId, secretKey: DEFAULT_CREDENTIAL.accessKeySecret }))
      .resolves.toMatchObject({ succeeded: true });
  });

  it("names the missing half of an explicit key pair", async () => {
    const error = await getTaskDetails({ taskNo: "T", endpoint: emulator.url, accessKey: "id-only" }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: "secretKey" });
    expect((error as Error).message).not.toContain("id-only");
  });
});

describe("getTaskDetailsOutput (Output form)", () => {
  it("resolves inputs, returns the same result as the Promise form, and is not secret for plain inputs", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com", taskResult: "42" }] });
    const out = getTaskDetailsOutput({ taskNo: pulumi.output(taskNo), ...explicit() });
    const result = await valueOf(out);
    expect(result).toEqual(await getTaskDetails({ taskNo, ...explicit() }));
    expect(await valueOf(out.taskResult)).toBe("42");
    expect(await pulumi.isSecret(out)).toBe(false);
  });

  it("keeps the result secret when any input is secret", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
    const secretKey = getTaskDetailsOutput({ taskNo, ...explicit(), secretKey: pulumi.secret(DEFAULT_CREDENTIAL.accessKeySecret) });
    expect(await pulumi.isSecret(secretKey)).toBe(true);
    expect(await pulumi.isSecret(secretKey.details)).toBe(true);
    expect(await valueOf(secretKey.succeeded)).toBe(true);
    const secretTaskNo = getTaskDetailsOutput({ ...explicit(), taskNo: pulumi.secret(taskNo) });
    expect(await pulumi.isSecret(secretTaskNo.status)).toBe(true);
  });

  it("waits for the resources in dependsOn", async () => {
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
    class Thing extends pulumi.CustomResource {
      constructor(name: string) {
        super("test:index:Thing", name, {});
      }
    }
    const dependency = new Thing("thing");
    const out = getTaskDetailsOutput({ taskNo, ...explicit() }, { dependsOn: [dependency] });
    await expect(valueOf(out.succeeded)).resolves.toBe(true);
  });
});
