/** Scenario files: strict about what the emulator acts on, tolerant of notes for people and editors. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { loadScenario } from "../../emulator/scenario-file";
import { detailsOf, page } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "emulator-scenario-"));
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

it("accepts $schema and a description on the scenario and on each task, and seeds the tasks", async () => {
  const file = write("described.json", {
    $schema: "https://example.com/domain-tasks-scenario.schema.json",
    description: "One renewal that succeeds",
    tasks: [{ description: "the renewal", taskNo: "T-DESCRIBED", taskType: "ORDER_RENEW", details: [{ domainName: "renew.example.com" }] }],
  });
  const emulator = await startEmulator({ scenario: file });
  try {
    expect(detailsOf(await page(emulator, "T-DESCRIBED", 1, 10)).map((d) => [d.DomainName, d.TaskType])).toEqual([
      ["renew.example.com", "ORDER_RENEW"],
    ]);
  } finally {
    await emulator.close();
  }
});

it("still names a misspelt key, at the top level and in a task", () => {
  const top = write("typo-top.json", { descripton: "x", tasks: [] });
  expect(() => loadScenario(top)).toThrow(/descripton/);
  const task = write("typo-task.json", { tasks: [{ descriptoin: "x", details: [{ domainName: "a.example.com" }] }] });
  expect(() => loadScenario(task)).toThrow(/tasks\.0.*descriptoin/);
  expect(() => loadScenario(write("bad-description.json", { description: 42, tasks: [] }))).toThrow(/description/);
});

it("carries faults and per-task quirks; startEmulator's own faults win over the scenario's", async () => {
  const file = write("quirky.json", {
    tasks: [
      { taskNo: "T-OWN", quirks: { hiddenDetails: { last: 1 } }, batch: { count: 4 } },
      { taskNo: "T-PLAIN", batch: { count: 4 } },
    ],
    faults: { quirks: { totalItemNumOffset: 1 } },
  });
  const fromFile = await startEmulator({ scenario: file });
  const overridden = await startEmulator({ scenario: file, faults: {} });
  try {
    const own = await page(fromFile, "T-OWN", 1, 10);
    const plain = await page(fromFile, "T-PLAIN", 1, 10);
    expect([own.TotalItemNum, detailsOf(own).length, plain.TotalItemNum, detailsOf(plain).length]).toEqual([5, 3, 5, 4]);
    // A task's own quirks stay with it whatever faults are set; setFaults' taskQuirks lay over them.
    const ownOnly = await page(overridden, "T-OWN", 1, 10);
    expect([ownOnly.TotalItemNum, detailsOf(ownOnly).length]).toEqual([4, 3]);
    overridden.setFaults({ taskQuirks: { "T-OWN": { hiddenDetails: {} } } });
    expect(detailsOf(await page(overridden, "T-OWN", 1, 10))).toHaveLength(4);
  } finally {
    await fromFile.close();
    await overridden.close();
  }
  expect(() => loadScenario(write("bad-quirk.json", { tasks: [{ batch: { count: 1 }, quirks: { hideEverything: true } }] }))).toThrow(/tasks\.0\.quirks.*hideEverything/);
});
