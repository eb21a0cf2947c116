/**
 * `domain-tasks wait T1 T2 ...` and `--tasks-from`: several tasks, one gate. The exit code is the worst verdict
 * (1 a failure, 3 a contradiction, 2 a TaskNo without details, 4 still open, 0 all succeeded); `-o json` gives
 * each task's verdict and outcome.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TaskVerdictOutputSchema, WaitManyOutputSchema } from "../support/output-schema";
import { cliEnv, useCliEmulator } from "./emulator-env";
import { runCli } from "./harness";

const FAST = ["--min-delay", "100ms", "--max-delay", "200ms"];
const cli = useCliEmulator({
  tasks: [
    { taskNo: "M-OK-1", taskType: "ORDER_RENEW", details: [{ domainName: "a.example.com", finishAfterSeconds: 0.5 }] },
    { taskNo: "M-OK-2", batch: { count: 30, durationSeconds: 0.5 } },
    { taskNo: "M-FAIL", details: [{ domainName: "b.example.com", finishAfterSeconds: 0.3, outcome: "failure", failReason: "Locked." }] },
    { taskNo: "M-SLOW", details: [{ domainName: "c.example.com", finishAfterSeconds: 3600 }] },
    { taskNo: "M-LIAR", details: [{ domainName: "d.example.com" }, { domainName: "e.example.com" }], quirks: { hiddenDetails: { last: 1 } } },
  ],
});

const waitFor = (taskNos: string[], extra: string[] = [], input?: string) =>
  runCli(["wait", ...taskNos, ...cli.endpoint, ...FAST, "-o", "json", ...extra], { env: cliEnv(), input });

describe("domain-tasks wait with several TaskNos", () => {
  it("exits 0 only when every task verified success, with each task's outcome in the JSON", async () => {
    const result = await waitFor(["M-OK-1", "M-OK-2"]);
    expect(result.code).toBe(0);
    const doc = WaitManyOutputSchema.parse(JSON.parse(result.stdout));
    expect(doc.exitCode).toBe(0);
    expect(doc.tasks.map((t: { taskNo: string; exitCode: number }) => [t.taskNo, t.exitCode])).toEqual([["M-OK-1", 0], ["M-OK-2", 0]]);
    expect(doc.tasks[1].outcome).toMatchObject({ succeeded: true, verified: true, total: 30 });
    expect(result.stderr).toContain("2 tasks: exit 0");
  });

  it("exits 1 when any detail failed, even while another task is still open at the deadline", async () => {
    const result = await waitFor(["M-OK-1", "M-FAIL", "M-SLOW"], ["--timeout", "2s"]);
    expect(result.code).toBe(1);
    const doc = WaitManyOutputSchema.parse(JSON.parse(result.stdout));
    expect(doc.tasks.map((t: { exitCode: number }) => t.exitCode)).toEqual([0, 1, 4]);
    expect(result.stderr).toMatch(/M-SLOW: timed out after 2s/);
  });

  it("exits 4 when a task is still open at the deadline and none failed", async () => {
    const result = await waitFor(["M-OK-1", "M-SLOW"], ["--timeout", "1s"]);
    expect(result.code).toBe(4);
  });

  it("keeps the several-task shape (in the documented schema) for --since finding one task, and -o jsonl a task a line", async () => {
    const one = await waitFor([], ["--since", "1h", "--type", "ORDER_RENEW"]);
    expect(WaitManyOutputSchema.parse(JSON.parse(one.stdout)).tasks.map((t) => t.taskNo)).toEqual(["M-OK-1"]);
    const lines = await runCli(["wait", "M-OK-1", "M-OK-2", ...cli.endpoint, ...FAST, "-o", "jsonl"], { env: cliEnv() });
    expect(lines.stdout.trimEnd().split("\n").map((l) => TaskVerdictOutputSchema.parse(JSON.parse(l)).taskNo)).toEqual(["M-OK-1", "M-OK-2"]);
  });

  it("exits 3 when a task's answers never verify, naming the contradiction, while the others are judged", async () => {
    const result = await waitFor(["M-OK-1", "M-LIAR"]);
    expect(result.code).toBe(3);
    const doc = JSON.parse(result.stdout);
    expect(doc.tasks[0]).toMatchObject({ taskNo: "M-OK-1", exitCode: 0 });
    expect(doc.tasks[1]).toMatchObject({ taskNo: "M-LIAR", exitCode: 3 });
    expect(doc.tasks[1].verdict).toMatch(/TotalItemNum says 2, but 1 distinct details were served/);
  });

  it("reads TaskNos from a file and from standard input, skipping blanks, comments and repeats", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tasks-from-"));
    const file = path.join(dir, "tasks.txt");
    fs.writeFileSync(file, "# submitted by the pipeline\nM-OK-1\n\nM-OK-2  # the batch\nM-OK-1\n");
    const fromFile = await waitFor([], ["--tasks-from", file]);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout).tasks.map((t: { taskNo: string }) => t.taskNo)).toEqual(["M-OK-1", "M-OK-2"]);
    const fromStdin = await waitFor(["M-FAIL"], ["--tasks-from", "-"], "M-OK-1\n");
    expect(fromStdin.code).toBe(1);
    expect(JSON.parse(fromStdin.stdout).tasks.map((t: { taskNo: string }) => t.taskNo)).toEqual(["M-OK-1", "M-FAIL"]);
    const missing = await waitFor([], ["--tasks-from", path.join(dir, "nope.txt")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--tasks-from .*nope\.txt.* cannot be read \(ENOENT\)/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("--since finds every task created in the window (QueryTaskList), --type narrows it, and none found is exit 2", async () => {
    const all = await waitFor([], ["--since", "1h", "--timeout", "2s"]);
    expect(all.code).toBe(1); // M-FAIL failed; M-SLOW is still open; M-LIAR never verifies: the failure decides
    expect(JSON.parse(all.stdout).tasks.map((t: { taskNo: string }) => t.taskNo).sort()).toEqual(["M-FAIL", "M-LIAR", "M-OK-1", "M-OK-2", "M-SLOW"]);
    const renewals = await waitFor([], ["--since", "1h", "--type", "order_renew"]);
    expect(renewals.code).toBe(0);
    expect(JSON.parse(renewals.stdout).tasks.map((t: { taskNo: string }) => t.taskNo)).toEqual(["M-OK-1"]);
    const none = await waitFor([], ["--since", "1h", "--type", "ORDER_REDEEM"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no task of type ORDER_REDEEM was created in the last 1h: nothing to wait for");
    const orphan = await waitFor(["M-OK-1"], ["--type", "CHG_DNS"]);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain("--type goes with --since");
  });
});
