/**
 * Bad input on the SDK's surfaces - the client, the pager, the waiter and getTaskDetails: every refused
 * value is a ValidationError naming the field and nothing is sent; every awkward legal value is signed
 * (V3 and V1), sent and echoed back unchanged by the emulator, which verifies the signature.
 */
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator } from "../../emulator";
import type { QueryTaskDetailListRequest } from "../../sdk/api/schemas";
import { ValidationError } from "../../sdk/errors";
import { getTaskDetails } from "../../provider/functions";
import { listTaskDetails } from "../../sdk/read";
import { waitForTask } from "../../sdk/waiter";
import { clientFor } from "../support/emulator-client";
import { AWKWARD_VALUES, LONG_VALUE, REFUSED_QUERY_VALUES } from "./bad-input";
import { DomainApiError } from "../../sdk/errors";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

const sent = () => emulator.stats().byAction.QueryTaskDetailList ?? 0;

/** The ValidationError `work` rejects with, after checking it names `field` and nothing was sent. */
const refusal = async (field: string, work: () => Promise<unknown>): Promise<ValidationError> => {
  const before = sent();
  const error = await work().then(() => undefined, (e: unknown) => e);
  expect(ValidationError.isInstance(error)).toBe(true);
  expect((error as ValidationError).field).toBe(field);
  expect((error as Error).message).toContain(field);
  expect(sent()).toBe(before);
  return error as ValidationError;
};

const withField = (base: Record<string, unknown>, field: string, value: unknown) => ({ ...base, [field]: value });

describe("client.queryTaskDetailList refuses bad values, naming the field, sending nothing", () => {
  const base = { taskNo: "T-1", pageNum: 1, pageSize: 10 };
  const cases: [string, unknown][] = [
    ...REFUSED_QUERY_VALUES,
    ["pageNum", 0], ["pageNum", -1], ["pageNum", 1.5], ["pageNum", "1"], ["pageNum", NaN], ["pageNum", Infinity], ["pageNum", undefined],
    ["pageSize", 0], ["pageSize", 1001], ["pageSize", 2.5], ["pageSize", "10"], ["pageSize", undefined],
  ];
  it.each(cases)("%s = %p", async (field, value) => {
    const { client } = clientFor(emulator);
    await refusal(field, () => client.queryTaskDetailList(withField(base, field, value) as QueryTaskDetailListRequest));
  });

  it("refuses a request that is not an object", async () => {
    const { client } = clientFor(emulator);
    for (const bad of [undefined, null, "T-1", 7]) {
      await refusal("request", () => client.queryTaskDetailList(bad as never));
    }
  });
});

describe("pager, waiter and getTaskDetails refuse bad query values and options the same way", () => {
  it.each(REFUSED_QUERY_VALUES)("listTaskDetails query %s = %p", async (field, value) => {
    const { client } = clientFor(emulator);
    await refusal(field, () => listTaskDetails(client, withField({ taskNo: "T-1" }, field, value) as never));
  });

  it.each<[string, Record<string, unknown>]>([
    ["pageSize", { pageSize: 0 }], ["pageSize", { pageSize: 1001 }], ["pageSize", { pageSize: "10" }],
    ["concurrency", { concurrency: 0 }], ["concurrency", { concurrency: 65 }], ["concurrency", { concurrency: 1.5 }],
    ["maxPages", { maxPages: 0 }],
  ])("listTaskDetails option %s: %p", async (field, options) => {
    const { client } = clientFor(emulator);
    await refusal(field, () => listTaskDetails(client, { taskNo: "T-1" }, options as never));
  });

  it.each(["abc", "0", "-1", "1.5", ""])("byPage continuationToken %p", async (token) => {
    const { client } = clientFor(emulator);
    const taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
    const { paginateTaskDetails } = await import("../../sdk/read");
    await refusal("continuationToken", async () => {
      for await (const page of paginateTaskDetails(client, { taskNo }).byPage({ continuationToken: token })) void page;
    });
  });

  it.each(REFUSED_QUERY_VALUES.filter(([f]) => f !== "taskStatus"))("waitForTask query %s = %p", async (field, value) => {
    const { client, clock } = clientFor(emulator);
    await refusal(field, () => waitForTask(client, withField({ taskNo: "T-1" }, field, value) as never, { clock }));
  });

  it.each<[string, Record<string, unknown>]>([
    ["maxWaitSeconds", { maxWaitSeconds: -1 }], ["maxWaitSeconds", { maxWaitSeconds: NaN }], ["maxWaitSeconds", { maxWaitSeconds: "10" }],
    ["minDelaySeconds", { minDelaySeconds: -1 }], ["maxDelaySeconds", { maxDelaySeconds: Infinity }],
    ["maxDelaySeconds", { minDelaySeconds: 10, maxDelaySeconds: 5 }], ["notFoundGraceSeconds", { notFoundGraceSeconds: -1 }],
  ])("waitForTask option %s: %p", async (field, options) => {
    const { client, clock } = clientFor(emulator);
    await refusal(field, () => waitForTask(client, { taskNo: "T-1" }, { clock, ...options } as never));
  });

  it("waitForTask refuses a taskStatus filter (it filters by status itself)", async () => {
    const { client, clock } = clientFor(emulator);
    await refusal("taskStatus", () => waitForTask(client, { taskNo: "T-1", taskStatus: 2 }, { clock }));
  });

  const explicit = () => ({ endpoint: emulator.url, accessKey: DEFAULT_CREDENTIAL.accessKeyId, secretKey: DEFAULT_CREDENTIAL.accessKeySecret });
  it.each<[string, unknown]>([
    ...REFUSED_QUERY_VALUES.filter(([f]) => f !== "userClientIp"),
    ["pageSize", 0], ["pageSize", 1001], ["endpoint", "ftp://example.com"], ["endpoint", "http://203.0.113.7"], ["product", "dns"],
  ])("getTaskDetails %s = %p", async (field, value) => {
    await refusal(field, () => getTaskDetails(withField({ taskNo: "T-1", ...explicit() }, field, value) as never));
  });
});

describe.each(["v3", "v1"] as const)("awkward legal values are signed (%s), sent and echoed back unchanged", (signatureVersion) => {
  it.each(AWKWARD_VALUES)("taskNo with %s", async (_what, value) => {
    const taskNo = emulator.addTask({ taskNo: `${signatureVersion}:${value}`, details: [{ domainName: "example.com" }] });
    const { client } = clientFor(emulator, { signatureVersion });
    emulator.resetStats();
    const page = await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 10 });
    expect(page.details.map((d) => d.taskNo)).toEqual([taskNo]);
    expect(emulator.stats().requests.map((r) => [r.httpStatus, r.taskNo])).toEqual([[200, taskNo]]);
  });

  it.each(AWKWARD_VALUES)("domainName and instanceId filters with %s", async (_what, value) => {
    const taskNo = emulator.addTask({ details: [{ domainName: value, instanceId: value }, { domainName: "other.example", instanceId: "other" }] });
    const { client } = clientFor(emulator, { signatureVersion });
    const byDomain = await listTaskDetails(client, { taskNo, domainName: value });
    expect(byDomain.details.map((d) => [d.domainName, d.instanceId])).toEqual([[value, value]]);
    const byInstance = await listTaskDetails(client, { taskNo, instanceId: value });
    expect(byInstance.details.map((d) => d.domainName)).toEqual([value]);
  });
});

describe("awkward values through waitForTask and getTaskDetails", () => {
  it.each(AWKWARD_VALUES)("%s", async (_what, value) => {
    // One 10 kB field per request: two would pass Node's 16 kB limit on the request line (see the test below).
    const domainName = value === LONG_VALUE ? "long.example.com" : value;
    const taskNo = emulator.addTask({ taskNo: `wait:${value}`, details: [{ domainName, taskResult: value }] });
    const { client, clock } = clientFor(emulator);
    const outcome = await waitForTask(client, { taskNo }, { clock });
    expect(outcome).toMatchObject({ taskNo, complete: true, taskResult: value, details: [{ domainName }] });
    const result = await getTaskDetails({ taskNo, domainName, endpoint: emulator.url,
      accessKey: DEFAULT_CREDENTIAL.accessKeyId, secretKey: DEFAULT_CREDENTIAL.accessKeySecret });
    expect(result).toMatchObject({ id: taskNo, taskNo, total: 1, taskResult: value });
  });
});

describe("a request too long for HTTP", () => {
  // Two 10 kB fields make a ~20 kB request line. The emulator (Node's http server, 16 kB header limit)
  // answers 431 with an empty body, as a gateway would answer 414/431. That can never succeed on retry:
  // the error should say so at once, not after five attempts as "a network or gateway failure".
  it("fails at once with the HTTP status, not retried as a transient gateway failure", async () => {
    const { client } = clientFor(emulator);
    const error = await client
      .queryTaskDetailList({ taskNo: LONG_VALUE, domainName: LONG_VALUE, pageNum: 1, pageSize: 10 })
      .then(() => undefined, (e: unknown) => e);
    expect(DomainApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 431, retryable: false });
    expect((error as DomainApiError).attempts ?? 1).toBe(1);
  });
});
