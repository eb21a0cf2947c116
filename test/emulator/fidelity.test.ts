/**
 * Where the emulator follows public evidence about the real service (issue 13, docs/emulator.md): XML without
 * Format, the throttling headers, Domain's own codes, credential refusals, HostId, listing orders and the
 * quirk that brings back "" for absent values.
 */
import { request } from "node:http";
import { startEmulator, type Emulator, type EmulatorCredential } from "../../emulator";
import { callApi, callError, detailsOf, page } from "./helpers";
import { sendV1 } from "./raw-request";

const INACTIVE: EmulatorCredential = { accessKeyId: "ak-inactive", accessKeySecret: "s1", inactive: true };
const EXPIRED: EmulatorCredential = { accessKeyId: "STS.expired", accessKeySecret: "s2", securityToken: "tok", securityTokenExpired: true };
const NO_RAM: EmulatorCredential = { accessKeyId: "ak-no-ram", accessKeySecret: "s3", permissionDenied: "Forbidden.RAM" };
const NO_PERMISSION: EmulatorCredential = { accessKeyId: "ak-no-permission", accessKeySecret: "s4", permissionDenied: "NoPermission" };
const OK: EmulatorCredential = { accessKeyId: "ak-ok", accessKeySecret: "s5" };

let emulator: Emulator;
let taskNo: string;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [INACTIVE, EXPIRED, NO_RAM, NO_PERMISSION, OK] });
  taskNo = emulator.addTask({
    taskType: "ORDER_RENEW",
    details: [{ domainName: "a.example.com", taskResult: "r<1>" }, { domainName: "b.example.com", outcome: "failure", failReason: "2304 & co" }],
  });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.setFaults({}));

const query = () => ({ TaskNo: taskNo, PageNum: "1", PageSize: "10" });

describe("XML for V1 requests without Format=JSON", () => {
  it("renders the same page as XML, each array item as its own element, values escaped", async () => {
    const xml = await sendV1(emulator, query(), { credential: OK, format: null });
    expect(xml.status).toBe(200);
    expect(xml.headers.get("content-type")).toBe("application/xml;charset=utf-8");
    expect(xml.text).toMatch(/^<\?xml version='1\.0' encoding='UTF-8'\?><QueryTaskDetailListResponse><RequestId>[0-9A-F-]{36}<\/RequestId>/);
    expect(xml.text).toContain("<TotalItemNum>2</TotalItemNum>");
    expect(xml.text.match(/<TaskDetail>/g)).toHaveLength(2);
    expect(xml.text).toContain("<TaskResult>r&lt;1&gt;</TaskResult>");
    expect(xml.text).toContain("<FailReason>2304 &amp; co</FailReason>");
    expect(xml.text).toContain("<TaskTypeDescription>Create a renewal order</TaskTypeDescription>");
    const json = await sendV1(emulator, query(), { credential: OK, format: "JSON" });
    expect(json.body.TotalItemNum).toBe(2);
  });

  it("renders errors as <Error> too", async () => {
    const xml = await sendV1(emulator, query(), { credential: { ...OK, accessKeySecret: "wrong" }, format: "XML" });
    expect(xml.status).toBe(400);
    expect(xml.text).toMatch(/^<\?xml version='1\.0' encoding='UTF-8'\?><Error><RequestId>[0-9A-F-]{36}<\/RequestId><HostId>domain\.aliyuncs\.com<\/HostId><Code>SignatureDoesNotMatch<\/Code><Message>/);
  });
});

describe("faults with the service's own codes and headers", () => {
  it("throttling carries x-ratelimit-user-api / x-ratelimit-user with the rule's TimeLeft", async () => {
    emulator.setFaults({ rules: [{ fault: "throttling", every: 1, timeLeftMs: 2500 }] });
    const answer = await sendV1(emulator, query(), { credential: OK });
    expect([answer.status, answer.body.Code]).toEqual([400, "Throttling.User"]);
    expect(answer.headers.get("x-ratelimit-user-api")).toMatch(/^Limit:\d+,Remain:0,TimeLeft:2500,Reset:\d+$/);
    expect(answer.headers.get("x-ratelimit-user")).toMatch(/^Limit:\d+,Remain:\d+,TimeLeft:0,Reset:\d+$/);
    emulator.setFaults({ rules: [{ fault: "throttling", every: 1, httpStatus: 429 }] });
    const defaults = await sendV1(emulator, query(), { credential: OK });
    expect([defaults.status, defaults.body.Code]).toEqual([429, "Throttling.User"]);
    expect(defaults.headers.get("x-ratelimit-user-api")).toContain("TimeLeft:1000,");
  });

  it.each([
    ["parameterIllegal", "ParameterIllegal"],
    ["networkIOError", "NetworkIOError"],
  ] as const)("%s answers 400 %s", async (fault, code) => {
    emulator.setFaults({ rules: [{ fault, from: 1, count: 1 }] });
    const error = await callError(callApi(emulator, query(), { credential: OK }));
    expect([error.statusCode, error.code]).toEqual([400, code]);
  });
});

describe("credential options", () => {
  it.each([
    ["inactive", 400, "InvalidAccessKeyId.Inactive", INACTIVE],
    ["securityTokenExpired", 400, "InvalidSecurityToken.Expired", EXPIRED],
    ["permissionDenied Forbidden.RAM", 403, "Forbidden.RAM", NO_RAM],
    ["permissionDenied NoPermission", 403, "NoPermission", NO_PERMISSION],
  ] as const)("%s is refused with HTTP %i %s, for V3 and V1", async (_name, status, code, credential) => {
    for (const signature of ["v3", "v1"] as const) {
      const error = await callError(callApi(emulator, query(), { credential, signature }));
      expect([error.statusCode, error.code]).toEqual([status, code]);
    }
  });

  it("checks the signature before the permission: a wrong secret on a denied key is SignatureDoesNotMatch", async () => {
    const error = await callError(callApi(emulator, query(), { credential: { ...NO_RAM, accessKeySecret: "wrong" } }));
    expect(error.code).toBe("SignatureDoesNotMatch");
  });
});

describe("HostId is the host that answered", () => {
  const hostIdOf = async (e: Emulator, version: string) =>
    (await callError(callApi(e, query(), { version, credential: { accessKeyId: "nobody", accessKeySecret: "x" } }))).data?.HostId;

  it("is the version's own host by default, and domain-intl for a 2018-01-29 call routed for ap-southeast-1", async () => {
    expect(await hostIdOf(emulator, "2018-01-29")).toBe("domain.aliyuncs.com");
    expect(await hostIdOf(emulator, "2017-12-18")).toBe("domain-intl.aliyuncs.com");
    const intl = await startEmulator({ region: "ap-southeast-1" });
    try {
      expect(await hostIdOf(intl, "2018-01-29")).toBe("domain-intl.aliyuncs.com");
    } finally {
      await intl.close();
    }
  });

  it("follows a Host header naming an aliyuncs.com host", async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: emulator.port, path: "/?Action=QueryTaskDetailList&Version=2018-01-29&Format=JSON", headers: { host: "domain-intl.aliyuncs.com" } },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve(text));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(JSON.parse(body)).toMatchObject({ Code: "IncompleteSignature", HostId: "domain-intl.aliyuncs.com" });
  });
});

describe("listing orders (quirks)", () => {
  let big: string;
  beforeAll(() => {
    big = emulator.addTask({ batch: { count: 20, domainTemplate: "n{i}.example.com" } });
  });
  const listed = async () => detailsOf(await page(emulator, big, 1, 20, {}, { credential: OK })).map((d) => Number(String(d.DomainName).slice(1, -12)));
  const seeded = Array.from({ length: 20 }, (_, i) => i + 1);

  it("reverse lists the seeded order backwards", async () => {
    emulator.setFaults({ quirks: { listingOrder: "reverse" } });
    expect(await listed()).toEqual([...seeded].reverse());
  });

  it("shuffled is one fixed permutation per task; reshuffled changes on every answer", async () => {
    emulator.setFaults({ quirks: { listingOrder: "shuffled" } });
    const first = await listed();
    expect(first).not.toEqual(seeded);
    expect([...first].sort((a, b) => a - b)).toEqual(seeded);
    expect(await listed()).toEqual(first);
    emulator.setFaults({ quirks: { listingOrder: "reshuffled" } });
    const a = await listed();
    const b = await listed();
    expect(a).not.toEqual(b);
    expect([...b].sort((x, y) => x - y)).toEqual(seeded);
  });
});

it("absentAsEmptyString sends \"\" where a real response leaves the key out", async () => {
  const running = emulator.addTask({ details: [{ domainName: "r.example.com", finishAfterSeconds: 3600 }] });
  const plain = detailsOf(await page(emulator, running, 1, 10, {}, { credential: OK }))[0];
  expect(["TaskResult", "ErrorMsg", "FailReason"].filter((k) => k in plain)).toEqual([]);
  emulator.setFaults({ quirks: { absentAsEmptyString: true } });
  const padded = detailsOf(await page(emulator, running, 1, 10, {}, { credential: OK }))[0];
  expect([padded.TaskResult, padded.ErrorMsg, padded.FailReason]).toEqual(["", "", ""]);
});
