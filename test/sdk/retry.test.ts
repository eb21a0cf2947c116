import { VirtualClock } from "../../sdk/clock";
import { AbortError, DomainApiError, ValidationError } from "../../sdk/errors";
import { backoffDelay, DEFAULT_RETRY, retryPolicy, withRetry } from "../../sdk/retry";

const apiError = (code: string, statusCode: number, retryable: boolean) =>
  new DomainApiError(`${code} (HTTP ${statusCode}): test.`, { code, statusCode, retryable, requestId: "rid-1" });

/** An attempt function that fails with the given errors in turn, then succeeds; counts its calls. */
const script = (...failures: Error[]) => {
  const calls: number[] = [];
  const fn = async (n: number) => {
    calls.push(n);
    const f = failures[n - 1];
    if (f) throw f;
    return `ok after ${n}`;
  };
  return { fn, calls };
};

describe("backoffDelay (full jitter)", () => {
  const policy = { baseDelayMs: 200, maxDelayMs: 5000 };

  it("doubles the ceiling with each retry and caps it", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((r) => backoffDelay(r, policy, () => 0.999999));
    expect(ceilings).toEqual([199, 399, 799, 1599, 3199, 4999, 4999]);
  });

  it("spreads delays over [0, ceiling): the random draw scales the ceiling", () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
  });

  it("never overflows for huge retry numbers", () => {
    expect(backoffDelay(5000, policy, () => 0.5)).toBe(2500);
  });
});

describe("retryPolicy", () => {
  it("fills defaults and keeps given values", () => {
    expect(retryPolicy()).toEqual(DEFAULT_RETRY);
    expect(retryPolicy({ maxAttempts: 2, deadlineMs: undefined })).toEqual({ ...DEFAULT_RETRY, maxAttempts: 2 });
  });

  it.each([
    [{ maxAttempts: 0 }, /retry.maxAttempts must be an integer >= 1; got 0/],
    [{ maxAttempts: 1.5 }, /retry.maxAttempts/],
    [{ baseDelayMs: -1 }, /retry.baseDelayMs must be a number of milliseconds from 0 to 2147483647; got -1/],
    [{ maxDelayMs: 2.2e9 }, /retry.maxDelayMs must be a number of milliseconds from 0 to 2147483647; got 2200000000/],
    [{ deadlineMs: -5 }, /retry.deadlineMs/],
  ])("rejects %j", (options, message) => {
    expect(() => retryPolicy(options)).toThrow(message);
  });
});

describe("withRetry", () => {
  const policy = retryPolicy({ maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5000, deadlineMs: 60_000 });
  const half = () => 0.5;

  it("returns at once when the first attempt succeeds, without sleeping", async () => {
    const clock = new VirtualClock();
    const { fn, calls } = script();
    await expect(withRetry(fn, policy, { clock, random: half })).resolves.toBe("ok after 1");
    expect(calls).toEqual([1]);
    expect(clock.slept).toEqual([]);
  });

  it("retries retryable errors with the backoff schedule, then succeeds", async () => {
    const clock = new VirtualClock();
    const { fn, calls } = script(apiError("Throttling.User", 400, true), apiError("ServiceUnavailable", 503, true));
    await expect(withRetry(fn, policy, { clock, random: half })).resolves.toBe("ok after 3");
    expect(calls).toEqual([1, 2, 3]);
    expect(clock.slept).toEqual([100, 200]);
  });

  it("never retries a non-retryable API error, and leaves its attempts at 1", async () => {
    const clock = new VirtualClock();
    const { fn, calls } = script(apiError("SignatureDoesNotMatch", 400, false));
    const err = await withRetry(fn, policy, { clock, random: half }).catch((e: unknown) => e);
    expect(calls).toEqual([1]);
    expect((err as DomainApiError).code).toBe("SignatureDoesNotMatch");
    expect((err as DomainApiError).attempts).toBe(1);
    expect(clock.slept).toEqual([]);
  });

  it("never retries errors that are not API errors (validation, programming errors)", async () => {
    const clock = new VirtualClock();
    const bad = new ValidationError("pageSize", 0, "pageSize must be ...");
    const { fn, calls } = script(bad);
    await expect(withRetry(fn, policy, { clock })).rejects.toBe(bad);
    expect(calls).toEqual([1]);
  });

  it("stops at maxAttempts with the last error, counting the attempts in field and message", async () => {
    const clock = new VirtualClock();
    const throttled = () => apiError("Throttling", 400, true);
    const { fn, calls } = script(throttled(), throttled(), throttled(), throttled(), throttled(), throttled());
    const err = (await withRetry(fn, policy, { clock, random: half }).catch((e: unknown) => e)) as DomainApiError;
    expect(calls).toEqual([1, 2, 3, 4, 5]);
    expect(clock.slept).toEqual([100, 200, 400, 800]);
    expect(DomainApiError.isInstance(err)).toBe(true);
    expect(err.attempts).toBe(5);
    expect(err.code).toBe("Throttling");
    expect(err.requestId).toBe("rid-1");
    expect(err.message).toMatch(/Gave up after 5 attempts over 1\.5 s \(attempt limit\)/);
  });

  it("stops when the next retry would start past the deadline", async () => {
    const clock = new VirtualClock();
    const p = retryPolicy({ maxAttempts: 100, baseDelayMs: 1000, maxDelayMs: 1000, deadlineMs: 2500 });
    const failing = Array.from({ length: 100 }, () => apiError("InternalError", 500, true));
    const { fn, calls } = script(...failing);
    const err = (await withRetry(fn, p, { clock, random: () => 0.999 }).catch((e: unknown) => e)) as DomainApiError;
    // delays of 999 ms: attempts at 0, 999, 1998; a third retry would start at 2997 > 2500.
    expect(calls).toEqual([1, 2, 3]);
    expect(err.attempts).toBe(3);
    expect(err.message).toMatch(/deadline of 2500 ms/);
  });

  it("counts time spent inside attempts against the deadline", async () => {
    const clock = new VirtualClock();
    const p = retryPolicy({ maxAttempts: 100, baseDelayMs: 10, maxDelayMs: 10, deadlineMs: 1000 });
    let calls = 0;
    const slow = async () => {
      calls++;
      clock.advance(600); // a slow attempt (e.g. a read timeout)
      throw apiError("ReadTimeout", 0, true);
    };
    await expect(withRetry(slow, p, { clock, random: half })).rejects.toMatchObject({ attempts: 2 });
    expect(calls).toBe(2);
  });

  it("stops at once, with AbortError, when the signal fires during a backoff sleep", async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    let calls = 0;
    const fn = async () => {
      calls++;
      if (calls === 2) controller.abort();
      throw apiError("Throttling", 400, true);
    };
    const err = await withRetry(fn, policy, { clock, signal: controller.signal, random: half }).catch((e: unknown) => e);
    expect(AbortError.isInstance(err)).toBe(true);
    expect(calls).toBe(2);
  });

  it("does not start when the signal has already fired", async () => {
    const { fn, calls } = script();
    const controller = new AbortController();
    controller.abort();
    await expect(withRetry(fn, policy, { clock: new VirtualClock(), signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(calls).toEqual([]);
  });
});

describe("withRetry: the service's wait and the call's deadline", () => {
  const throttled = (retryAfterMs?: number) =>
    new DomainApiError("Throttling.User (HTTP 429): test.", { code: "Throttling.User", statusCode: 429, retryable: true, retryAfterMs });

  it("sleeps the service's TimeLeft when it is longer than the backoff, even beyond maxDelayMs", async () => {
    const clock = new VirtualClock();
    const { fn } = script(throttled(9000), throttled(1));
    await withRetry(fn, retryPolicy({ maxDelayMs: 5000 }), { clock, random: () => 0.5 });
    expect(clock.slept).toEqual([9000, 200]);
  });

  it("ends at once with the last error when the next retry would start at or after deadlineAt", async () => {
    const clock = new VirtualClock();
    const { fn, calls } = script(throttled(), throttled(2000));
    const err = await withRetry(fn, retryPolicy(), { clock, random: () => 0.5, deadlineAt: clock.now() + 1000 }).catch((e: Error) => e);
    expect(calls).toEqual([1, 2]);
    expect(clock.slept).toEqual([100]);
    expect(err).toMatchObject({ code: "Throttling.User", attempts: 2 });
    expect((err as Error).message).toMatch(/Gave up after 2 attempts .*the service asked to wait 2000 ms, past the call's time limit/);
  });

  it("never sleeps longer than setTimeout can wait, whatever TimeLeft the service sends", async () => {
    const clock = new VirtualClock();
    await withRetry(script(throttled(1e12)).fn, retryPolicy({ deadlineMs: Infinity }), { clock, random: () => 0.5 });
    expect(clock.slept).toEqual([2 ** 31 - 1]);
  });

  it("says why a first failure was not retried when the deadline, not the code, stopped it", async () => {
    const clock = new VirtualClock();
    const err = await withRetry(script(throttled(5000)).fn, retryPolicy(), { clock, deadlineAt: clock.now() + 10 }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/Not retried: the service asked to wait 5000 ms, past the call's time limit\.$/);
  });
});
