/**
 * `--debug`: withDebug around the real client, over HTTP against the emulator. One line per call with the
 * action, the page and filters asked, how it ended, the RequestId and the time; never a secret.
 */
import { debugApi, withDebug } from "../../cli/debug";
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator } from "../../emulator";
import { DomainTaskClient } from "../../sdk/api/client";
import { listTaskDetails } from "../../sdk/read";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      tasks: [{
        taskNo: "T-DEBUG",
        details: ["a", "b", "c", "d", "e"].map((n) => ({ domainName: `${n}.example.com`, ...(n === "c" ? { outcome: "failure" as const } : {}) })),
      }],
    },
  });
});

afterAll(() => emulator.close());

/** A clock that moves 25 ms between readings, so each call reads as taking 25 ms. */
const steppingClock = () => {
  let now = Date.UTC(2026, 0, 1, 8, 0, 0);
  return { now: () => (now += 25) };
};

const client = (credentials = DEFAULT_CREDENTIAL, endpoint = emulator.url) =>
  new DomainTaskClient({ endpoint, credentials, env: {}, retry: { maxAttempts: 1 } });

const capture = () => {
  const lines: string[] = [];
  return { write: (line: string) => void lines.push(line), lines };
};

describe("withDebug", () => {
  it("logs the endpoint once, then each page: action, request, status, RequestId, counts, time", async () => {
    const out = capture();
    const api = withDebug(client(), out.write, steppingClock());
    const { details } = await listTaskDetails(api, { taskNo: "T-DEBUG", domainName: undefined }, { pageSize: 2 });
    expect(details).toHaveLength(5);
    expect(out.lines[0]).toBe(`domain-tasks: debug: endpoint ${emulator.url} (product domain, signature v3)\n`);
    // The pager may ask for pages concurrently: read the lines by page number.
    const pageNum = (line: string): number => Number(/PageNum=(\d+)/.exec(line)?.[1]);
    const calls = out.lines.slice(1).sort((a, b) => pageNum(a) - pageNum(b));
    expect(calls.map(pageNum)).toEqual([1, 2, 3]);
    calls.forEach((line, i) => {
      expect(line).toMatch(new RegExp(
        `^domain-tasks: debug: 2026-01-01T08:00:00\\.\\d{3}Z QueryTaskDetailList TaskNo="T-DEBUG" PageNum=${i + 1} PageSize=2 ` +
          `-> ok RequestId=[0-9A-F-]{36} page ${i + 1}/3, ${i < 2 ? 2 : 1} of 5 details, \\d+ms\\n$`,
      ));
    });
  });

  it("logs the filters asked, in the API's names", async () => {
    const out = capture();
    await withDebug(client(), out.write, steppingClock())
      .queryTaskDetailList({ taskNo: "T-DEBUG", pageNum: 1, pageSize: 10, taskStatus: 3, domainName: "c.example.com", lang: "zh" });
    expect(out.lines[1]).toMatch(
      /QueryTaskDetailList TaskNo="T-DEBUG" PageNum=1 PageSize=10 TaskStatus=3 DomainName="c\.example\.com" Lang="zh" -> ok .*, 25ms\n$/,
    );
  });

  it("logs an API error by HTTP status, Code and RequestId, rethrows it, and never prints the secret", async () => {
    const out = capture();
    const secret = "not-the-emulator-secret-4f1d";
    const api = withDebug(client({ accessKeyId: "unknown-key-id", accessKeySecret: secret }), out.write, steppingClock());
    await expect(api.queryTaskDetailList({ taskNo: "T-DEBUG", pageNum: 1, pageSize: 10 })).rejects.toMatchObject({ name: "DomainApiError" });
    expect(out.lines[1]).toMatch(/-> HTTP 404 InvalidAccessKeyId\.NotFound RequestId=[0-9A-F-]{36}, 25ms\n$/);
    expect(out.lines.join("")).not.toContain(secret);
    expect(out.lines.join("")).not.toMatch(/Signature=|ACS3-HMAC|AccessKeySecret/i);
  });

  it("logs a transport failure by the error's name", async () => {
    const out = capture();
    const api = withDebug(client(DEFAULT_CREDENTIAL, "http://127.0.0.1:9"), out.write, steppingClock());
    await expect(api.queryTaskDetailList({ taskNo: "T-DEBUG", pageNum: 1, pageSize: 10 })).rejects.toThrow();
    expect(out.lines[1]).toMatch(/QueryTaskDetailList TaskNo="T-DEBUG" PageNum=1 PageSize=10 -> (HTTP \d+ )?\S+.*, 25ms\n$/);
    expect(out.lines[1]).not.toContain("-> ok");
  });
});

describe("debugApi", () => {
  it("wraps only when --debug (or --verbose) was given, writing to stderr", async () => {
    const api = client();
    expect(debugApi(api, {}, { write: () => true })).toBe(api);
    expect(debugApi(api, { debug: false }, { write: () => true })).toBe(api);
    const written: string[] = [];
    await debugApi(api, { debug: true }, { write: (s) => written.push(s) }).queryTaskDetailList({ taskNo: "T-DEBUG", pageNum: 1, pageSize: 1 });
    expect(written.map((l) => l.split(" ")[2])).toEqual(["endpoint", expect.stringMatching(/^\d{4}-/)]);
  });
});
