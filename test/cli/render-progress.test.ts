import { colorEnabled } from "../../cli/io";
import { renderBar, renderProgressLine, renderProgressLogLine, toSnapshot, type ProgressSnapshot } from "../../cli/render/progress";
import { createProgressReporter, progressMode } from "../../cli/render/progress-reporter";
import { createStyle, stripAnsi } from "../../cli/render/style";

const snapshot: ProgressSnapshot = {
  taskNo: "T-1",
  counts: { WAITING_EXECUTE: 1135, EXECUTING: 0, EXECUTE_SUCCESS: 1862, EXECUTE_FAILURE: 3, UNKNOWN: 0 },
  total: 3000,
  elapsedMs: 8200,
  nextDelayMs: 2000,
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

describe("renderProgressLine (the live line on a terminal)", () => {
  it("shows the counts by status, the share finished, the elapsed time and the next poll", () => {
    expect(renderProgressLine(snapshot, { columns: 120 })).toBe(
      "⠋ T-1 █████████████░░░░░░░  62%  1862 succeeded · 3 failed · 1135 waiting  8s · next poll in 2s",
    );
  });

  it("shrinks the bar, shortens a long TaskNo, drops the bar, then the countdown, then cuts the line: it never wraps", () => {
    const uuid = { ...snapshot, taskNo: "5f8c1a2e-6d3b-4f0a-9c71-2b4e8d90a3c1" };
    expect(renderProgressLine(snapshot, { columns: 90 })).toBe(
      "⠋ T-1 ██████████░░░░  62%  1862 succeeded · 3 failed · 1135 waiting  8s · next poll in 2s",
    );
    expect(renderProgressLine(uuid, { columns: 110 })).toBe(
      "⠋ 5f8c1a2e-6d3… █████████████░░░░░░░  62%  1862 succeeded · 3 failed · 1135 waiting  8s · next poll in 2s",
    );
    expect(renderProgressLine(uuid, { columns: 88 })).toBe(
      "⠋ 5f8c1a2e-6d3…  62%  1862 succeeded · 3 failed · 1135 waiting  8s · next poll in 2s",
    );
    // Before anything is cut, the countdown goes (a cut would leave "next poll in 2" on a 75-column terminal).
    expect(renderProgressLine(uuid, { columns: 75 })).toBe("⠋ 5f8c1a2e-6d3…  62%  1862 succeeded · 3 failed · 1135 waiting  8s");
    const narrow = renderProgressLine(snapshot, { columns: 80 });
    expect(narrow).toBe("⠋ T-1  62%  1862 succeeded · 3 failed · 1135 waiting  8s · next poll in 2s");
    const tiny = renderProgressLine(snapshot, { columns: 30, style: createStyle(true) });
    expect(stripAnsi(tiny).length).toBeLessThan(30);
    expect(tiny.endsWith("\u001b[0m")).toBe(true);
  });

  it("shows one open count when the poll counted only the finished details", () => {
    const counted = toSnapshot({
      taskNo: "T-1", total: 3000, succeededCount: 1862, failedCount: 3, open: 1135, breakdown: null, verified: true,
      attempt: 3, elapsedMs: 8000, nextDelayMs: 2000, requests: 2,
    });
    expect(renderProgressLine(counted, { columns: 140 })).toBe(
      "⠋ T-1 █████████████░░░░░░░  62%  1862 succeeded · 3 failed · 1135 open  8s · next poll in 2s",
    );
    expect(renderProgressLogLine(counted)).toContain("(1862 succeeded, 3 failed, 1135 open)");
  });

  it("animates the spinner by frame and says when no further poll is planned", () => {
    expect(renderProgressLine({ ...snapshot, nextDelayMs: null }, { frame: 2 })).toMatch(/^⠹ T-1 .* 8s$/);
    expect(renderProgressLine({ ...snapshot, nextDelayMs: 0 })).toMatch(/8s · polling$/);
  });

  it("marks a failure in the bar even when it is a tiny share", () => {
    const bar = renderBar({ EXECUTE_SUCCESS: 10, EXECUTE_FAILURE: 1 }, 1000, 20, createStyle(false));
    expect(bar).toBe("█" + "░".repeat(19));
    expect(renderBar({ EXECUTE_SUCCESS: 999, EXECUTE_FAILURE: 1 }, 1000, 10, createStyle(true)))
      .toBe("\u001b[32m█████████\u001b[39m\u001b[31m█\u001b[39m");
  });
});

describe("renderProgressLogLine (CI logs)", () => {
  it("is one plain sentence without control characters", () => {
    const line = renderProgressLogLine(snapshot);
    expect(line).toBe("T-1: 1865/3000 finished (1862 succeeded, 3 failed, 1135 waiting); 8s elapsed; next poll in 2s");
    expect(line).not.toMatch(CONTROL);
  });
});

describe("createProgressReporter", () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, stream: { isTTY, columns: 120, write: (c: string) => chunks.push(c) } };
  };

  it("writes one log line per update when stderr is not a terminal", () => {
    const { chunks, stream } = sink(false);
    const reporter = createProgressReporter(stream, { mode: progressMode(stream, false), prefix: "  " });
    reporter.update(snapshot);
    reporter.update({ ...snapshot, counts: { EXECUTE_SUCCESS: 2997, EXECUTE_FAILURE: 3 }, nextDelayMs: null });
    reporter.stop();
    expect(chunks).toEqual([
      "  T-1: 1865/3000 finished (1862 succeeded, 3 failed, 1135 waiting); 8s elapsed; next poll in 2s\n",
      "  T-1: 3000/3000 finished (2997 succeeded, 3 failed); 8s elapsed\n",
    ]);
  });

  it("redraws one line in place on a terminal and erases it when stopped", () => {
    const { chunks, stream } = sink(true);
    let now = 1000;
    const reporter = createProgressReporter(stream, { mode: progressMode(stream, false), now: () => now, intervalMs: 60_000 });
    reporter.update(snapshot);
    now += 1500;
    reporter.log("a warning");
    reporter.stop();
    expect(chunks[0]).toBe(`\r\u001b[2K${renderProgressLine(snapshot, { columns: 120 })}`);
    // The line in view is erased, the message printed, and the line drawn again with the time moved on.
    expect(chunks.slice(1, 3)).toEqual(["\r\u001b[2K", "a warning\n"]);
    expect(chunks[3]).toContain("10s · next poll in 500ms");
    expect(chunks[4]).toBe("\r\u001b[2K");
    expect(chunks).toHaveLength(5);
  });

  it("prints nothing with -q", () => {
    const { chunks, stream } = sink(true);
    const reporter = createProgressReporter(stream, { mode: progressMode(stream, true) });
    reporter.update(snapshot);
    reporter.stop();
    expect(chunks).toEqual([]);
  });
});

describe("colorEnabled", () => {
  it("colours a terminal unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it", () => {
    expect(colorEnabled({ isTTY: true, write: () => true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false, write: () => true }, {})).toBe(false);
    expect(colorEnabled({ isTTY: true, write: () => true }, { NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled({ isTTY: true, write: () => true }, { TERM: "dumb" })).toBe(false);
    expect(colorEnabled({ isTTY: false, write: () => true }, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorEnabled({ isTTY: false, write: () => true }, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
  });
});
