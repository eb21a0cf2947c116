/**
 * An abandoned request never keeps a process alive. A child process (the BUILT client, as users run it)
 * reads a page from a server that answers and then holds the connection, then calls a server that never
 * answers with timeoutMs 500. It must print DeadlineExceeded and exit on its own, within 1.5 s of starting
 * that call. Requires `npm run build` (npm test builds first).
 */
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { startHostileServer, type HostileServer } from "../support/hostile-server";
import { pageBody } from "../support/pages";

const ROOT = join(__dirname, "..", "..");
const BUILT = join(ROOT, "dist", "sdk", "api", "client.js");

const CHILD = `
const { DomainTaskClient } = require(process.argv[1]);
const [, , answering, silent] = process.argv;
const options = (endpoint) => ({ endpoint, credentials: { accessKeyId: "LTAI-child", accessKeySecret: "child-secret-value-0123456789" }, env: {} });
const query = { taskNo: "T-page", pageNum: 1, pageSize: 100 };
(async () => {
  const page = await new DomainTaskClient(options(answering)).queryTaskDetailList(query, { timeoutMs: 5000 });
  console.log("page", page.details.length);
  console.log("start", Date.now());
  await new DomainTaskClient(options(silent)).queryTaskDetailList(query, { timeoutMs: 500 }).catch((e) => console.log("error", e.code));
})();
`;

const servers: HostileServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

it("a process whose only request hit a never-answering server exits on its own, soon after timeoutMs", async () => {
  if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < statSync(join(ROOT, "sdk", "api", "client.ts")).mtimeMs) {
    throw new Error(`${BUILT} is missing or older than sdk/api/client.ts: run \`npm run build\` first (npm test does).`);
  }
  const answering = await startHostileServer({ kind: "answer", status: 200, body: pageBody() });
  const silent = await startHostileServer({ kind: "silent" });
  servers.push(answering, silent);
  const child = spawn(process.execPath, ["-e", CHILD, BUILT, answering.url, silent.url], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  // The guard kills a child that never exits, so the failure is reported instead of hanging the suite.
  const guard = setTimeout(() => child.kill("SIGKILL"), 15_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  const exitedAt = Date.now();
  clearTimeout(guard);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  expect(stdout).toMatch(/^page 1\nstart \d+\nerror DeadlineExceeded\n$/);
  const startedAt = Number(/start (\d+)/.exec(stdout)![1]);
  expect(exitedAt - startedAt).toBeLessThan(1500);
  // The held connection of the first call and the abandoned one of the second are both gone.
  await answering.whenAllClosed(1000);
  await silent.whenAllClosed(1000);
});
