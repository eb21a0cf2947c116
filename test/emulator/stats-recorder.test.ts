/** The request log stays bounded on a long-running emulator; the counters stay exact. */
import { MAX_LOGGED_REQUESTS, StatsRecorder } from "../../emulator/stats";

it("keeps the first MAX_LOGGED_REQUESTS records until reset, and counts every request", () => {
  const stats = new StatsRecorder();
  const extra = 5;
  for (let i = 0; i < MAX_LOGGED_REQUESTS + extra; i++) stats.record({ action: "QueryTaskDetailList", pageNum: 1, httpStatus: 200, at: i });
  const snapshot = stats.snapshot();
  expect(snapshot.total).toBe(MAX_LOGGED_REQUESTS + extra);
  expect(snapshot.byPage["1"]).toBe(MAX_LOGGED_REQUESTS + extra);
  expect(snapshot.requests).toHaveLength(MAX_LOGGED_REQUESTS);
  expect(snapshot.requests.at(-1)?.at).toBe(MAX_LOGGED_REQUESTS - 1);
  stats.reset();
  stats.record({ action: "QueryTaskDetailList", httpStatus: 400 });
  expect(stats.snapshot()).toMatchObject({ total: 1, byStatus: { "400": 1 }, requests: [{ httpStatus: 400 }] });
});
