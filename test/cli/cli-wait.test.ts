/**
 * `domain-tasks wait` against the emulator: each exit code, the progress on stderr, the outcome on stdout,
 * credentials, API errors and Ctrl-C. Tasks finish a second after the emulator starts; the command polls
 * every 100-300 ms, so each case takes about a second and no assertion depends on timing.
 */
import { TaskOutcomeOutputSchema } from "../support/output-schema";
import { cliEnv, DEFAULT_CREDENTIAL, useCliEmulator } from "./emulator-env";
import { CONTROL_CHARACTERS, runCli, startCli, waitForStderr } from "./harness";
import { isolatedEnv } from "../support/isolated-env";

const FAST = ["--min-delay", "100ms", "--max-delay", "300ms"];
const cli = useCliEmulator({
  tasks: [
    {
      taskNo: "T-RENEW",
      taskType: "ORDER_RENEW",
      details: [{ domainName: "shop.example.com", instanceId: "S1", startAfterSeconds: 0.2, finishAfterSeconds: 1, taskResult: "Renewed for 1 year." }],
    },
    {
      taskNo: "T-DNS",
      taskType: "CHG_DNS",
      details: [
        { domainName: "a.example.com", finishAfterSeconds: 1 },
        { domainName: "b.example.com", instanceId: "S-B", finishAfterSeconds: 1, outcome: "failure", failReason: "DNS server ns9.example is not registered.", errorMsg: "DnsHostNotExist" },
        { domainName: "c.example.com", finishAfterSeconds: 0.5 },
      ],
    },
    {
      taskNo: "T-EARLY-FAIL",
      details: [
        { domainName: "locked.example.com", finishAfterSeconds: 0.3, outcome: "failure", failReason: "Domain is locked.", errorMsg: "DomainStatusProhibited" },
        { domainName: "slow.example.com", finishAfterSeconds: 3600 },
      ],
    },
    { taskNo: "T-SLOW", details: [{ domainName: "slow.example.com", startAfterSeconds: 0, finishAfterSeconds: 3600 }] },
  ],
});


const wait = (taskNo: string, args: string[], env = cliEnv()) => runCli(["wait", taskNo, ...cli.endpoint, ...FAST, ...args], { env });

describe("exit codes", () => {
  it("0 when every detail succeeded: the outcome JSON on stdout, one log line per poll on stderr", async () => {
    const result = await wait("T-RENEW", []);
    expect(result.code).toBe(0);
    const outcome = TaskOutcomeOutputSchema.parse(JSON.parse(result.stdout));
    expect(outcome).toMatchObject({ taskNo: "T-RENEW", status: "EXECUTE_SUCCESS", succeeded: true, complete: true, taskResult: "Renewed for 1 year." });
    const lines = result.stderr.trimEnd().split("\n");
    for (const line of lines.slice(0, -2)) expect(line).toMatch(/^T-RENEW: 0\/1 finished \(1 (waiting|executing)\); \S+ elapsed; next poll in \S+$/);
    expect(lines.at(-2)).toMatch(/^T-RENEW: 1\/1 finished \(1 succeeded\); \S+ elapsed$/);
    expect(lines.at(-1)).toBe("T-RENEW: condition met: all 1 detail succeeded. (exit 0)");
    expect(result.stderr).not.toMatch(CONTROL_CHARACTERS);
  });

  it("1 when a detail failed (--for success, the default); -o table lists the failures", async () => {
    const result = await wait("T-DNS", ["-o", "table"]);
    expect(result.code).toBe(1);
    const table = result.stdout.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, "YYYY-MM-DD hh:mm:ss");
    expect(table).toBe([
      "DOMAIN         INSTANCE  STATUS           TRIES  UPDATED              ERROR            REASON",
      "b.example.com  S-B       EXECUTE_FAILURE  5      YYYY-MM-DD hh:mm:ss  DnsHostNotExist  DNS server ns9.example is not registered.",
      "",
      "T-DNS  CHG_DNS  EXECUTE_FAILURE  3 details: 2 succeeded, 1 failed",
      "",
    ].join("\n"));
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("T-DNS: condition false: 1 of 3 details failed (2 succeeded, 1 failed). (exit 1)");
  });

  it("0 with --for completion once every detail finished, failed or not", async () => {
    const result = await wait("T-DNS", ["--for", "completion", "-o", "json"]);
    expect(result.code).toBe(0);
    expect(TaskOutcomeOutputSchema.parse(JSON.parse(result.stdout))).toMatchObject({ complete: true, succeeded: false, failed: [{ domainName: "b.example.com" }] });
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("T-DNS: condition met: all 3 details finished (2 succeeded, 1 failed). (exit 0)");
  });

  it("--timeout 0 checks once: 0 for a finished task, 4 with the counts for an open one", async () => {
    await wait("T-RENEW", ["-q"]); // make sure the renewal has finished
    const done = await wait("T-RENEW", ["--timeout", "0", "-o", "jsonl"]);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ domainName: "shop.example.com", taskStatus: "EXECUTE_SUCCESS" });
    expect(done.stderr).toBe("T-RENEW: condition met: all 1 detail succeeded. (exit 0)\n");

    const open = await wait("T-SLOW", ["--timeout", "0"]);
    expect(open.code).toBe(4);
    expect(JSON.parse(open.stdout)).toMatchObject({ complete: false, counts: { EXECUTING: 1 } });
    expect(open.stderr).toBe("T-SLOW: checked once (--timeout 0): 1 of 1 detail still open (1 executing). (exit 4)\n");
  });

  it("4 when the timeout runs out with details open, printing the last counts even with -q", async () => {
    const result = await wait("T-SLOW", ["--timeout", "1s", "-q", "-o", "json"]);
    expect(result.code).toBe(4);
    expect(TaskOutcomeOutputSchema.parse(JSON.parse(result.stdout))).toMatchObject({ taskNo: "T-SLOW", complete: false, counts: { EXECUTING: 1 } });
    expect(result.stderr).toBe("T-SLOW: timed out after 1s: 1 of 1 detail still open (1 executing). (exit 4)\n");
  });

  it("1 at the first failure with --fail-fast, without waiting for the open details", async () => {
    const result = await wait("T-EARLY-FAIL", ["--fail-fast", "--timeout", "10m", "-o", "json"]);
    expect(result.code).toBe(1);
    const outcome = TaskOutcomeOutputSchema.parse(JSON.parse(result.stdout));
    expect(outcome).toMatchObject({ complete: false, counts: { EXECUTE_FAILURE: 1, EXECUTING: 1 }, failed: [{ domainName: "locked.example.com", failReason: "Domain is locked." }] });
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
      "T-EARLY-FAIL: condition false: 1 of 2 details failed; stopped early (--fail-fast) with 1 still open (1 failed, 1 executing). (exit 1)",
    );
  });

  it("-q prints nothing on stderr when the condition is met", async () => {
    const result = await wait("T-RENEW", ["-q"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
  });

  it("130 on Ctrl-C: polling stops at once", async () => {
    const { child, done } = startCli(["wait", "T-SLOW", ...cli.endpoint, "--timeout", "10m", "--min-delay", "1m", "--max-delay", "1m"], { env: cliEnv() });
    await waitForStderr(child, "next poll in 1m");
    child.kill("SIGINT");
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("domain-tasks: interrupted; stopped polling.");
  });
});

describe("credentials and API errors (exit 3)", () => {
  it("shows the API's Code and RequestId when the secret is wrong", async () => {
    const env = isolatedEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_CREDENTIAL.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: "not-the-secret" });
    const result = await wait("T-RENEW", [], env);
    expect(result).toMatchObject({ code: 3, stdout: "" });
    expect(result.stderr).toMatch(/^domain-tasks: the Domain API call failed: /);
    expect(result.stderr).toContain("\n  Code:       SignatureDoesNotMatch\n");
    expect(result.stderr).toMatch(/\n {2}RequestId: {2}[0-9A-F-]{36}\n/);
    expect(result.stderr).toContain("\n  HTTP:       400\n");
    expect(result.stderr).not.toContain("not-the-secret");
  });

  it("shows the Code for an AccessKey ID the service does not know", async () => {
    const env = isolatedEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI-unknown", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "whatever" });
    const result = await wait("T-RENEW", [], env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("\n  Code:       InvalidAccessKeyId.NotFound\n");
  });

  it("says where it looked when no credentials are found", async () => {
    const result = await wait("T-RENEW", [], isolatedEnv());
    expect(result).toMatchObject({ code: 3, stdout: "" });
    expect(result.stderr).toMatch(/^domain-tasks: no usable credentials: /);
    expect(result.stderr).toContain("ALIBABA_CLOUD_ACCESS_KEY_ID");
  });

  it("takes --access-key-id with the secret from ALICLOUD_SECRET_KEY or from stdin, never from a flag", async () => {
    const fromEnv = await wait("T-RENEW", ["-q", "--access-key-id", DEFAULT_CREDENTIAL.accessKeyId], isolatedEnv({ ALICLOUD_SECRET_KEY: DEFAULT_CREDENTIAL.accessKeySecret }));
    expect(fromEnv.code).toBe(0);
    const fromStdin = await runCli(["wait", "T-RENEW", ...cli.endpoint, "-q", "--access-key-id", DEFAULT_CREDENTIAL.accessKeyId, "--secret-from-stdin"], {
      env: isolatedEnv(),
      input: `${DEFAULT_CREDENTIAL.accessKeySecret}\n`,
    });
    expect(fromStdin.code).toBe(0);
  });

  it("exits 2 (bad input) with the fix when --access-key-id has no secret", async () => {
    const missing = await wait("T-RENEW", ["--access-key-id", "LTAI-mine"], isolatedEnv());
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr.split("\n")[0]).toBe(
      'domain-tasks: --access-key-id "LTAI-mine" was given without its secret: set ALICLOUD_SECRET_KEY or ALIBABA_CLOUD_ACCESS_KEY_SECRET, or pass it on standard input with --secret-from-stdin.',
    );
    const emptyStdin = await runCli(["wait", "T-RENEW", ...cli.endpoint, "--access-key-id", "LTAI-mine", "--secret-from-stdin"], { env: isolatedEnv(), input: "" });
    expect(emptyStdin.code).toBe(2);
    expect(emptyStdin.stderr).toContain("standard input was empty");
  });
});
