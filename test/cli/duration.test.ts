import { durationFlag, formatDuration, MAX_DURATION_MS, parseDurationMs } from "../../cli/duration";
import { UsageError } from "../../cli/usage-error";

describe("parseDurationMs", () => {
  it.each([
    ["90", 90_000],
    ["0", 0],
    ["0.5", 500],
    ["90s", 90_000],
    ["15m", 900_000],
    ["2h", 7_200_000],
    ["1h30m", 5_400_000],
    ["1m30s", 90_000],
    ["500ms", 500],
    ["1s500ms", 1500],
    ["0s", 0],
    [" 15m ", 900_000],
  ])("reads %j as %d ms", (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each(["", "5x", "m", "-5s", "1.5.2s", "30m1h", "1h1h", "10 s", "1d", "abc", "1e3"])("rejects %j", (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });
});

describe("durationFlag", () => {
  it("names the flag, the value and the fix", () => {
    expect(() => durationFlag("--timeout", "5x", "wait")).toThrow(UsageError);
    expect(() => durationFlag("--timeout", "5x", "wait")).toThrow(
      '--timeout "5x" is not a duration: use seconds (90) or units h, m, s, ms (90s, 15m, 2h, 1h30m, 500ms).',
    );
  });
});

describe("durationFlag limits", () => {
  it("takes 0, 1ms and the largest timer delay, 2^31-1 ms", () => {
    expect(durationFlag("--timeout", "0")).toBe(0);
    expect(durationFlag("--timeout", "1ms")).toBe(1);
    expect(durationFlag("--timeout", "2147483647ms")).toBe(MAX_DURATION_MS);
  });

  it.each(["0.0000001s", "0.5ms", "0.0001"])("refuses %j, which would round to 0 (= check once)", (text) => {
    expect(() => durationFlag("--timeout", text, "wait")).toThrow(`--timeout ${JSON.stringify(text)} is shorter than 1ms`);
  });

  it.each(["600h", "2147483648ms", "596h31m24s"])("refuses %j, beyond what a timer can wait", (text) => {
    expect(() => durationFlag("--min-delay", text, "wait")).toThrow(
      `--min-delay ${JSON.stringify(text)} is longer than the largest duration, 596h31m (2147483647ms): use a shorter one.`,
    );
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0ms"],
    [850, "850ms"],
    [1000, "1s"],
    [12_400, "12s"],
    [59_600, "1m00s"],
    [245_000, "4m05s"],
    [3_720_000, "1h02m"],
  ])("formats %d ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
