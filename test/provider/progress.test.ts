import { VirtualClock } from "../../sdk/clock";
import { emptyCounts } from "../../sdk/outcome";
import type { WaitProgress } from "../../sdk/waiter";
import { throttledProgress } from "../../provider/core/progress";

const progress = (elapsedMs: number, succeeded: number): WaitProgress => ({
  taskNo: "T-1",
  breakdown: { ...emptyCounts(), EXECUTING: 4 - succeeded, EXECUTE_SUCCESS: succeeded },
  succeededCount: succeeded,
  failedCount: 0,
  verified: true,
  total: 4,
  open: 4 - succeeded,
  attempt: 1,
  elapsedMs,
  nextDelayMs: 2000,
  requests: 1,
});

describe("throttledProgress", () => {
  it("logs the first poll, then at most one line per interval, with counts and elapsed time", () => {
    const clock = new VirtualClock();
    const lines: string[] = [];
    const onProgress = throttledProgress({ clock, log: (m) => lines.push(m), intervalMs: 10_000, resource: "DomainTask" });
    onProgress(progress(0, 0));
    for (let i = 1; i <= 4; i++) {
      clock.advance(2_000); // five polls 2 s apart: 0, 2, 4, 6, 8 s
      onProgress(progress(i * 2_000, 1));
    }
    clock.advance(2_000); // 10 s after the first line
    onProgress(progress(10_000, 3));
    clock.advance(2_000); // the last poll is always reported, however soon
    onProgress(progress(12_000, 4));
    expect(lines).toEqual([
      "DomainTask T-1: 4 EXECUTING (0/4 done) after 0s",
      "DomainTask T-1: 1 EXECUTING, 3 EXECUTE_SUCCESS (3/4 done) after 10s",
      "DomainTask T-1: 4 EXECUTE_SUCCESS (4/4 done) after 12s",
    ]);
  });

  it("shows the open details as one count when the poll counted only the finished ones", () => {
    const lines: string[] = [];
    const onProgress = throttledProgress({ clock: new VirtualClock(), log: (m) => lines.push(m), intervalMs: 0, resource: "DomainTask" });
    onProgress({ ...progress(42_000, 0), total: 10, open: 4, succeededCount: 5, failedCount: 1, breakdown: null });
    expect(lines).toEqual(["DomainTask T-1: 5 EXECUTE_SUCCESS, 1 EXECUTE_FAILURE, 4 OPEN (6/10 done) after 42s"]);
  });
});
