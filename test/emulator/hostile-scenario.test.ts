/** The bundled `hostile` scenario: one task per integrity quirk, each with a failure a gate must not miss. */
import { startEmulator, type Emulator, type Quirks } from "../../emulator";
import { loadScenario } from "../../emulator/scenario-file";
import { detailsOf, page } from "./helpers";

/** Every integrity quirk (docs/emulator.md); the scenario must exercise each. */
const INTEGRITY_QUIRKS: (keyof Quirks)[] = [
  "hiddenDetails", "shiftingPages", "emptyPages", "pageSizeCap", "echoedPageSize", "totalItemNum", "foreignTaskNo",
  "ignoreDomainNameFilter", "ignoreInstanceIdFilter", "ignoreTaskStatusFilter", "emptyTaskStatusAnswers",
  "failureStatusMismatch", "failuresReuseTaskDetailNo", "failureFlicker", "failuresListedAsSuccess", "partialListing", "omitTaskDetail",
];

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ scenario: "hostile" });
});
afterAll(() => emulator.close());

it("has a task for every integrity quirk, each of whose 1,200 details the last failed, and two honest controls", () => {
  const { tasks } = loadScenario("hostile");
  const used = new Set(tasks.flatMap((t) => Object.keys(t.quirks ?? {})));
  expect(INTEGRITY_QUIRKS.filter((q) => !used.has(q))).toEqual([]);
  const hostile = tasks.filter((t) => t.quirks);
  expect(hostile.every((t) => t.batch?.count === 1200 && t.batch.failEvery === 1200)).toBe(true);
  expect(tasks.filter((t) => !t.quirks).map((t) => t.taskNo)).toEqual(["hostile-control-succeeded", "hostile-control-failed"]);
});

it("serves each task with its own quirk and the controls honestly", async () => {
  const hidden = await page(emulator, "hostile-hidden-details", 2, 1000);
  expect([hidden.TotalItemNum, detailsOf(hidden).length]).toEqual([1200, 199]);
  const control = await page(emulator, "hostile-control-failed", 2, 1000);
  expect(detailsOf(control).map((d) => d.TaskStatus)).toContain("EXECUTE_FAILURE");
  expect((await page(emulator, "hostile-control-succeeded", 1, 1000, { TaskStatus: "3" })).TotalItemNum).toBe(0);
  const disguised = detailsOf(await page(emulator, "hostile-status-says-success", 2, 1000)).at(-1);
  expect(disguised).toMatchObject({ TaskStatus: "EXECUTE_SUCCESS", TaskStatusCode: 3 });
});

it("lets a refresh test lift partial-listing for its first read, as the task's description says", async () => {
  const failures = async () => (await page(emulator, "hostile-partial-listing", 1, 10, { TaskStatus: "3" })).TotalItemNum;
  expect(await failures()).toBe(0);
  emulator.setFaults({ taskQuirks: { "hostile-partial-listing": { partialListing: 1200 } } });
  expect(await failures()).toBe(1);
  emulator.setFaults({});
  expect(await failures()).toBe(0);
});
