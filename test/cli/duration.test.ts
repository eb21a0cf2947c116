import { durationFlag, formatDuration, parseDurationMs } from "../../cli/duration";
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
