import { pollDelayMs } from "../../sdk/waiter/poll-delay";

describe("pollDelayMs", () => {
  it("starts at the minimum and doubles its ceiling up to the maximum", () => {
    const top = () => 0.999999999;
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => pollDelayMs(a, 2000, 30000, top))).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it("never goes below the minimum, whatever the jitter", () => {
    expect([1, 2, 5, 40].map((a) => pollDelayMs(a, 2000, 30000, () => 0))).toEqual([2000, 2000, 2000, 2000]);
  });

  it("jitters uniformly between the minimum and the ceiling", () => {
    expect(pollDelayMs(3, 2000, 30000, () => 0.5)).toBe(5000); // 2000 + 0.5 * (8000 - 2000)
  });

  it("does not overflow on very many attempts", () => {
    expect(pollDelayMs(5000, 2000, 30000, () => 0.5)).toBe(16000);
  });

  it("is constant when min equals max", () => {
    expect(pollDelayMs(9, 5000, 5000, Math.random)).toBe(5000);
  });
});
