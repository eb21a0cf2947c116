/**
 * submitOrResume beyond the write-side matrix: everything checked before anything is sent, the events a log shows,
 * an earlier change of the same domains that fails (reported, not submitted over), a change already in effect
 * without any task of it, and a task whose details never cover the domains asked (a timeout, not a pass).
 */
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type FaultConfig } from "../../../emulator";
import { DomainTaskClient } from "../../../sdk/api/client";
import { VirtualClock } from "../../../sdk/clock";
import { NAME_SERVER_CHANGE } from "../../../sdk/name-servers/operation";
import { submitNameServerChange } from "../../../sdk/name-servers/submit";
import type { SubmitEvent } from "../../../sdk/tasks/models";
import { submitOrResume } from "../../../sdk/tasks/submit-or-resume";
import { rejectionOf } from "../../support/rejection";

const OLD = ["ns1.old.example", "ns2.old.example"];
const NEW = ["ns1.new.example", "ns2.new.example"];
let emulator: Emulator;
let clock: VirtualClock;
let client: DomainTaskClient;

const start = async (faults: FaultConfig = {}) => {
  clock = new VirtualClock(Date.UTC(2026, 5, 1, 2, 0, 0));
  emulator = await startEmulator({
    clock,
    faults,
    scenario: {
      tasks: [],
      domains: [
        { domainName: "a.example.com", nameServers: OLD },
        { domainName: "b.example.com", nameServers: OLD },
        { domainName: "locked.example.com", nameServers: OLD, updateProhibited: true },
        { domainName: "done.example.com", nameServers: NEW },
      ],
    },
  });
  client = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, clock, random: () => 0.5 });
};
afterEach(() => emulator?.close());
const writes = () => emulator.stats().requests.filter((r) => r.action === "SaveBatchTaskForModifyingDomainDns" && r.taskNo).length;
const run = (change: Parameters<typeof submitOrResume>[2], options: Parameters<typeof submitOrResume>[3] = {}) =>
  submitOrResume(client, NAME_SERVER_CHANGE, change, { clock, random: () => 0.5, minDelaySeconds: 0.5, maxDelaySeconds: 2, ...options });

it("checks the change and every option before anything is sent", async () => {
  await start();
  const bad: [Parameters<typeof run>[0], Parameters<typeof run>[1], RegExp][] = [
    [{ domainNames: ["a.example.com"], nameServers: ["192.0.2.1", "ns2.new.example"] }, {}, /nameServers has "192\.0\.2\.1", an IP address/],
    [{ domainNames: ["a.example.com"], nameServers: ["2001:db8::1", "ns2.new.example"] }, {}, /an IP address/],
    [{ domainNames: ["a.example.com"], nameServers: NEW }, { minDelaySeconds: 10, maxDelaySeconds: 1 }, /maxDelaySeconds \(1\) must be at least minDelaySeconds \(10\)/],
    [{ domainNames: ["a.example.com"], nameServers: NEW }, { timeoutSeconds: 0 }, /timeoutSeconds must be a number of seconds > 0/],
    [{ domainNames: ["a.example.com"], nameServers: NEW }, { lookbackSeconds: -1 }, /lookbackSeconds must be/],
  ];
  for (const [change, options, message] of bad) {
    await expect(run(change, options)).rejects.toMatchObject({ name: "ValidationError", message: expect.stringMatching(message) });
  }
  expect(emulator.stats().total).toBe(0);
});

it("waits for an open change of the same domains, finds it was another, then submits and says so step by step", async () => {
  await start();
  const earlier = (await submitNameServerChange(client, { domainNames: ["a.example.com", "b.example.com"], nameServers: ["ns7.other.example", "ns8.other.example"] })).taskNo;
  const events: SubmitEvent[] = [];
  const result = await run({ domainNames: ["b.example.com", "a.example.com"], nameServers: NEW }, { onEvent: (e) => events.push(e) });
  expect(result).toMatchObject({ how: "submitted", verdict: "applied", states: { "a.example.com": { nameServers: NEW }, "b.example.com": { nameServers: NEW } } });
  expect(events.map((e) => [e.kind, e.taskNo])).toEqual([["waitingOnEarlier", earlier], ["notThisChange", earlier], ["submitted", result.taskNo]]);
  expect(writes()).toBe(2);
});

it("reports an earlier change of the same domains that failed, and submits nothing over it", async () => {
  await start();
  const earlier = (await submitNameServerChange(client, { domainNames: ["locked.example.com"], nameServers: NEW })).taskNo;
  const result = await run({ domainNames: ["locked.example.com"], nameServers: NEW });
  expect(result).toMatchObject({ taskNo: earlier, how: "resumed", verdict: "failed" });
  expect(result.summary).toMatch(/failed for 1 of 1 domain\(s\) \(locked\.example\.com\); it is an earlier change of these domains \(maybe this one\): fix the cause and run again/);
  expect(writes()).toBe(1);
  // Run again once it has finished: a new change is submitted, and fails the same way at the registry.
  const again = await run({ domainNames: ["locked.example.com"], nameServers: NEW });
  expect(again).toMatchObject({ how: "submitted", verdict: "failed" });
  expect(again.outcome?.failed[0].failReason).toMatch(/clientUpdateProhibited/);
  expect(writes()).toBe(2);
});

it("submits nothing for a change already in effect, with or without a task of it in the window", async () => {
  await start();
  const noTask = await run({ domainNames: ["done.example.com"], nameServers: [...NEW].reverse() });
  expect(noTask).toMatchObject({ taskNo: null, how: "applied", verdict: "applied", outcome: null, states: { "done.example.com": { nameServers: NEW } } });
  const pending = await run({ domainNames: ["a.example.com"], nameServers: NEW }, { wait: false });
  expect(pending).toMatchObject({ how: "submitted", verdict: "pending", outcome: null, requestId: expect.any(String) });
  clock.advance(10_000);
  const later = await run({ domainNames: ["a.example.com"], nameServers: NEW });
  expect(later).toMatchObject({ taskNo: pending.taskNo, how: "applied", verdict: "applied", outcome: { succeeded: true, total: 1 } });
  expect(writes()).toBe(1);
});

it("times out, never passes, on a task whose details do not cover every domain asked in time", async () => {
  await start({ writeQuirks: { detailsAppearEverySeconds: 10 } });
  const before = clock.now();
  const error = await rejectionOf(run({ domainNames: ["a.example.com", "b.example.com"], nameServers: NEW }, { timeoutSeconds: 15 }));
  expect(error).toMatchObject({ name: "TimeoutError" });
  expect(error.message).toMatch(/task [0-9a-f-]+ lists 1 of the 2 domain\(s\) asked \(no detail yet for b\.example\.com\)/);
  expect(clock.now() - before).toBeLessThanOrEqual(15_000 + 2000);
  expect(writes()).toBe(1);
});
