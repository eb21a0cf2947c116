import * as net from "node:net";
import { DomainApiError, AbortError } from "../../../sdk/errors";
import { apiRequests, clientFor, rejectionOf, useEmulator } from "./harness";

const ctx = useEmulator();
const query = (taskNo: string) => ({ taskNo, pageNum: 1, pageSize: 100 });
const seed = () => ctx.emu.addTask({ details: [{ domainName: "a.example" }, { domainName: "b.example" }] });

describe("DomainTaskClient: transient faults are mapped and retried", () => {
  it.each([
    // Throttled answers carry the emulator's x-ratelimit-user-api TimeLeft (1000 ms), which replaces the backoff.
    ["throttling", [1000, 1000]],
    // Full jitter at random() = 0.5: half of 200, then half of 400.
    ["internalError", [100, 200]],
    ["serviceUnavailable", [100, 200]],
  ] as const)("%s: recovers after a burst of two, in exactly three requests, sleeping %j", async (fault, sleeps) => {
    const taskNo = seed();
    ctx.emu.setFaults({ rules: [{ fault, from: 1, count: 2 }] });
    const { client, clock } = clientFor(ctx.emu);
    const page = await client.queryTaskDetailList(query(taskNo));
    expect(page.details).toHaveLength(2);
    expect(apiRequests(ctx.emu)).toBe(3);
    expect(clock.slept).toEqual(sleeps);
  });

  it.each([
    ["throttling", "Throttling.User", 400, /lower the request rate/],
    ["internalError", "InternalError", 500, /service-side failure/],
    ["serviceUnavailable", "ServiceUnavailable", 503, /service-side failure/],
  ] as const)("%s: gives up after maxAttempts with code %s, HTTP %d and the RequestId", async (fault, code, status, advice) => {
    const taskNo = seed();
    ctx.emu.setFaults({ rules: [{ fault, every: 1 }] });
    const { client } = clientFor(ctx.emu, { retry: { maxAttempts: 3 } });
    const err = await rejectionOf(client.queryTaskDetailList(query(taskNo)));
    expect(DomainApiError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ code, statusCode: status, retryable: true, attempts: 3 });
    const e = err as DomainApiError;
    expect(e.requestId).toMatch(/\S/);
    expect(e.hostId).toMatch(/\S/);
    expect(e.message).toMatch(new RegExp(`^${code.replace(".", "\\.")} \\(HTTP ${status}\\): .+ RequestId: ${e.requestId}\\. `));
    expect(e.message).toMatch(advice);
    expect(e.message).toMatch(/Gave up after 3 attempts/);
    expect(apiRequests(ctx.emu)).toBe(3);
  });

  it("html502: a non-JSON body is InvalidResponseBody, retryable, and retried", async () => {
    const taskNo = seed();
    ctx.emu.setFaults({ rules: [{ fault: "html502", every: 1 }] });
    const { client } = clientFor(ctx.emu, { retry: { maxAttempts: 2 } });
    const err = await rejectionOf(client.queryTaskDetailList(query(taskNo)));
    expect(err).toMatchObject({ code: "InvalidResponseBody", statusCode: 502, retryable: true, attempts: 2 });
    expect(err.message).toMatch(/^InvalidResponseBody \(HTTP 502\): .*answered HTTP 502 Bad Gateway with an HTML page, not JSON/);
    expect(apiRequests(ctx.emu)).toBe(2);
  });

  it("dropConnection: a dropped socket is ConnectionDropped, retryable, and retried", async () => {
    const taskNo = seed();
    ctx.emu.setFaults({ rules: [{ fault: "dropConnection", every: 1 }] });
    const { client } = clientFor(ctx.emu, { retry: { maxAttempts: 4 } });
    const err = await rejectionOf(client.queryTaskDetailList(query(taskNo)));
    expect(err).toMatchObject({ code: "ConnectionDropped", statusCode: 0, retryable: true, attempts: 4 });
    expect(err.message).toContain(ctx.emu.url);
    expect(apiRequests(ctx.emu)).toBe(4);
  });

  it("recovers from one dropped connection and one HTML 502 in a row", async () => {
    const taskNo = seed();
    ctx.emu.setFaults({ rules: [{ fault: "dropConnection", from: 1, count: 1 }, { fault: "html502", from: 2, count: 1 }] });
    const { client } = clientFor(ctx.emu);
    expect((await client.queryTaskDetailList(query(taskNo))).details).toHaveLength(2);
    expect(apiRequests(ctx.emu)).toBe(3);
  });

  it("a read timeout is ReadTimeout, retryable, and retried", async () => {
    const taskNo = seed();
    ctx.emu.setFaults({ latencyMs: 400 });
    const { client } = clientFor(ctx.emu, { readTimeoutMs: 50, retry: { maxAttempts: 2 } });
    const err = await rejectionOf(client.queryTaskDetailList(query(taskNo)));
    expect(err).toMatchObject({ code: "ReadTimeout", statusCode: 0, retryable: true, attempts: 2 });
    expect(err.message).toMatch(/did not send its complete answer within readTimeoutMs \(50 ms after connecting\); no response had started/);
    expect(apiRequests(ctx.emu)).toBe(2);
  });

  it("a refused connection is ConnectionRefused, retried up to the limit", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const { client, clock } = clientFor(ctx.emu, { endpoint: `http://127.0.0.1:${port}`, retry: { maxAttempts: 3 } });
    const err = await rejectionOf(client.queryTaskDetailList(query("T1")));
    expect(err).toMatchObject({ code: "ConnectionRefused", statusCode: 0, retryable: true, attempts: 3 });
    expect(err.message).toContain(`http://127.0.0.1:${port}`);
    expect(clock.slept).toHaveLength(2);
  });
});

describe("DomainTaskClient: configuration mistakes fail at once", () => {
  it("https to a plain-HTTP server (a bare host:port means https) is TlsError, not retried, with the fix", async () => {
    const { client, clock } = clientFor(ctx.emu, { endpoint: ctx.emu.endpoint });
    expect(client.endpoint).toBe(`https://${ctx.emu.endpoint}`);
    const err = await rejectionOf(client.queryTaskDetailList(query("T1")));
    expect(err).toMatchObject({ code: "TlsError", statusCode: 0, retryable: false, attempts: 1 });
    expect(err.message).toMatch(/write it as http:\/\/HOST:PORT/);
    expect(clock.slept).toEqual([]);
  });
});

describe("DomainTaskClient: limits", () => {
  it("stops retrying at the overall deadline", async () => {
    const taskNo = seed();
    // TimeLeft 0: the backoff alone sets the delay here.
    ctx.emu.setFaults({ rules: [{ fault: "throttling", every: 1, timeLeftMs: 0 }] });
    const { client, clock } = clientFor(ctx.emu, {
      retry: { maxAttempts: 100, baseDelayMs: 1000, maxDelayMs: 1000, deadlineMs: 1600 },
      random: () => 0.999,
    });
    const err = await rejectionOf(client.queryTaskDetailList(query(taskNo)));
    expect(err).toMatchObject({ code: "Throttling.User", attempts: 2 });
    expect(err.message).toMatch(/deadline of 1600 ms/);
    expect(clock.slept).toEqual([999]);
    expect(apiRequests(ctx.emu)).toBe(2);
  });

  it("maxAttempts 1 turns retry off", async () => {
    const taskNo = seed();
    ctx.emu.setFaults({ rules: [{ fault: "serviceUnavailable", every: 1 }] });
    const { client } = clientFor(ctx.emu, { retry: { maxAttempts: 1 } });
    await expect(client.queryTaskDetailList(query(taskNo))).rejects.toMatchObject({ code: "ServiceUnavailable", attempts: 1 });
    expect(apiRequests(ctx.emu)).toBe(1);
  });

  it("paces requests with the client-side rate limit, shared by all calls and retries of one client", async () => {
    const taskNo = seed();
    ctx.emu.setFaults({ rules: [{ fault: "throttling", from: 2, count: 1, timeLeftMs: 0 }] });
    const { client, clock } = clientFor(ctx.emu, { rateLimit: 2 });
    const start = clock.now();
    for (let i = 0; i < 3; i++) await client.queryTaskDetailList(query(taskNo));
    // 4 requests (the second throttled and retried) at 2/s go out at 0, 500, 1000 and 1500 ms: the retry's
    // 100 ms backoff counts towards its 500 ms slot, so the limiter adds only the remaining 400 ms.
    expect(apiRequests(ctx.emu)).toBe(4);
    expect(clock.slept).toEqual([500, 100, 400, 500]);
    expect(clock.now() - start).toBe(1500);
  });
});

describe("DomainTaskClient: abort", () => {
  it("rejects with AbortError promptly while a slow request is in flight", async () => {
    const taskNo = seed();
    ctx.emu.setFaults({ latencyMs: 5000 });
    const { client } = clientFor(ctx.emu, { readTimeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = client.queryTaskDetailList(query(taskNo), { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error("user pressed Ctrl-C"));
    const err = await rejectionOf(pending);
    expect(AbortError.isInstance(err)).toBe(true);
    expect(err.message).toBe("Aborted: user pressed Ctrl-C");
    expect(apiRequests(ctx.emu)).toBe(1);
  });

  it("stops during a backoff sleep without another request", async () => {
    const taskNo = seed();
    ctx.emu.setFaults({ rules: [{ fault: "throttling", every: 1 }] });
    const controller = new AbortController();
    const { client, clock } = clientFor(ctx.emu);
    const sleep = clock.sleep.bind(clock);
    clock.sleep = (ms, signal) => {
      controller.abort();
      return sleep(ms, signal);
    };
    const err = await rejectionOf(client.queryTaskDetailList(query(taskNo), { signal: controller.signal }));
    expect(AbortError.isInstance(err)).toBe(true);
    expect(apiRequests(ctx.emu)).toBe(1);
  });

  it("sends nothing when the signal has already fired", async () => {
    const controller = new AbortController();
    controller.abort();
    const { client } = clientFor(ctx.emu);
    await expect(client.queryTaskDetailList(query("T1"), { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(apiRequests(ctx.emu)).toBe(0);
  });
});
