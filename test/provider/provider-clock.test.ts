/**
 * The provider in-process on a VirtualClock shared with the emulator: long waits (minutes of task time)
 * run in milliseconds, so the throttling of progress lines and the timeout are checked on real schedules.
 */
import { startEmulator, type Emulator } from "../../emulator";
import { VirtualClock } from "../../sdk/clock";
import { createDomainTaskProvider } from "../../provider";
import type * as pulumi from "@pulumi/pulumi";

const KEY = { accessKeyId: "clock-key-id", accessKeySecret: "clock-key-secret" };
let clock: VirtualClock;
let emulator: Emulator;

beforeEach(async () => {
  clock = new VirtualClock();
  emulator = await startEmulator({ clock, credentials: [KEY] });
});
afterEach(async () => {
  await emulator.close();
});

async function provider(lines: string[]) {
  const p = createDomainTaskProvider({ clock, log: (m) => lines.push(m) });
  const config = { "alicloud:accessKey": KEY.accessKeyId, "alicloud:secretKey": KEY.accessKeySecret, "alicloud-domain-tasks:endpoint": emulator.url };
  await p.configure({ config: { get: (k: string) => config[k as keyof typeof config] } } as unknown as pulumi.dynamic.ConfigureRequest);
  return p;
}

it("waits out a ten-minute batch, logging progress at most every 5 s of task time, and the end", async () => {
  const lines: string[] = [];
  const p = await provider(lines);
  const taskNo = emulator.addTask({ batch: { count: 20, durationSeconds: 600 } });
  const { outs } = await p.create({ taskNo, minDelaySeconds: 1, maxDelaySeconds: 4 });
  expect(outs).toMatchObject({ status: "EXECUTE_SUCCESS", total: 20, complete: true });
  const elapsed = lines.map((l) => Number(/after (\d+)s$/.exec(l)![1]));
  expect(lines[lines.length - 1]).toMatch(/: 20 EXECUTE_SUCCESS \(20\/20 done\) after \d+s$/);
  expect(elapsed[elapsed.length - 1]).toBeGreaterThanOrEqual(600);
  // Throttled: consecutive lines (but the last) are at least 5 s of task time apart, so far fewer lines than polls.
  for (let i = 1; i < elapsed.length - 1; i++) expect(elapsed[i] - elapsed[i - 1]).toBeGreaterThanOrEqual(5);
  expect(lines.length).toBeLessThan(600 / 5 + 2);
  expect(emulator.stats().byAction.QueryTaskDetailList).toBeGreaterThan(lines.length);
});

it("times out after timeoutSeconds of task time, with the counts", async () => {
  const p = await provider([]);
  const taskNo = emulator.addTask({ details: [{ domainName: "slow.example.com", finishAfterSeconds: 7200 }] });
  await expect(p.create({ taskNo, timeoutSeconds: 1800 })).rejects.toThrow(
    `DomainTask ${taskNo} did not complete within timeoutSeconds=1800: last seen: 1 EXECUTING of 1.`,
  );
  expect(clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(1800_000);
});
