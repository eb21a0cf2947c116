/** readTaskOutcome: the verified read - its cost, its second view, its streaming and its bounds. */
import type { Emulator } from "../../emulator";
import type { TaskDetail } from "../../sdk/api/schemas";
import { InconsistentAnswerError } from "../../sdk/errors";
import { readTaskOutcome } from "../../sdk/read";
import { clientFor, requestsFor, start } from "../support/emulator-client";
import { WatchedApi } from "../support/watched-api";

let emulator: Emulator;
beforeEach(async () => {
  emulator = await start();
});
afterEach(() => emulator.close());

describe("readTaskOutcome", () => {
  it("costs ceil(N / 1000) requests, plus one PageSize-1 failure count when every detail succeeded", async () => {
    const ok = emulator.addTask({ batch: { count: 2500 } });
    await expect(readTaskOutcome(clientFor(emulator).client, { taskNo: ok })).resolves.toMatchObject({ succeeded: true, verified: true, total: 2500 });
    const sent = requestsFor(emulator, ok);
    expect(sent.map((r) => [r.pageSize, r.taskStatus ?? null])).toEqual([[1000, null], [1000, null], [1000, null], [1, "3"]]);
    const failed = emulator.addTask({ batch: { count: 2500, failEvery: 1000 } });
    await expect(readTaskOutcome(clientFor(emulator).client, { taskNo: failed })).resolves.toMatchObject({ succeeded: false, verified: true });
    expect(requestsFor(emulator, failed)).toHaveLength(3); // a failure needs no confirming
  });

  it("confirms a success by a second full read when the service ignores the TaskStatus filter, and says so", async () => {
    const taskNo = emulator.addTask({ batch: { count: 30 }, quirks: { ignoreTaskStatusFilter: true } });
    const outcome = await readTaskOutcome(clientFor(emulator).client, { taskNo }, { pageSize: 10 });
    expect(outcome).toMatchObject({ succeeded: true, verified: true });
    expect(outcome.anomalies.join("\n")).toMatch(/the TaskStatus filter was not applied .* confirmed by a second full read/);
    expect(requestsFor(emulator, taskNo)).toHaveLength(3 + 1 + 3);
  });

  it("says why nothing was concluded when the read budget runs out before the second view", async () => {
    const taskNo = emulator.addTask({ batch: { count: 30 }, quirks: { ignoreTaskStatusFilter: true } });
    const error = await readTaskOutcome(clientFor(emulator).client, { taskNo }, { pageSize: 10, maxReads: 1 }).catch((e: unknown) => e);
    expect(InconsistentAnswerError.isInstance(error)).toBe(true);
    expect((error as InconsistentAnswerError).problems[0]).toMatch(/no second view could confirm it within 1 reads/);
    expect((error as InconsistentAnswerError).lastOutcome).toMatchObject({ verified: false, succeeded: false, total: 30 });
  });

  it("streams each detail once through onDetails across a re-read, holding none when keepDetails is 0", async () => {
    const taskNo = emulator.addTask({ batch: { count: 25 } });
    let emptied = false;
    // Page 2 comes back empty once: the first read does not verify, the second does.
    const api = new WatchedApi(clientFor(emulator).client, (request, page) => (request.pageNum === 2 && !emptied && (emptied = true) ? { ...page, details: [] } : page));
    const streamed: TaskDetail[] = [];
    const outcome = await readTaskOutcome(api, { taskNo }, { pageSize: 10, keepDetails: 0, onDetails: (d) => void streamed.push(...d) });
    expect(outcome).toMatchObject({ succeeded: true, verified: true, total: 25, details: [], detailsOmitted: 25 });
    expect(outcome.anomalies.join("\n")).toMatch(/read 1: page 2 came back empty/);
    expect(streamed).toHaveLength(25);
    expect(new Set(streamed.map((d) => d.taskDetailNo)).size).toBe(25);
  });
});
