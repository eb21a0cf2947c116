/**
 * Signature V3 as the V3 signing guide describes it, checked with clients we did not write: a mismatch in V3's own
 * words (V1 keeps its own), the optional x-acs-signature-nonce, and every x-acs-* header, host and content-type that
 * is sent must be signed. openapi-core signs; the requests it cannot shape are signed by its getAuthorization.
 */
import { startEmulator, type Emulator, type EmulatorCredential } from "../../emulator";
import { isoNow } from "./raw-request";
import { openApiCoreCall, popCoreCall, sendHandSignedV3 } from "./foreign-clients";

const AK: EmulatorCredential = { accessKeyId: "ak-v3", accessKeySecret: "v3-secret" };
const STS: EmulatorCredential = { accessKeyId: "STS.v3", accessKeySecret: "sts-v3-secret", securityToken: "sts-v3-token" };
const NOT_CONFORMING = /^The request signature does not conform to Aliyun standards\. /;

let emulator: Emulator;
let taskNo: string;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [AK, STS] });
  taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
});
afterAll(() => emulator.close());

const query = () => ({ TaskNo: taskNo, PageNum: "1", PageSize: "10" });
const wrong = (credential: EmulatorCredential): EmulatorCredential => ({ ...credential, accessKeySecret: "not-the-secret" });

describe("a wrong signature", () => {
  it.each([["AccessKey", AK], ["STS", STS]] as const)("is refused in V3's words for a V3 request (%s)", async (_kind, credential) => {
    for (const action of ["QueryTaskDetailList", "QueryDomainByDomainName"]) {
      const { status, body } = await openApiCoreCall(emulator, action, action === "QueryTaskDetailList" ? query() : { DomainName: "x.example.com" }, { credential: wrong(credential) });
      expect([status, body.Code, body.Message]).toEqual([400, "SignatureDoesNotMatch", "Specified signature does not match our calculation."]);
    }
    const handSigned = await sendHandSignedV3(emulator, { query: query(), credential: wrong(credential) });
    expect([handSigned.status, handSigned.body.Message]).toEqual([400, "Specified signature does not match our calculation."]);
  });

  it("is refused in V1's own words, with the server's string to sign, for a V1 request", async () => {
    const { status, body } = await popCoreCall(emulator, "QueryTaskDetailList", query(), { credential: wrong(AK) });
    expect([status, body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
    expect(String(body.Message)).toMatch(/^Specified signature is not matched with our calculation\. server string to sign is:POST&%2F&AccessKeyId%3Dak-v3%26/);
  });

  it("leaves the right ones alone: both clients, both kinds of key", async () => {
    for (const credential of [AK, STS]) {
      for (const call of [openApiCoreCall, popCoreCall]) {
        const { status, body } = await call(emulator, "QueryTaskDetailList", query(), { credential });
        expect([status, body.TotalItemNum]).toEqual([200, 1]);
      }
    }
  });
});

describe("x-acs-signature-nonce", () => {
  it("may be left out: the rest signed is enough, and the request is answered each time it is sent", async () => {
    for (const credential of [AK, STS]) {
      for (let i = 0; i < 2; i++) {
        const { status, body } = await sendHandSignedV3(emulator, { query: query(), credential, omit: ["x-acs-signature-nonce"] });
        expect([status, body.TotalItemNum]).toEqual([200, 1]);
      }
    }
  });

  it("still binds a request without it to the 15-minute timestamp window", async () => {
    const stale = await sendHandSignedV3(emulator, { query: query(), credential: AK, omit: ["x-acs-signature-nonce"], date: isoNow(Date.now() - 16 * 60 * 1000) });
    expect([stale.status, stale.body.Code]).toEqual([400, "InvalidTimeStamp.Expired"]);
  });

  it("when sent, is used once: the same signed request again is SignatureNonceUsed", async () => {
    const headers = { "x-acs-signature-nonce": "nonce-sent-twice" };
    // Sent unsigned it is refused (below); so sign a request that carries it, and send it twice.
    const first = await sendHandSignedV3(emulator, { query: query(), credential: AK, omit: ["x-acs-signature-nonce"], signedExtra: headers });
    const again = await sendHandSignedV3(emulator, { query: query(), credential: AK, omit: ["x-acs-signature-nonce"], signedExtra: headers });
    expect(first.status).toBe(200);
    expect([again.status, again.body.Code]).toEqual([400, "SignatureNonceUsed"]);
  });
});

describe("headers that are sent must be signed", () => {
  it.each([
    ["the nonce", AK, { "x-acs-signature-nonce": "unsigned-nonce" }, "x-acs-signature-nonce"],
    ["an STS token", STS, { "x-acs-security-token": STS.securityToken! }, "x-acs-security-token"],
    ["any other x-acs-* header", AK, { "x-acs-trace-id": "t-1" }, "x-acs-trace-id"],
    ["content-type", AK, { "content-type": "application/x-www-form-urlencoded" }, "content-type"],
  ] as const)("refuses %s sent unsigned with IncompleteSignature, naming it", async (_what, credential, unsigned, name) => {
    const omit = Object.keys(unsigned);
    const { status, body } = await sendHandSignedV3(emulator, { query: query(), credential, omit, unsigned });
    expect([status, body.Code]).toEqual([400, "IncompleteSignature"]);
    expect(String(body.Message)).toMatch(NOT_CONFORMING);
    expect(String(body.Message)).toContain(name);
  });

  it.each(["x-acs-date", "x-acs-content-sha256"])("refuses a request without %s, which V3 requires", async (name) => {
    const { status, body } = await sendHandSignedV3(emulator, { query: query(), credential: AK, omit: [name] });
    expect([status, body.Code]).toEqual([400, "IncompleteSignature"]);
    expect(String(body.Message)).toMatch(NOT_CONFORMING);
    expect(String(body.Message)).toContain(name);
  });
});
