/**
 * The seam's shape fits the next settings (issue 19): a transfer lock declared as a TaskOperation - the write
 * SaveBatchTaskForTransferProhibitionLock (DomainName list, Status), task type SET_TRANSFER_PROHIBITED, read back
 * from QueryDomainByDomainName's TransferProhibitionLock - in the lines a setting costs on the SDK side. The
 * setting itself is not built here: the test runs the declaration through the one path against the emulator
 * (which serves the lock's write), where a lock already in the asked state submits nothing, the write that is
 * needed goes out exactly once and is proven by reading the lock back, and a refusal is not retried.
 */
import { z } from "zod";
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator } from "../../../emulator";
import { DomainTaskClient } from "../../../sdk/api/client";
import { VirtualClock } from "../../../sdk/clock";
import { ValidationError } from "../../../sdk/errors";
import type { TaskOperation } from "../../../sdk/tasks/models";
import { answerParser } from "../../../sdk/tasks/parse-answer";
import { submitOrResume } from "../../../sdk/tasks/submit-or-resume";
import { rejectionOf } from "../../support/rejection";

// ---- the sketch: what a transfer lock would declare (about thirty lines) ----
interface TransferLockChange { domainNames: string[]; on: boolean }
interface TransferLockState { domainName: string; lock: string }

const parseLock = answerParser("QueryDomainByDomainName", z.object({ DomainName: z.string(), TransferProhibitionLock: z.string() }),
  (d): TransferLockState => ({ domainName: d.DomainName, lock: d.TransferProhibitionLock }));

const TRANSFER_LOCK: TaskOperation<TransferLockChange, TransferLockState> = {
  action: "SaveBatchTaskForTransferProhibitionLock",
  ramAction: "domain:SecuritySetting",
  taskType: "SET_TRANSFER_PROHIBITED",
  what: "set the transfer lock",
  validate: (change) => {
    if (!Array.isArray(change.domainNames) || change.domainNames.length === 0) throw new ValidationError("domainNames", change.domainNames, "domainNames must list at least one domain");
    if (typeof change.on !== "boolean") throw new ValidationError("on", change.on, `on must be true or false; got ${String(change.on)}`);
    return { domainNames: change.domainNames.map((d) => d.trim().toLowerCase()), on: change.on };
  },
  domainsOf: (change) => change.domainNames,
  query: (change) => ({ Status: String(change.on), ...Object.fromEntries(change.domainNames.map((d, i) => [`DomainName.${i + 1}`, d])) }),
  readState: (api, domain, _change, call) => api.callAction("QueryDomainByDomainName", { DomainName: domain }, parseLock, call),
  isApplied: (change, state) => (state.lock === "OPEN") === change.on,
  describeChange: (change) => `transfer lock ${change.on ? "OPEN" : "CLOSE"}`,
  describeState: (state) => `transfer lock ${state.lock}`,
};
// ---- end of the sketch ----

/** A key RAM does not grant the lock's write. */
const READ_ONLY = { accessKeyId: "read-only-key", accessKeySecret: "read-only-secret", deniedActions: ["domain:SecuritySetting"] };

let emulator: Emulator;
let client: DomainTaskClient;
let clock: VirtualClock;
beforeEach(async () => {
  clock = new VirtualClock();
  emulator = await startEmulator({ clock, credentials: [DEFAULT_CREDENTIAL, READ_ONLY], scenario: { tasks: [], domains: [{ domainName: "a.example.com" }, { domainName: "b.example.com" }] } });
  client = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, clock });
});
afterEach(() => emulator.close());

it("a lock already in the asked state submits nothing: the path reads the domains back first", async () => {
  const result = await submitOrResume(client, TRANSFER_LOCK, { domainNames: ["A.example.com", "b.example.com"], on: false }, { clock });
  expect(result).toMatchObject({ how: "applied", verdict: "applied", taskNo: null, states: { "a.example.com": { lock: "CLOSE" }, "b.example.com": { lock: "CLOSE" } } });
  expect(emulator.stats().byAction).toMatchObject({ QueryTaskList: 1, QueryDomainByDomainName: 2 });
  expect(emulator.stats().byAction.SaveBatchTaskForTransferProhibitionLock).toBeUndefined();
});

it("a lock to change is written once, with its wire query, and proven by reading it back", async () => {
  const result = await submitOrResume(client, TRANSFER_LOCK, { domainNames: ["a.example.com"], on: true }, { clock });
  expect(result).toMatchObject({ how: "submitted", verdict: "applied", taskNo: expect.any(String), states: { "a.example.com": { lock: "OPEN" } } });
  expect(emulator.stats().byAction.SaveBatchTaskForTransferProhibitionLock).toBe(1);
  expect(emulator.domainState("a.example.com")?.transferProhibitionLock).toBe("OPEN");
  expect(TRANSFER_LOCK.query({ domainNames: ["a.example.com", "b.example.com"], on: true })).toEqual({ Status: "true", "DomainName.1": "a.example.com", "DomainName.2": "b.example.com" });
});

it("a refusal of the write is not retried", async () => {
  const readOnly = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...READ_ONLY }, env: {}, clock });
  const error = await rejectionOf(submitOrResume(readOnly, TRANSFER_LOCK, { domainNames: ["a.example.com"], on: true }, { clock }));
  expect(error).toMatchObject({ name: "DomainApiError", code: "Forbidden.RAM", statusCode: 403 });
  expect(emulator.stats().byAction.SaveBatchTaskForTransferProhibitionLock).toBe(1);
});

it("validates before anything is sent", async () => {
  await expect(submitOrResume(client, TRANSFER_LOCK, { domainNames: [], on: true }, { clock })).rejects.toMatchObject({ name: "ValidationError", field: "domainNames" });
  expect(emulator.stats().total).toBe(0);
});
