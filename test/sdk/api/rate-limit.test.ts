import { VirtualClock } from "../../../sdk/clock";
import { AbortError } from "../../../sdk/errors";
import { RateLimiter } from "../../../sdk/rate-limit";

describe("RateLimiter", () => {
  it("lets the first request through and spaces the rest 1/rate apart", async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter(4, clock);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await limiter.acquire();
      starts.push(clock.now());
    }
    expect(starts).toEqual([0, 250, 500, 750, 1000]);
  });

  it("queues concurrent callers in call order, one slot each", async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter(10, clock);
    const done: number[] = [];
    await Promise.all([0, 1, 2].map((i) => limiter.acquire().then(() => done.push(i))));
    expect(done).toEqual([0, 1, 2]);
    // The VirtualClock advances as soon as a sleep starts, so the third caller sees the second's wait
    // already elapsed and waits the remaining 100 ms: the three go out at 0, 100 and 200 ms.
    expect(clock.slept).toEqual([100, 100]);
    expect(clock.now()).toBe(200);
  });

  it("refills after a quiet spell, but never beyond the burst", async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter(2, clock, 3);
    clock.advance(60_000);
    for (let i = 0; i < 3; i++) await limiter.acquire();
    expect(clock.slept).toEqual([]);
    await limiter.acquire();
    expect(clock.slept).toEqual([500]);
  });

  it("gives an aborted wait's slot back, so the next caller is not delayed by it", async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter(1, clock);
    await limiter.acquire();
    const controller = new AbortController();
    controller.abort();
    await expect(limiter.acquire(controller.signal)).rejects.toBeInstanceOf(AbortError);
    await limiter.acquire();
    expect(clock.slept).toEqual([1000]);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects a rate of %p", (rate) => {
    expect(() => new RateLimiter(rate, new VirtualClock())).toThrow(/rateLimit must be a positive number of requests per second/);
  });
});
