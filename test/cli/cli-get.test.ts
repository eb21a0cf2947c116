/** `domain-tasks get` against the emulator: each output format, the filters, and paging as it streams. */
import { TaskOutcomeOutputSchema } from "../support/output-schema";
import { cliEnv, useCliEmulator } from "./emulator-env";
import { CONTROL_CHARACTERS, runCli } from "./harness";

const cli = useCliEmulator({
  tasks: [
    {
      taskNo: "T-GET-BATCH",
      taskType: "CHG_DNS",
      details: [
        { domainName: "a.example.com", instanceId: "S1" },
        { domainName: "b.example.com", instanceId: "S2", outcome: "failure", failReason: "Domain is locked (clientUpdateProhibited).\n", errorMsg: "DomainStatusProhibited", tryCount: 2 },
        { domainName: "c.example.com", instanceId: "S3" },
        { domainName: "d.example.com", instanceId: "S4", startAfterSeconds: 3600, finishAfterSeconds: 7200 },
        { domainName: "e.example.com", instanceId: "S5" },
      ],
    },
    // More details than `-o table` holds (one page of 1000): the table streams.
    { taskNo: "T-GET-BIG", taskType: "CHG_DNS", batch: { count: 2500, failEvery: 2500, errorMsg: "DomainStatusProhibited", failReason: "Locked." } },
    { taskNo: "T-GET-ALL-FAILED", taskType: "CHG_DNS", batch: { count: 1500, failEvery: 1, errorMsg: "DomainStatusProhibited", failReason: "Locked." } },
  ],
});


describe("domain-tasks get", () => {
  it("-o table: one row per detail, the failure with its reason, a summary line", async () => {
    const result = await runCli(["get", "T-GET-BATCH", "-o", "table", ...cli.endpoint], { env: cliEnv() });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    // UpdateTime is the emulator's clock (China time, as the real service): replace it to compare the rest.
    const lines = result.stdout.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, "YYYY-MM-DD hh:mm:ss").split("\n");
    expect(lines).toEqual([
      "DOMAIN         INSTANCE  STATUS           TRIES  UPDATED              ERROR                   REASON",
      "a.example.com  S1        EXECUTE_SUCCESS  0      YYYY-MM-DD hh:mm:ss",
      "b.example.com  S2        EXECUTE_FAILURE  2      YYYY-MM-DD hh:mm:ss  DomainStatusProhibited  Domain is locked (clientUpdateProhibited).",
      "c.example.com  S3        EXECUTE_SUCCESS  0      YYYY-MM-DD hh:mm:ss",
      "d.example.com  S4        WAITING_EXECUTE  0      YYYY-MM-DD hh:mm:ss",
      "e.example.com  S5        EXECUTE_SUCCESS  0      YYYY-MM-DD hh:mm:ss",
      "",
      "T-GET-BATCH  CHG_DNS  EXECUTE_FAILURE  5 details: 3 succeeded, 1 failed, 1 waiting",
      "",
    ]);
    expect(result.stdout).not.toMatch(CONTROL_CHARACTERS);
  });

  it("-o table beyond one page: streamed with every column, the failure on the last page with its reason", async () => {
    const result = await runCli(["get", "T-GET-BIG", "-o", "table", ...cli.endpoint], { env: cliEnv() });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^DOMAIN +INSTANCE +STATUS +TRIES +UPDATED +ERROR +REASON$/);
    expect(lines).toHaveLength(1 + 2500 + 3);
    const rows = lines.slice(1, 2501);
    expect(new Set(rows.map((row) => row.split(/ +/)[0])).size).toBe(2500);
    // The STATUS column starts where the header's does on every row, the widths set by the first page.
    expect(new Set(rows.map((row) => row.search(/EXECUTE_/)))).toEqual(new Set([lines[0].indexOf("STATUS")]));
    expect(rows.filter((row) => row.includes("EXECUTE_FAILURE"))).toEqual([expect.stringMatching(/ {2}DomainStatusProhibited +Locked\.$/)]);
    expect(lines.slice(-3)).toEqual(["", "T-GET-BIG  CHG_DNS  EXECUTE_FAILURE  2500 details: 2499 succeeded, 1 failed", ""]);
  });

  it("-o json (the default in a pipe): the outcome, valid against the documented schema", async () => {
    for (const args of [["-o", "json"], []]) {
      const result = await runCli(["get", "T-GET-BATCH", ...args, ...cli.endpoint], { env: cliEnv() });
      expect(result).toMatchObject({ code: 0, stderr: "" });
      const outcome = TaskOutcomeOutputSchema.parse(JSON.parse(result.stdout));
      expect(outcome).toMatchObject({
        taskNo: "T-GET-BATCH",
        status: "EXECUTE_FAILURE",
        statusCode: 3,
        succeeded: false,
        complete: false,
        total: 5,
        counts: { WAITING_EXECUTE: 1, EXECUTING: 0, EXECUTE_SUCCESS: 3, EXECUTE_FAILURE: 1, UNKNOWN: 0 },
        failed: [{ domainName: "b.example.com", instanceId: "S2", failReason: "Domain is locked (clientUpdateProhibited).", errorMsg: "DomainStatusProhibited" }],
        taskResult: null,
      });
      expect(outcome.details.map((d) => d.domainName)).toEqual(["a.example.com", "b.example.com", "c.example.com", "d.example.com", "e.example.com"]);
    }
  });

  it("-o json lists the first 1000 failures in `failed` and counts the rest; every detail is in `details`", async () => {
    const result = await runCli(["get", "T-GET-ALL-FAILED", "-o", "json", ...cli.endpoint], { env: cliEnv() });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const outcome = TaskOutcomeOutputSchema.parse(JSON.parse(result.stdout));
    expect(outcome).toMatchObject({ total: 1500, status: "EXECUTE_FAILURE", failedOmitted: 500, detailsOmitted: 0 });
    expect(outcome.failed).toHaveLength(1000);
    expect(outcome.failed[0]).toMatchObject({ errorMsg: "DomainStatusProhibited", failReason: "Locked." });
    expect(outcome.details.filter((d) => d.taskStatus === "EXECUTE_FAILURE")).toHaveLength(1500);
  });

  it("-o jsonl: one detail per line, written page by page", async () => {
    cli.emulator.resetStats();
    const result = await runCli(["get", "T-GET-BATCH", "-o", "jsonl", "--page-size", "2", ...cli.endpoint], { env: cliEnv() });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const details = result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(details.map((d) => [d.domainName, d.taskStatus])).toEqual([
      ["a.example.com", "EXECUTE_SUCCESS"],
      ["b.example.com", "EXECUTE_FAILURE"],
      ["c.example.com", "EXECUTE_SUCCESS"],
      ["d.example.com", "WAITING_EXECUTE"],
      ["e.example.com", "EXECUTE_SUCCESS"],
    ]);
    const pages = cli.emulator.stats().requests.filter((r) => r.action === "QueryTaskDetailList");
    expect(pages.every((r) => r.pageSize === 2)).toBe(true);
    expect(new Set(pages.map((r) => r.pageNum))).toEqual(new Set([1, 2, 3]));
  });

  it("--status, --domain and --instance select details on the server", async () => {
    cli.emulator.resetStats();
    const failed = await runCli(["get", "T-GET-BATCH", "--status", "failure", "-o", "jsonl", ...cli.endpoint], { env: cliEnv() });
    expect(failed.stdout.trimEnd().split("\n").map((l) => JSON.parse(l).domainName)).toEqual(["b.example.com"]);
    expect(cli.emulator.stats().requests[0]).toMatchObject({ taskNo: "T-GET-BATCH", taskStatus: "3" });

    const one = await runCli(["get", "T-GET-BATCH", "--domain", "c.example.com", "-o", "json", ...cli.endpoint], { env: cliEnv() });
    expect(JSON.parse(one.stdout)).toMatchObject({ total: 1, status: "EXECUTE_SUCCESS", details: [{ domainName: "c.example.com" }] });

    const byInstance = await runCli(["get", "T-GET-BATCH", "--instance", "S4", "-o", "json", ...cli.endpoint], { env: cliEnv() });
    expect(JSON.parse(byInstance.stdout)).toMatchObject({ total: 1, details: [{ domainName: "d.example.com" }] });
  });

  it("prints an empty outcome for a TaskNo without details, with a warning saying what to check", async () => {
    const result = await runCli(["get", "T-NOT-THERE", "-o", "table", ...cli.endpoint], { env: cliEnv() });
    expect(result).toEqual({
      code: 0,
      signal: null,
      stdout: "T-NOT-THERE  WAITING_EXECUTE  0 details: no details\n",
      stderr: 'domain-tasks: warning: no details found for TaskNo "T-NOT-THERE": check the TaskNo and --product (domain or domain-intl); ' +
        "a task submitted a moment ago may need a few seconds to show its details.\n",
    });
    // A filter that matches nothing is an answer, not a mistake: no warning.
    const none = await runCli(["get", "T-NOT-THERE", "--status", "failure", "-o", "table", ...cli.endpoint], { env: cliEnv() });
    expect([none.code, none.stderr]).toEqual([0, ""]);
  });

  it("warns on stderr about paging facts the service got wrong, and still reads every detail", async () => {
    cli.emulator.setFaults({ quirks: { totalPageNumOffset: 2, nextPageAlwaysTrue: true } });
    try {
      const result = await runCli(["get", "T-GET-BATCH", "--page-size", "2", "-o", "json", ...cli.endpoint], { env: cliEnv() });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).total).toBe(5);
      expect(result.stderr).toMatch(/^domain-tasks: warning: \S/);
      expect(result.stderr.trimEnd().split("\n").every((line) => line.startsWith("domain-tasks: warning: "))).toBe(true);
    } finally {
      cli.emulator.setFaults({});
    }
  });

  it("exits 3 with the Code, the RequestId and the attempts when throttling outlasts the retries", async () => {
    cli.emulator.setFaults({ rules: [{ fault: "throttling", every: 1 }] });
    try {
      const result = await runCli(["get", "T-GET-BATCH", ...cli.endpoint], { env: cliEnv() });
      expect(result).toMatchObject({ code: 3, stdout: "" });
      expect(result.stderr).toMatch(/\n {2}Code: {7}Throttling\S*\n {2}RequestId: {2}[0-9A-F-]{36}\n {2}HTTP: {7}400\n/);
      expect(result.stderr).toContain("\n  Attempts:   5\n");
    } finally {
      cli.emulator.setFaults({});
    }
  });
});
