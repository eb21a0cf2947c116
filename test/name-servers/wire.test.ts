/**
 * The name-server answers as documented in their variants (the SDK models' `DnsList.Dns`, an old sample's flat
 * list, numbers as strings, `Data.TaskInfo` as one object), and refused when a field a decision rests on is missing.
 */
import { parseDomain } from "../../sdk/name-servers/wire";
import { parseTaskListPage as parseTaskList } from "../../sdk/tasks/list-wire";
import { parseCreateTime } from "../../sdk/tasks/task-facts";
import { parseWritten } from "../../sdk/tasks/write";

const parseSubmitted = parseWritten("SaveBatchTaskForModifyingDomainDns");

it("reads DnsList in each documented shape", () => {
  const base = { RequestId: "R", DomainName: "example.com", UpdateProhibitionLock: "CLOSE" };
  for (const DnsList of [{ Dns: ["ns1.x.net", "ns2.x.net"] }, ["ns1.x.net", "ns2.x.net"], "ns1.x.net, ns2.x.net", { Dns: "ns1.x.net,ns2.x.net" }]) {
    expect(parseDomain({ ...base, DnsList }, 200).nameServers).toEqual(["ns1.x.net", "ns2.x.net"]);
  }
  expect(parseDomain({ ...base, DnsList: { Dns: ["ns1.x.net"] } }, 200)).toMatchObject({ domainStatus: "", expirationDate: "", updateProhibitionLock: "CLOSE" });
});

it("splits entries that hold several comma-joined names, as the API reference's sample sends them", () => {
  const base = { RequestId: "R", DomainName: "example.com" };
  for (const DnsList of [{ Dns: ["ns1.x.net,ns2.x.net"] }, { Dns: ["ns1.x.net, ns2.x.net,"] }, ["ns1.x.net,ns2.x.net"], { Dns: ["ns1.x.net", "ns2.x.net,"] }]) {
    expect(parseDomain({ ...base, DnsList }, 200).nameServers).toEqual(["ns1.x.net", "ns2.x.net"]);
  }
  expect(() => parseDomain({ ...base, DnsList: { Dns: ["ns1.x.net", { host: "ns2.x.net" }] } }, 200)).toThrow(/unusable DnsList/);
});

it("refuses an answer without what a decision rests on, naming the field and the RequestId", () => {
  expect(() => parseSubmitted({ RequestId: "R-1" }, 200)).toThrow(/InvalidResponse \(HTTP 200\): the SaveBatchTaskForModifyingDomainDns answer carries no TaskNo\. RequestId: R-1/);
  expect(() => parseDomain({ RequestId: "R-2", DomainName: "example.com", DnsList: { Dns: [42] } }, 200)).toThrow(/unusable DnsList/);
  expect(() => parseTaskList({ RequestId: "R-3", Data: { TaskInfo: [] } }, 200)).toThrow(/QueryTaskList response has an unusable TotalItemNum/);
});

it("reads QueryTaskList leniently: counts as strings, one TaskInfo as an object", () => {
  const page = parseTaskList({
    RequestId: "R", TotalItemNum: "1", TotalPageNum: "1", PageSize: "100",
    Data: { TaskInfo: { TaskNo: "T-1", TaskType: " chg_dns ", TaskStatus: "EXECUTING", TaskStatusCode: "2", TaskNum: "2", CreateTime: "Dec 26,2017 11:00:54" } },
  }, 200);
  expect(page).toMatchObject({ totalItemNum: 1, pageSize: 100, tasks: [{ taskNo: "T-1", taskType: "chg_dns", taskStatusCode: 2, taskNum: 2 }] });
  expect(page.nextPage).toBeUndefined();
  expect(parseTaskList({ RequestId: "R", TotalItemNum: 0, NextPage: "false", Data: {} }, 200)).toMatchObject({ totalPageNum: -1, pageSize: 0, nextPage: false, tasks: [] });
});

it("reads CreateTime in both of the service's formats, in its zone (UTC+8)", () => {
  expect(parseCreateTime("Dec 26,2017 11:00:54")).toBe(Date.UTC(2017, 11, 26, 3, 0, 54));
  expect(parseCreateTime("2017-12-26 11:00:54")).toBe(Date.UTC(2017, 11, 26, 3, 0, 54));
  expect(parseCreateTime("yesterday")).toBeNaN();
});
