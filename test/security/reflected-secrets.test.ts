/**
 * A server may reflect what it was sent (the STS token, the signature, the secret) back inside its answer:
 * in a detail's ErrorMsg, in an error Message, in a Location, in an HTML page. None of it leaves the client:
 * not in a page's strings, not in any view of an error. The server here echoes the request it received.
 */
import { DomainTaskClient } from "../../sdk/api/client";
import { VirtualClock } from "../../sdk/clock";
import { startHostileServer, type HostileBehaviour, type HostileServer, type SeenRequest } from "../support/hostile-server";
import { pageBody } from "../support/pages";
import { allViews, expectNoSecret, KEY_ID, SECRET, SECURITY_TOKEN } from "./leak-check";

const lowerHex = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/**
 * What a reflecting server can know: the token as sent (raw, percent-encoded in the URL) and the secret - echoed
 * in the forms a gateway's debug message uses: lower-case percent-encoding, JSON escapes, a truncated prefix.
 */
const echo = (req: SeenRequest): string =>
  `got ${req.target} token=${req.headers["x-acs-security-token"] ?? ""} raw=${SECURITY_TOKEN} secret=${SECRET} b64=${Buffer.from(SECRET).toString("base64")} ` +
  `lower=${lowerHex(encodeURIComponent(SECURITY_TOKEN))} twice=${lowerHex(encodeURIComponent(encodeURIComponent(SECURITY_TOKEN)))} ` +
  `json=${SECURITY_TOKEN.replace(/\//g, "\\/")} uni=${SECURITY_TOKEN.replace(/[+/=]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)} ` +
  `cut=${SECRET.slice(0, 24)} cutToken=${SECURITY_TOKEN.slice(0, 24)}`;

const REFLECTORS: [string, (req: SeenRequest) => HostileBehaviour][] = [
  ["a detail's ErrorMsg and FailReason in a 200 page", (req) => ({ kind: "answer", status: 200, body: pageBody([{ ErrorMsg: echo(req), FailReason: echo(req), TaskStatus: "EXECUTE_FAILURE", TaskStatusCode: 3 }]) })],
  ["an error Message", (req) => ({ kind: "answer", status: 400, body: JSON.stringify({ RequestId: "R", Code: "InvalidParameter", Message: echo(req) }) })],
  ["an error inside a 200", (req) => ({ kind: "answer", status: 200, body: JSON.stringify({ RequestId: "R", Code: "Forbidden.RAM", Message: echo(req) }) })],
  ["a Code-less 500", (req) => ({ kind: "answer", status: 500, body: JSON.stringify({ RequestId: "R", Message: echo(req) }) })],
  ["an HTML 403", (req) => ({ kind: "answer", status: 403, body: `<html>${echo(req)}</html>` })],
  ["plain text", (req) => ({ kind: "answer", status: 200, body: echo(req) })],
  ["a redirect's Location", (req) => ({ kind: "answer", status: 302, headers: { location: `http://127.0.0.1:9/${encodeURIComponent(SECURITY_TOKEN)}/x?${req.target}` } })],
  ["a JSON string", () => ({ kind: "answer", status: 200, body: JSON.stringify(`token ${SECURITY_TOKEN}`) })],
];

let server: HostileServer | undefined;
afterEach(() => server?.close());

describe.each(["v3", "v1"] as const)("a reflecting server (%s signature)", (signatureVersion) => {
  it.each(REFLECTORS)("%s: no secret in the page or the error", async (_where, behaviour) => {
    server = await startHostileServer(behaviour);
    const client = new DomainTaskClient({
      endpoint: server.url,
      credentials: { accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: SECURITY_TOKEN },
      env: {},
      clock: new VirtualClock(),
      signatureVersion,
      retry: { maxAttempts: 1 },
    });
    const outcome = await client.queryTaskDetailList({ taskNo: "T-page", pageNum: 1, pageSize: 10 }).then(
      (page) => ({ page }),
      (error: unknown) => ({ error }),
    );
    // The server did receive the token (so the test can fail), and reflected it.
    expect(server.requests).toHaveLength(1);
    expectNoSecret(allViews("page" in outcome ? outcome.page : outcome.error));
    if ("page" in outcome) expect(outcome.page.details[0].errorMsg).toContain("***");
  });
});
