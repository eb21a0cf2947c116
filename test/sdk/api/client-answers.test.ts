/**
 * Every shape an answer takes in the wild gets an error that says what came back (issue 10 "Errors"), the
 * codes users meet get advice that says what to do (issue 13), and throttled answers are retried after the
 * wait the gateway asks for. Served by test/support/hostile-server: each answer exactly as written here.
 */
import { DomainApiError } from "../../../sdk/errors";
import { startHostileServer, type HostileBehaviour, type HostileServer } from "../../support/hostile-server";
import { pageBody } from "../../support/pages";
import { clientFor, rejectionOf, useEmulator } from "./harness";

const ctx = useEmulator();
const query = { taskNo: "T-page", pageNum: 1, pageSize: 100 };
const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server answering `behaviours` in turn (the last one repeats), and a client on it. */
const serve = async (behaviours: HostileBehaviour[], options: Parameters<typeof clientFor>[1] = {}) => {
  const server = await startHostileServer((_req, n) => behaviours[Math.min(n, behaviours.length) - 1]);
  servers.push(server);
  return { server, ...clientFor(ctx.emu, { endpoint: server.url, ...options }) };
};
const answer = (status: number, body?: string, headers?: Record<string, string>): HostileBehaviour => ({ kind: "answer", status, body, headers });
const json = (v: unknown) => JSON.stringify(v);

describe("an answer that is not a page says what came back", () => {
  it.each([
    ["JSON null", answer(200, "null"), "InvalidResponse", /answered HTTP 200 OK with JSON null instead of a QueryTaskDetailList object/],
    ["an empty array", answer(200, "[]"), "InvalidResponse", /with a JSON array of 0 items instead/],
    ["a JSON string", answer(200, '"ok"'), "InvalidResponse", /with a JSON string \("ok"\) instead/],
    ["an empty 200", answer(200, ""), "EmptyResponse", /answered HTTP 200 OK with an empty body/],
    ["a 204", answer(204), "EmptyResponse", /answered HTTP 204 No Content with an empty body/],
    ["a 304", answer(304), "Redirected", /HTTP 304 Not Modified, though the client sent no conditional request/],
    ["an XML page", answer(200, '<?xml version="1.0"?><QueryTaskDetailListResponse/>', { "content-type": "text/xml" }), "InvalidResponseBody", /an XML body, although the client always sends Format=JSON/],
    ["plain text", answer(200, "service ok"), "InvalidResponseBody", /a body that is not JSON \("service ok"\)/],
  ] as const)("%s: %s", async (_what, behaviour, code, message) => {
    const { client } = await serve([behaviour], { retry: { maxAttempts: 1 } });
    const err = await rejectionOf(client.queryTaskDetailList(query));
    expect(DomainApiError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ code });
    expect(err.message).toMatch(message);
  });

  it("a 302 is never followed: the error names where it pointed, without its query", async () => {
    const elsewhere = await startHostileServer(answer(200, pageBody()));
    servers.push(elsewhere);
    const { client, server } = await serve([answer(302, "", { location: `${elsewhere.url}/login?token=abc` })]);
    const err = await rejectionOf(client.queryTaskDetailList(query));
    expect(err).toMatchObject({ code: "Redirected", statusCode: 302, retryable: false, attempts: 1 });
    expect(err.message).toMatch(new RegExp(`HTTP 302 Found, a redirect to ${elsewhere.url}/login\\?\\.\\.\\.; redirects are never followed`));
    expect(err.message).not.toContain("token=abc");
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.accepted).toBe(0);
  });

  it("an HTML 403 from a firewall: not the Domain API, and no RAM advice", async () => {
    const { client } = await serve([answer(403, "<html><body><h1>403 Forbidden</h1>Blocked by WAF</body></html>", { "content-type": "text/html" })]);
    const err = await rejectionOf(client.queryTaskDetailList(query));
    expect(err).toMatchObject({ code: "InvalidResponseBody", statusCode: 403, retryable: false, attempts: 1 });
    expect(err.message).toMatch(/HTTP 403 Forbidden with an HTML page.*did not come from the Domain API.*firewall, proxy or gateway/);
    expect(err.message).not.toMatch(/grant|AliyunDomainReadOnlyAccess|domain:Query/);
  });
});

describe("5xx and errors inside a 200", () => {
  it("a 5xx with no Code is transient, retried, and named by its status", async () => {
    const { client, server } = await serve([answer(503, json({ RequestId: "R-503", Message: "busy" }))], { retry: { maxAttempts: 3 } });
    const err = await rejectionOf(client.queryTaskDetailList(query));
    expect(err).toMatchObject({ code: "Http503", statusCode: 503, requestId: "R-503", retryable: true, attempts: 3 });
    expect(err.message).toMatch(/^Http503 \(HTTP 503\): .* answered HTTP 503 Service Unavailable with no error Code: busy\. RequestId: R-503\./);
    expect(server.requests).toHaveLength(3);
  });

  it("a 200 whose body is an error object is that error, and retried when it is retryable", async () => {
    const throttled = json({ RequestId: "R-thr", Code: "Throttling.User", Message: "Request was denied due to user flow control." });
    const { client, server } = await serve([answer(200, throttled), answer(200, pageBody())]);
    const page = await client.queryTaskDetailList(query);
    expect(page.details).toHaveLength(1);
    expect(server.requests).toHaveLength(2);

    const { client: once } = await serve([answer(200, throttled)], { retry: { maxAttempts: 1 } });
    await expect(once.queryTaskDetailList(query)).rejects.toMatchObject({ code: "Throttling.User", statusCode: 200, retryable: true, requestId: "R-thr" });
  });

  it("an XML error answer is that error", async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>R-x</RequestId><Code>InvalidPageSize</Code><Message>Specified parameter PageSize is not valid.</Message></Error>';
    const { client } = await serve([answer(400, xml, { "content-type": "text/xml;charset=utf-8" })]);
    await expect(client.queryTaskDetailList(query)).rejects.toMatchObject({ code: "InvalidPageSize", statusCode: 400, requestId: "R-x", retryable: false });
  });
});

describe("throttling headers set the retry delay", () => {
  const throttled = (header: string, value: string) =>
    answer(429, json({ RequestId: "R-t", Code: "Throttling.User", Message: "flow control" }), { [header]: value });

  it.each([
    ["x-ratelimit-user-api", "Limit:10,Remain:0,TimeLeft:1500,Reset:1"],
    ["x-ratelimit-user", "Limit:10,Remain:0,TimeLeft:1500,Reset:1"],
  ])("%s TimeLeft 1500: the retry waits 1500 ms, not the backoff", async (header, value) => {
    const { client, clock, server } = await serve([throttled(header, value), answer(200, pageBody())]);
    await client.queryTaskDetailList(query);
    expect(clock.slept).toEqual([1500]);
    expect(server.requests).toHaveLength(2);
  });

  it("a TimeLeft shorter than the backoff, or unreadable, leaves the backoff", async () => {
    const { client, clock } = await serve([throttled("x-ratelimit-user-api", "TimeLeft:5"), throttled("x-ratelimit-user", "TimeLeft:soon"), answer(200, pageBody())]);
    await client.queryTaskDetailList(query);
    expect(clock.slept).toEqual([100, 200]); // full jitter at random() = 0.5
  });
});

describe("codes users meet, with what to do", () => {
  it.each([
    [400, "SignatureDoesNotMatch", /AccessKey secret belongs to the AccessKey ID/, false],
    [403, "Forbidden.RAM", /grant it the RAM action domain:QueryDomainTask/, false],
    [403, "NoPermission", /grant it the RAM action domain:QueryDomainTask/, false],
    [403, "InvalidAccessKeyId.Inactive", /AccessKey is disabled: enable it in the RAM console/, false],
    [400, "InvalidSecurityToken.Expired", /security token has expired: obtain a new one/, false],
    [400, "InvalidPageSize", /refused the PageSize parameter/, false],
    [400, "ParameterIllegal", /refused the request's parameters/, false],
    [400, "NetworkIOError", /passing failure: it is retried/, true],
  ] as const)("%d %s", async (status, code, advice, retryable) => {
    const { client, server } = await serve([answer(status, json({ RequestId: "R-c", HostId: "domain.aliyuncs.com", Code: code, Message: "m" }))], { retry: { maxAttempts: 2 } });
    const err = await rejectionOf(client.queryTaskDetailList(query));
    expect(err).toMatchObject({ code, statusCode: status, retryable, requestId: "R-c", hostId: "domain.aliyuncs.com" });
    expect(err.message).toMatch(advice);
    expect(server.requests).toHaveLength(retryable ? 2 : 1);
  });
});

describe("the request asks for JSON", () => {
  it.each(["v3", "v1"] as const)("%s: Format=JSON is in the query", async (signatureVersion) => {
    const { client, server } = await serve([answer(200, pageBody())], { signatureVersion });
    await client.queryTaskDetailList(query);
    const target = new URL(server.requests[0].target, "http://x");
    expect(target.searchParams.get("Format")).toBe("JSON");
    if (signatureVersion === "v1") expect(target.searchParams.get("Signature")).toMatch(/\S/);
    else expect(server.requests[0].headers.authorization).toMatch(/^ACS3-HMAC-SHA256 /);
  });
});
