/**
 * `timeoutMs` is a promise: the call settles by then whatever the server does (never answers, trickles its
 * body, answers and holds the connection), and the connection of an abandoned request is closed. The
 * servers are test/support/hostile-server. Each call is guarded by `within`, so a broken bound fails the
 * test instead of hanging it; the bounds themselves are measured in bench/, not asserted here.
 */
import { AbortError, DomainApiError, ValidationError } from "../../../sdk/errors";
import { startHostileServer, type HostileServer } from "../../support/hostile-server";
import { clientFor, rejectionOf, useEmulator, apiRequests } from "./harness";

const ctx = useEmulator();
const query = { taskNo: "T-deadline", pageNum: 1, pageSize: 100 };
let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** `p`, or a failure naming `what` if it has not settled after `ms` (a generous guard, not a timing assertion). */
const within = <T>(ms: number, what: string, p: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms)));
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
};

const clientOf = (url: string, options: Parameters<typeof clientFor>[1] = {}) => clientFor(ctx.emu, { endpoint: url, ...options });

describe("timeoutMs: the call settles by its deadline, and closes the connection", () => {
  it("a server that accepts and never answers: DeadlineExceeded, no response had started, socket closed", async () => {
    server = await startHostileServer({ kind: "silent" });
    const { client } = clientOf(server.url, { readTimeoutMs: 60_000 });
    const err = await within(5000, "silent server", rejectionOf(client.queryTaskDetailList(query, { timeoutMs: 300 })));
    expect(DomainApiError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ code: "DeadlineExceeded", statusCode: 0, retryable: false });
    expect(err.message).toMatch(/^DeadlineExceeded \(no response\): .*time limit.*no response had started/);
    expect(err.message).toContain(server.url);
    await server.whenAllClosed(2000);
  });

  it("a server that sends 200 headers then a byte at a time: DeadlineExceeded that says a response had started", async () => {
    server = await startHostileServer({ kind: "trickle", intervalMs: 50 });
    const { client } = clientOf(server.url, { readTimeoutMs: 60_000 });
    const err = await within(5000, "trickling server", rejectionOf(client.queryTaskDetailList(query, { timeoutMs: 400 })));
    expect(err).toMatchObject({ code: "DeadlineExceeded", retryable: false });
    expect(err.message).toMatch(/a response had started \(HTTP 200, \d+ bytes of its body\), then stalled/);
    expect(err.message).not.toMatch(/before a response arrived/);
    await server.whenAllClosed(2000);
  });

  it("readTimeoutMs bounds the whole answer, not each chunk: a trickle is a ReadTimeout, retried, each socket closed", async () => {
    server = await startHostileServer({ kind: "trickle", intervalMs: 20 });
    const { client } = clientOf(server.url, { readTimeoutMs: 200, retry: { maxAttempts: 2 } });
    const err = await within(5000, "trickle vs readTimeoutMs", rejectionOf(client.queryTaskDetailList(query)));
    expect(err).toMatchObject({ code: "ReadTimeout", retryable: true, attempts: 2 });
    expect(err.message).toMatch(/within readTimeoutMs \(200 ms after connecting\); a response had started \(HTTP 200/);
    expect(server.accepted).toBe(2);
    await server.whenAllClosed(2000);
  });

  it("retries never sleep past the deadline: a retry due after it ends the call with the last error, at once", async () => {
    server = await startHostileServer({ kind: "answer", status: 503, body: '{"RequestId":"R-busy","Message":"busy"}' });
    const { client, clock } = clientOf(server.url, { retry: { maxAttempts: 10, baseDelayMs: 400, maxDelayMs: 400 }, random: () => 0.999 });
    const err = await within(5000, "retry vs deadline", rejectionOf(client.queryTaskDetailList(query, { timeoutMs: 1000 })));
    // Attempts at 0 and ~399 ms (virtual); the third would start at ~798 ms, the fourth past 1000: never slept for.
    expect(err).toMatchObject({ code: "Http503", statusCode: 503, attempts: 3 });
    expect(err.message).toMatch(/the next retry was due in 399 ms, past the call's time limit/);
    expect(clock.slept).toEqual([399, 399]);
  });

  it("a throttled answer's TimeLeft longer than the time left ends the call without sleeping", async () => {
    server = await startHostileServer({
      kind: "answer",
      status: 429,
      headers: { "x-ratelimit-user-api": "Limit:10,Remain:0,TimeLeft:5000,Reset:1" },
      body: '{"RequestId":"R-thr","Code":"Throttling.User","Message":"Request was denied due to user flow control."}',
    });
    const { client, clock } = clientOf(server.url);
    const err = await within(5000, "TimeLeft vs deadline", rejectionOf(client.queryTaskDetailList(query, { timeoutMs: 2000 })));
    expect(err).toMatchObject({ code: "Throttling.User", statusCode: 429, retryAfterMs: 5000 });
    expect(err.message).toMatch(/the service asked to wait 5000 ms, past the call's time limit/);
    expect(clock.slept).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("the emulator answering slowly: DeadlineExceeded after one request", async () => {
    const taskNo = ctx.emu.addTask({ details: [{ domainName: "a.example" }] });
    ctx.emu.setFaults({ latencyMs: 3000 });
    const { client } = clientFor(ctx.emu);
    const err = await within(5000, "slow emulator", rejectionOf(client.queryTaskDetailList({ ...query, taskNo }, { timeoutMs: 200 })));
    expect(err).toMatchObject({ code: "DeadlineExceeded" });
    expect(apiRequests(ctx.emu)).toBe(1);
  });

  it("timeoutMs 0 sends nothing; a negative or NaN timeoutMs is refused, naming it", async () => {
    server = await startHostileServer({ kind: "silent" });
    const { client } = clientOf(server.url);
    await expect(client.queryTaskDetailList(query, { timeoutMs: 0 })).rejects.toMatchObject({ code: "DeadlineExceeded" });
    for (const bad of [-1, Number.NaN]) {
      const err = await rejectionOf(client.queryTaskDetailList(query, { timeoutMs: bad }));
      expect(ValidationError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({ field: "timeoutMs" });
      expect(err.message).toMatch(/^timeoutMs must be a number of milliseconds >= 0; got (-1|NaN)/);
    }
    expect(server.accepted).toBe(0);
  });
});

describe("a connection cut mid-answer", () => {
  it("is ConnectionDropped, retried, and says the response had started", async () => {
    server = await startHostileServer({ kind: "cut" });
    const { client } = clientOf(server.url, { retry: { maxAttempts: 2 } });
    const err = await within(5000, "cut", rejectionOf(client.queryTaskDetailList(query)));
    expect(err).toMatchObject({ code: "ConnectionDropped", statusCode: 0, retryable: true, attempts: 2 });
    expect(err.message).toMatch(/dropped after a response had started \(HTTP 200, \d+ bytes of its body\)/);
    expect(server.accepted).toBe(2);
  });
});

describe("abort closes the connection", () => {
  it("aborting while the body trickles in rejects with AbortError and destroys the socket", async () => {
    server = await startHostileServer({ kind: "trickle", intervalMs: 20 });
    const { client } = clientOf(server.url, { readTimeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = client.queryTaskDetailList(query, { signal: controller.signal, timeoutMs: 60_000 });
    while (server.accepted === 0) await new Promise((r) => setTimeout(r, 10));
    controller.abort(new Error("user pressed Ctrl-C"));
    const err = await within(2000, "abort", rejectionOf(pending));
    expect(AbortError.isInstance(err)).toBe(true);
    expect(err.message).toBe("Aborted: user pressed Ctrl-C");
    await server.whenAllClosed(2000);
  });
});
