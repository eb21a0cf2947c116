/** waitForTasks: several tasks on one client, one deadline, a result per task, requests proportional to tasks. */
import type { Emulator } from "../../emulator";
import { VirtualClock } from "../../sdk/clock";
import { ValidationError } from "../../sdk/errors";
import { waitForTask, waitForTasks } from "../../sdk/waiter";
import { clientFor, requestsFor, start } from "./pager-harness";

let clock: VirtualClock;
let emulator: Emulator;
beforeEach(async () => {
  clock = new VirtualClock();
  emulator = await start({ clock });
});
afterEach(() => emulator.close());

describe("waitForTasks", () => {
  it("returns each task's verified outcome, or its own error, in the order given", async () => {
    const ok = emulator.addTask({ batch: { count: 2500, durationSeconds: 60 } });
    const failed = emulator.addTask({ details: [{ domainName: "x.example.com", finishAfterSeconds: 10, outcome: "failure", failReason: "Locked" }] });
    const slow = emulator.addTask({ details: [{ domainName: "y.example.com", finishAfterSeconds: 10_000 }] });
    const results = await waitForTasks(clientFor(emulator), [{ taskNo: ok }, { taskNo: failed }, { taskNo: slow }], { clock, random: () => 0.5, maxWaitSeconds: 300 });
    expect(results.map((r) => r.taskNo)).toEqual([ok, failed, slow]);
    expect(results[0].outcome).toMatchObject({ succeeded: true, verified: true, total: 2500 });
    expect(results[1].outcome).toMatchObject({ succeeded: false, status: "EXECUTE_FAILURE" });
    expect(results[2].error?.name).toBe("TimeoutError");
  });

  it("costs what the same waits cost one by one: proportional to the tasks, not their size", async () => {
    const spec = { batch: { count: 3000, durationSeconds: 120 } };
    const together = [spec, spec, spec].map((s) => emulator.addTask(s));
    await waitForTasks(clientFor(emulator), together.map((taskNo) => ({ taskNo })), { clock, random: () => 0.5 });
    // The same task alone, on its own emulator and clock. (A VirtualClock shared by three waiters moves
    // forward at each one's sleep, so together they poll less often: at most what one costs alone.)
    const aloneClock = new VirtualClock();
    const other = await start({ clock: aloneClock });
    try {
      const alone = other.addTask(spec);
      await waitForTask(clientFor(other), { taskNo: alone }, { clock: aloneClock, random: () => 0.5 });
      const single = requestsFor(other, alone).length;
      for (const t of together) expect(requestsFor(emulator, t).length).toBeLessThanOrEqual(single);
      expect(single).toBeLessThan(60); // 3000 details over 2 minutes: a few counts a poll, 3 pages once
    } finally {
      await other.close();
    }
  });

  it("refuses an empty list and a TaskNo listed twice before sending anything", async () => {
    await expect(waitForTasks(clientFor(emulator), [], { clock })).rejects.toMatchObject({ field: "queries" });
    const error = await waitForTasks(clientFor(emulator), [{ taskNo: "A" }, { taskNo: " A " }], { clock }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(emulator.stats().total).toBe(0);
  });
});
