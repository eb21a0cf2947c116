/**
 * The quirks the service's own samples show (issue 21): a trailing space in ErrorMsg (the XML samples), pages
 * without NextPage/PrePage (the English samples) and `DnsList.Dns` as one comma-joined string (doc 121704). Each is
 * off by default and switched on from code or a scenario file; clients we did not write see it on the wire, and
 * the SDK reads through it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { listTaskDetails } from "../../sdk/read";
import { listTasks, queryDomainNameServers } from "../../sdk/name-servers";
import { waitForTask } from "../../sdk/waiter";
import { clientFor } from "../support/emulator-client";
import { FOREIGN_CLIENTS } from "./foreign-clients";
import { sendV1 } from "./raw-request";

const DETAILS = 2_500;

let emulator: Emulator;
let small: string;
let big: string;

beforeAll(async () => {
  emulator = await startEmulator({ scenario: { tasks: [], domains: [{ domainName: "shop.example.com" }] } });
  small = emulator.addTask({ details: [{ domainName: "ok.example.com" }, { domainName: "bad.example.com", outcome: "failure", errorMsg: "Registry refused." }] });
  big = emulator.addTask({ batch: { count: DETAILS } });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.setFaults({}));

const query = (taskNo: string, pageNum = 1, pageSize = 10) => ({ TaskNo: taskNo, PageNum: String(pageNum), PageSize: String(pageSize) });
type Detail = Record<string, unknown>;
const errorMsgs = (body: Record<string, unknown>) => Object.fromEntries((body.Data as { TaskDetail: Detail[] }).TaskDetail.map((d) => [d.DomainName, d.ErrorMsg]));

describe.each(FOREIGN_CLIENTS)("on the wire, as %s sees it", (_name, call) => {
  it("answers as the SDK models say while the quirks are off", async () => {
    const body = (await call(emulator, "QueryTaskDetailList", query(small))).body;
    expect(errorMsgs(body)).toEqual({ "ok.example.com": "The operation is successful.", "bad.example.com": "Registry refused." });
    expect(body).toMatchObject({ PrePage: false, NextPage: false });
    expect((await call(emulator, "QueryTaskList", { PageNum: "1", PageSize: "10" })).body).toMatchObject({ PrePage: false, NextPage: false });
    expect((await call(emulator, "QueryDomainByDomainName", { DomainName: "shop.example.com" })).body.DnsList).toEqual({ Dns: ["dns1.hichina.com", "dns2.hichina.com"] });
  });

  it("trailingSpaceErrorMsg: a finished detail's ErrorMsg ends with a space", async () => {
    emulator.setFaults({ quirks: { trailingSpaceErrorMsg: true } });
    const body = (await call(emulator, "QueryTaskDetailList", query(small))).body;
    expect(errorMsgs(body)).toEqual({ "ok.example.com": "The operation is successful. ", "bad.example.com": "Registry refused. " });
  });

  it("omitPagingFlags: no page carries NextPage or PrePage, the counts stay", async () => {
    emulator.setFaults({ quirks: { omitPagingFlags: true } });
    for (const pageNum of [1, 2, 3]) {
      const body = (await call(emulator, "QueryTaskDetailList", query(big, pageNum, 1000))).body;
      expect(Object.keys(body).filter((k) => k === "NextPage" || k === "PrePage")).toEqual([]);
      expect(body).toMatchObject({ CurrentPageNum: pageNum, TotalItemNum: DETAILS, TotalPageNum: 3, PageSize: 1000 });
    }
    const list = (await call(emulator, "QueryTaskList", { PageNum: "1", PageSize: "1" })).body;
    expect(Object.keys(list).filter((k) => k === "NextPage" || k === "PrePage")).toEqual([]);
    expect(list).toMatchObject({ TotalItemNum: 2, TotalPageNum: 2 });
  });

  it("commaJoinedDnsList: DnsList.Dns is one comma-joined string in the list", async () => {
    emulator.setFaults({ quirks: { commaJoinedDnsList: true } });
    const body = (await call(emulator, "QueryDomainByDomainName", { DomainName: "shop.example.com" })).body;
    expect(body.DnsList).toEqual({ Dns: ["dns1.hichina.com,dns2.hichina.com"] });
  });
});

it("trailingSpaceErrorMsg shows in the XML answer too, as the XML samples have it", async () => {
  emulator.setFaults({ quirks: { trailingSpaceErrorMsg: true } });
  const xml = await sendV1(emulator, query(small), { format: null });
  expect(xml.text).toContain("<ErrorMsg>The operation is successful. </ErrorMsg>");
  emulator.setFaults({});
  expect((await sendV1(emulator, query(small), { format: null })).text).toContain("<ErrorMsg>The operation is successful.</ErrorMsg>");
});

describe("the SDK reads through each quirk", () => {
  it("trailingSpaceErrorMsg: ErrorMsg comes back without the space, and the task verifies as succeeded or failed", async () => {
    emulator.setFaults({ quirks: { trailingSpaceErrorMsg: true } });
    const { client } = clientFor(emulator);
    const page = await client.queryTaskDetailList({ taskNo: small, pageNum: 1, pageSize: 10 });
    expect(Object.fromEntries(page.details.map((d) => [d.domainName, d.errorMsg]))).toEqual({ "ok.example.com": "The operation is successful.", "bad.example.com": "Registry refused." });
    const outcome = await waitForTask(client, { taskNo: small });
    expect(outcome).toMatchObject({ succeeded: false, total: 2, failed: [{ domainName: "bad.example.com", errorMsg: "Registry refused." }] });
  });

  it("omitPagingFlags: every detail of a three-page task is read, each once, on the counts alone", async () => {
    emulator.setFaults({ quirks: { omitPagingFlags: true } });
    const { client } = clientFor(emulator);
    const read = await listTaskDetails(client, { taskNo: big }, { pageSize: 1000 });
    expect(new Set(read.details.map((d) => d.domainName)).size).toBe(DETAILS);
    expect(read.details).toHaveLength(DETAILS);
    const outcome = await waitForTask(client, { taskNo: big });
    expect(outcome).toMatchObject({ succeeded: true, total: DETAILS });
  });

  it("omitPagingFlags: listTasks reads every page of QueryTaskList", async () => {
    const own = await startEmulator();
    try {
      own.setFaults({ quirks: { omitPagingFlags: true } });
      const seeded = Array.from({ length: 130 }, (_, i) => own.addTask({ details: [{ domainName: `d${i}.example.com` }] }));
      const tasks = await listTasks(clientFor(own).client, { sinceMs: Date.now() - 3_600_000 });
      expect(tasks.map((t) => t.taskNo).sort()).toEqual([...seeded].sort());
    } finally {
      await own.close();
    }
  });

  it("commaJoinedDnsList: the name servers come back one by one", async () => {
    emulator.setFaults({ quirks: { commaJoinedDnsList: true } });
    const info = await queryDomainNameServers(clientFor(emulator).client, "shop.example.com");
    expect(info.nameServers).toEqual(["dns1.hichina.com", "dns2.hichina.com"]);
  });
});

it("switches each quirk on from a scenario file: for the run (faults.quirks) or for one task (tasks[].quirks)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sample-quirks-"));
  const path = join(dir, "scenario.json");
  writeFileSync(path, JSON.stringify({
    faults: { quirks: { omitPagingFlags: true, commaJoinedDnsList: true } },
    tasks: [
      { taskNo: "T-SPACED", details: [{ domainName: "a.example.com" }], quirks: { trailingSpaceErrorMsg: true } },
      { taskNo: "T-PLAIN", details: [{ domainName: "b.example.com" }] },
    ],
    domains: [{ domainName: "shop.example.com" }],
  }));
  const fromFile = await startEmulator({ scenario: path });
  try {
    const [, call] = FOREIGN_CLIENTS[1];
    const spaced = (await call(fromFile, "QueryTaskDetailList", query("T-SPACED"))).body;
    const plain = (await call(fromFile, "QueryTaskDetailList", query("T-PLAIN"))).body;
    expect([errorMsgs(spaced), errorMsgs(plain)]).toEqual([{ "a.example.com": "The operation is successful. " }, { "b.example.com": "The operation is successful." }]);
    expect(["NextPage" in spaced, "PrePage" in plain]).toEqual([false, false]);
    expect((await call(fromFile, "QueryDomainByDomainName", { DomainName: "shop.example.com" })).body.DnsList).toEqual({ Dns: ["dns1.hichina.com,dns2.hichina.com"] });
  } finally {
    await fromFile.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
