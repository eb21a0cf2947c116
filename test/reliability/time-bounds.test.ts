/**
 * A timeout is a promise: every wait (the CLI's, the SDK's, the DomainTask's) ends within its limit plus at
 * most a second, whatever the server does - never answers, or sends headers and then a byte a second - and a
 * request still in flight at the deadline is a timeout (exit 4), not a connection error. Real time, loopback
 * servers from test/support/hostile-server.ts. Requires `npm run build`.
 */
import { startHostileServer, type HostileBehaviour, type HostileServer } from "../support/hostile-server";
import { DEFAULT_CREDENTIAL, startEmulator } from "../../emulator";
import { DomainTaskClient } from "../../sdk/api/client";
import { TimeoutError } from "../../sdk/waiter";
import { waitForTask } from "../../sdk/waiter";
import { assertBuilt, runCli } from "../cli/harness";
import { cliEnv } from "../cli/emulator-env";
import { startBench, type Bench } from "../provider/fixture";

const BEHAVIOURS: Array<[string, HostileBehaviour]> = [
  ["a server that accepts and never answers", { kind: "silent" }],
  ["a server that sends headers, then one byte a second", { kind: "trickle", intervalMs: 1000 }],
];
/** The promise: the limit, plus this much at most. */
const SLACK_MS = 1000;

const servers: HostileServer[] = [];
const hostile = async (behaviour: HostileBehaviour): Promise<HostileServer> => {
  const server = await startHostileServer(behaviour);
  servers.push(server);
  return server;
};
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe.each(BEHAVIOURS)("%s", (_name, behaviour) => {
  it("domain-tasks wait --timeout 3s exits 4 within 4 s, saying no request was answered in time", async () => {
    assertBuilt();
    const server = await hostile(behaviour);
    const started = Date.now();
    const result = await runCli(["wait", "T-1", "--endpoint", server.url, "--timeout", "3s", "-o", "json"], { env: cliEnv() });
    const took = Date.now() - started;
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("timed out after 3s: the Domain API answered no request in time");
    expect(JSON.parse(result.stdout)).toMatchObject({ taskNo: "T-1", succeeded: false, verified: false });
    expect(took).toBeLessThan(3000 + SLACK_MS + 1500); // + the process's own start-up
    expect(took).toBeGreaterThanOrEqual(3000);
  });

  it("waitForTask with maxWaitSeconds 2 ends in a TimeoutError within 3 s", async () => {
    const server = await hostile(behaviour);
    const client = new DomainTaskClient({ endpoint: server.url, credentials: { accessKeyId: "id", accessKeySecret: "secret" }, env: {} });
    const started = Date.now();
    const error = await waitForTask(client, { taskNo: "T-1" }, { maxWaitSeconds: 2 }).catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/a request was still in flight at the deadline/);
    expect(Date.now() - started).toBeLessThan(2000 + SLACK_MS);
    await server.whenAllClosed(2000); // abandoned requests do not keep sockets (or the process) alive
  });
});

describe("a server that answers every request, slowly", () => {
  it("never takes a wait past its limit plus a second, however many requests the poll at the deadline needs", async () => {
    // 450 ms a request; 25 details at PageSize 10: the first poll asks for the total, then counts, then reads
    // three pages - each request in time on its own, together far past a 0.1 s limit.
    const emulator = await startEmulator({ faults: { latencyMs: 450 } });
    try {
      const taskNo = emulator.addTask({ batch: { count: 25 } });
      const client = new DomainTaskClient({ endpoint: emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {} });
      const started = Date.now();
      const error = await waitForTask(client, { taskNo }, { maxWaitSeconds: 0.1, pageSize: 10 }).then(() => undefined, (e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(100 + SLACK_MS);
      expect(TimeoutError.isInstance(error)).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});

describe("DomainTask create through the dynamic-provider host", () => {
  let bench: Bench | undefined;
  afterAll(() => bench?.close());

  it("with timeoutSeconds 2 against a server that never answers, fails within 3 s naming the timeout", async () => {
    bench = await startBench();
    const server = await hostile({ kind: "silent" });
    const started = Date.now();
    const error = await bench.host.create(bench.inputs({ taskNo: "T-1", timeoutSeconds: 2, endpoint: server.url })).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/did not complete within timeoutSeconds=2/);
    expect(Date.now() - started).toBeLessThan(2000 + SLACK_MS + 500); // + the gRPC round trip
  });
});
