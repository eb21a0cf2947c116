/**
 * Task progression on the injected clock: WAITING_EXECUTE until startAfterSeconds, EXECUTING until
 * finishAfterSeconds, then EXECUTE_SUCCESS or EXECUTE_FAILURE. Time only moves when the VirtualClock does.
 */
import { VirtualClock } from "../../sdk/clock";
import { startEmulator, type Emulator } from "../../emulator";
import { detailsOf, page } from "./helpers";

const START = Date.UTC(2026, 2, 1, 4, 0, 0); // 12:00:00 in UTC+8
let emulator: Emulator;
let clock: VirtualClock;

beforeEach(async () => {
  clock = new VirtualClock(START);
  emulator = await startEmulator({ clock });
});
afterEach(() => emulator.close());

const only = async (taskNo: string) => detailsOf(await page(emulator, taskNo, 1, 10))[0];
const statusCounts = async (taskNo: string) => {
  const counts: Record<string, number> = {};
  for (let n = 1; ; n++) {
    const body = await page(emulator, taskNo, n, 1000);
    for (const d of detailsOf(body)) counts[String(d.TaskStatus)] = (counts[String(d.TaskStatus)] ?? 0) + 1;
    if (!body.NextPage) return counts;
  }
};

it("moves a detail through its states as the clock advances, and UpdateTime with it", async () => {
  const taskNo = emulator.addTask({
    details: [{ domainName: "a.example.com", startAfterSeconds: 10, finishAfterSeconds: 70, taskResult: "done", tryCount: 2 }],
  });
  const waiting = await only(taskNo);
  expect(waiting).toMatchObject({ TaskStatus: "WAITING_EXECUTE", TaskStatusCode: 0, TryCount: 0, CreateTime: "2026-03-01 12:00:00", UpdateTime: "2026-03-01 12:00:00" });
  expect(waiting).not.toHaveProperty("TaskResult");
  clock.advance(9_999);
  expect((await only(taskNo)).TaskStatus).toBe("WAITING_EXECUTE");
  clock.advance(1);
  const executing = await only(taskNo);
  expect(executing).toMatchObject({ TaskStatus: "EXECUTING", TaskStatusCode: 1, UpdateTime: "2026-03-01 12:00:10" });
  expect(executing).not.toHaveProperty("TaskResult");
  clock.advance(60_000);
  expect(await only(taskNo)).toMatchObject({
    TaskStatus: "EXECUTE_SUCCESS",
    TaskStatusCode: 2,
    TaskResult: "done",
    TryCount: 2,
    CreateTime: "2026-03-01 12:00:00",
    UpdateTime: "2026-03-01 12:01:10",
  });
  clock.advance(3_600_000);
  expect((await only(taskNo)).UpdateTime).toBe("2026-03-01 12:01:10");
});

it("ends a failing detail in EXECUTE_FAILURE with its FailReason and ErrorMsg only then", async () => {
  const taskNo = emulator.addTask({
    details: [{ domainName: "f.example.com", finishAfterSeconds: 5, outcome: "failure", failReason: "2306 Parameter value policy error", errorMsg: "Bad NS" }],
  });
  const executing = await only(taskNo);
  expect(executing.TaskStatus).toBe("EXECUTING");
  expect(Object.keys(executing).filter((k) => ["FailReason", "ErrorMsg", "TaskResult"].includes(k))).toEqual([]);
  clock.advance(5_000);
  expect(await only(taskNo)).toMatchObject({ TaskStatus: "EXECUTE_FAILURE", TaskStatusCode: 3, FailReason: "2306 Parameter value policy error", ErrorMsg: "Bad NS" });
});

it("processes a batch one detail after another over durationSeconds", async () => {
  const taskNo = emulator.addTask({ batch: { count: 3000, durationSeconds: 300, failEvery: 100, failReason: "quota" } });
  expect(await statusCounts(taskNo)).toEqual({ EXECUTING: 1, WAITING_EXECUTE: 2999 });
  clock.advance(150_000);
  expect(await statusCounts(taskNo)).toEqual({ EXECUTE_SUCCESS: 1485, EXECUTE_FAILURE: 15, EXECUTING: 1, WAITING_EXECUTE: 1499 });
  // The TaskStatus filter agrees with the full listing at the same moment.
  expect((await page(emulator, taskNo, 1, 10, { TaskStatus: "3" })).TotalItemNum).toBe(15);
  expect((await page(emulator, taskNo, 1, 10, { TaskStatus: "0" })).TotalItemNum).toBe(1499);
  clock.advance(150_000);
  expect(await statusCounts(taskNo)).toEqual({ EXECUTE_SUCCESS: 2970, EXECUTE_FAILURE: 30 });
  expect((await page(emulator, taskNo, 1, 10, { TaskStatus: "3" })).TotalItemNum).toBe(30);
});

it("starts each task's schedule when it is seeded, not when the emulator started", async () => {
  clock.advance(600_000);
  const taskNo = emulator.addTask({ details: [{ domainName: "late.example.com", finishAfterSeconds: 60 }] });
  expect(await only(taskNo)).toMatchObject({ TaskStatus: "EXECUTING", CreateTime: "2026-03-01 12:10:00" });
  clock.advance(60_000);
  expect((await only(taskNo)).TaskStatus).toBe("EXECUTE_SUCCESS");
});
