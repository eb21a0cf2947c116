/**
 * Micro-benchmark: CPU time to parse one 1000-detail QueryTaskDetailList body (already JSON-decoded), the
 * shape the emulator and the documentation give. Prints figures; asserts nothing (not a jest test).
 *
 *   npx ts-node --transpile-only test/sdk/api/response-parse-bench.ts
 */
import { parseTaskDetailPage } from "../../../sdk/api/response";

const detail = (i: number) => ({
  TaskNo: "5f8c1a2e-6d3b-4f0a-9c71-2b4e8d90a3c1",
  TaskDetailNo: String(100000 + i),
  InstanceId: `S2019${String(i).padStart(10, "0")}`,
  DomainName: `domain-${i}.example.com`,
  TaskType: "CHG_DNS",
  TaskTypeDescription: "Modify DNS",
  TaskStatus: i % 7 === 0 ? "EXECUTE_FAILURE" : "EXECUTE_SUCCESS",
  TaskStatusCode: i % 7 === 0 ? 3 : 2,
  TaskResult: "",
  ErrorMsg: i % 7 === 0 ? "The domain name is being processed" : "",
  FailReason: i % 7 === 0 ? "registry busy" : "",
  TryCount: 1,
  CreateTime: "2026-11-28 21:30:00",
  UpdateTime: "2026-11-28 21:31:07",
});

const body = () => ({
  RequestId: "8A0E1F0C-3C0E-4D2B-9A0B-1234567890AB",
  CurrentPageNum: 1,
  TotalPageNum: 20,
  TotalItemNum: 20000,
  PageSize: 1000,
  PrePage: false,
  NextPage: true,
  Data: { TaskDetail: Array.from({ length: 1000 }, (_, i) => detail(i)) },
});

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const measure = (label: string, makeBody: () => unknown): void => {
  const bodies = Array.from({ length: 230 }, makeBody);
  const times: number[] = [];
  for (const [i, b] of bodies.entries()) {
    const start = process.hrtime.bigint();
    parseTaskDetailPage(b);
    if (i >= 30) times.push(Number(process.hrtime.bigint() - start) / 1e6); // the first 30 warm the JIT up
  }
  console.log(`${label}: median ${median(times).toFixed(2)} ms per 1000-detail page (min ${Math.min(...times).toFixed(2)} ms, ${times.length} pages)`);
};

measure("documented shape", body);
measure("quirky shape (numeric TaskResult, FailReason ending in \\n)", () => {
  const b = body();
  b.Data.TaskDetail = b.Data.TaskDetail.map((d) => ({ ...d, TaskResult: 42 as unknown as string, FailReason: `${d.FailReason}\n` }));
  return b;
});
