/**
 * QueryTaskList's task-level TaskStatusCode is not settled by public evidence (the API reference pairs COMPLETE with
 * 3, the PHP SDK model's examples with 1): the client never decides on it. Whatever code a server sends with a
 * task, listTasks lists the same tasks with the same TaskStatus, and the code is shown as sent or -1.
 */
import { formatTaskListTime } from "../../emulator/actions/query-task-list";
import { listTasks } from "../../sdk/name-servers";
import { parseTaskListPage as parseTaskList } from "../../sdk/tasks/list-wire";
import { clientFor, useEmulator } from "../support/emulator-client";
import { startHostileServer, type HostileServer } from "../support/hostile-server";

const ctx = useEmulator();
let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NOW = Date.now();
const taskList = (codes: Record<string, unknown>) => ({
  RequestId: "R-list",
  TotalItemNum: 3,
  TotalPageNum: 1,
  PageSize: 100,
  CurrentPageNum: 1,
  Data: {
    TaskInfo: [
      { TaskNo: "T-DONE", TaskType: "CHG_DNS", TaskStatus: "COMPLETE", TaskNum: 2, CreateTime: formatTaskListTime(NOW - 60_000), ...codes },
      { TaskNo: "T-RUNNING", TaskType: "CHG_DNS", TaskStatus: "EXECUTING", TaskStatusCode: 2, TaskNum: 1, CreateTime: formatTaskListTime(NOW - 30_000) },
      { TaskNo: "T-RENEW", TaskType: "ORDER_RENEW", TaskStatus: "WAITING_EXECUTE", TaskStatusCode: 1, TaskNum: 1, CreateTime: formatTaskListTime(NOW - 10_000) },
    ],
  },
});

it.each([
  ["3, as the API reference has it", { TaskStatusCode: 3 }, 3],
  ["1, as an SDK example pairs it", { TaskStatusCode: 1 }, 1],
  ["a numeric string", { TaskStatusCode: "3" }, 3],
  ["the status name", { TaskStatusCode: "COMPLETE" }, -1],
  ["a fraction", { TaskStatusCode: 2.5 }, -1],
  ["null", { TaskStatusCode: null }, -1],
  ["nothing", {}, -1],
])("lists the same tasks whatever code comes with COMPLETE: %s", async (_what, codes, shown) => {
  server = await startHostileServer({ kind: "answer", status: 200, body: JSON.stringify(taskList(codes)) });
  const { client } = clientFor(ctx.emu, { endpoint: server.url });
  const tasks = await listTasks(client, { sinceMs: NOW - 3_600_000 }, { nowMs: NOW });
  expect(tasks.map((t) => [t.taskNo, t.taskStatus])).toEqual([
    ["T-RENEW", "WAITING_EXECUTE"],
    ["T-RUNNING", "EXECUTING"],
    ["T-DONE", "COMPLETE"],
  ]);
  expect(tasks.find((t) => t.taskNo === "T-DONE")?.taskStatusCode).toBe(shown);
  expect((await listTasks(client, { sinceMs: NOW - 3_600_000, taskType: "CHG_DNS" }, { nowMs: NOW })).map((t) => t.taskNo)).toEqual(["T-RUNNING", "T-DONE"]);
});

it("still refuses a task list without what a decision rests on: a TaskNo", () => {
  const body = taskList({});
  body.Data.TaskInfo[0].TaskNo = "";
  expect(() => parseTaskList(body, 200)).toThrow(/QueryTaskList response has an unusable Data\.TaskInfo\.0\.TaskNo/);
});
