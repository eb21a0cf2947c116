/**
 * Who may call: V3 and V1 signatures, AccessKey and STS credentials, and every way the gateway refuses a
 * request (wrong secret, unknown key, STS token, timestamp window, replayed nonce, unknown action/version).
 */
import { VirtualClock } from "../../sdk/clock";
import { startEmulator, type Emulator, type EmulatorCredential } from "../../emulator";
import { NonceCache } from "../../emulator/nonce-cache";
import { callApi, callError, detailsOf, type CallOptions } from "./helpers";
import { isoNow, sendV1 } from "./raw-request";

const STS: EmulatorCredential = { accessKeyId: "STS.emulator-test", accessKeySecret: "sts-secret", securityToken: "sts-token-123" };
const AK: EmulatorCredential = { accessKeyId: "ak-test", accessKeySecret: "ak-secret" };
const QUERY = (taskNo: string) => ({ TaskNo: taskNo, PageNum: "1", PageSize: "10" });

let emulator: Emulator;
let taskNo: string;
// Task time far from real time: request timestamps must still be judged by real time.
const clock = new VirtualClock(Date.UTC(2030, 5, 1));

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [AK, STS], clock });
  taskNo = emulator.addTask({ details: [{ domainName: "example.com" }] });
});
afterAll(() => emulator.close());

describe.each<[string, CallOptions]>([
  ["V3 + AccessKey", { signature: "v3", credential: AK }],
  ["V1 + AccessKey", { signature: "v1", credential: AK }],
  ["V3 + STS token", { signature: "v3", credential: STS }],
  ["V1 + STS token", { signature: "v1", credential: STS }],
])("%s", (_name, options) => {
  it("is accepted on POST and GET, for Domain and Domain-intl", async () => {
    for (const version of ["2018-01-29", "2017-12-18"]) {
      for (const method of ["POST", "GET"] as const) {
        const result = await callApi(emulator, QUERY(taskNo), { ...options, version, method });
        expect(result.statusCode).toBe(200);
        expect(detailsOf(result.body).map((d) => d.DomainName)).toEqual(["example.com"]);
        expect(result.headers["x-acs-request-id"]).toBe(result.body.RequestId);
      }
    }
  });

  it("accepts the parameters in a signed form body too", async () => {
    const result = await callApi(emulator, QUERY(taskNo), { ...options, inBody: true });
    expect(result.body.TotalItemNum).toBe(1);
  });

  it("is refused with SignatureDoesNotMatch (HTTP 400, as the gateway answers it) when the secret is wrong", async () => {
    const error = await callError(callApi(emulator, QUERY(taskNo), { ...options, credential: { ...options.credential!, accessKeySecret: "wrong" } }));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe("SignatureDoesNotMatch");
    expect(error.data).toMatchObject({ Code: "SignatureDoesNotMatch", HostId: "domain.aliyuncs.com" });
    // Each signature version words the refusal its own way (the V3 signing guide; captured V1 answers).
    if (options.signature === "v3") expect(error.data?.Message).toBe("Specified signature does not match our calculation.");
    else expect(String(error.data?.Message)).toMatch(/^Specified signature is not matched with our calculation\. server string to sign is:/);
    expect(String(error.data?.Message)).not.toContain(options.credential!.accessKeySecret);
  });
});

describe("refusals", () => {
  it("answers the real error body shape", async () => {
    const error = await callError(callApi(emulator, QUERY(taskNo), { credential: { accessKeyId: "nobody", accessKeySecret: "x" } }));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("InvalidAccessKeyId.NotFound");
    // The five fields; captured answers put them in different orders, so no order is asserted.
    expect(Object.keys(error.data!).filter((k) => k !== "statusCode").sort()).toEqual(["Code", "HostId", "Message", "Recommend", "RequestId"]);
    expect(error.data).toMatchObject({ Message: "Specified access key is not found." });
    expect(String(error.data?.RequestId)).toMatch(/^[0-9A-F-]{36}$/);
    expect(String(error.data?.Recommend)).toContain(`requestId=${error.data?.RequestId}`);
  });

  it("refuses an STS key without its token, with a wrong token, and a token on a plain AccessKey", async () => {
    for (const signature of ["v3", "v1"] as const) {
      const missing = await callError(callApi(emulator, QUERY(taskNo), { signature, credential: { ...STS, securityToken: undefined } }));
      expect([missing.statusCode, missing.code]).toEqual([400, "MissingSecurityToken"]);
      const wrong = await callError(callApi(emulator, QUERY(taskNo), { signature, credential: { ...STS, securityToken: "stolen" } }));
      expect([wrong.statusCode, wrong.code]).toEqual([400, "InvalidSecurityToken.MismatchWithAccessKey"]);
      const stray = await callError(callApi(emulator, QUERY(taskNo), { signature, credential: { ...AK, securityToken: "tok" } }));
      expect([stray.statusCode, stray.code]).toEqual([400, "InvalidSecurityToken.Malformed"]);
    }
  });

  it("refuses timestamps outside the 15-minute window, judged by the request clock", async () => {
    const skewed = await startEmulator({ credentials: [AK], requestClock: { now: () => Date.now() + 16 * 60 * 1000 } });
    try {
      for (const signature of ["v3", "v1"] as const) {
        const error = await callError(callApi(skewed, { TaskNo: "t", PageNum: "1", PageSize: "1" }, { signature, credential: AK }));
        expect([error.statusCode, error.code]).toEqual([400, "InvalidTimeStamp.Expired"]);
      }
    } finally {
      await skewed.close();
    }
    const stale = await sendV1(emulator, QUERY(taskNo), { credential: AK, timestamp: isoNow(Date.now() - 16 * 60 * 1000) });
    expect([stale.status, stale.body.Code]).toEqual([400, "InvalidTimeStamp.Expired"]);
    const fine = await sendV1(emulator, QUERY(taskNo), { credential: AK, timestamp: isoNow(Date.now() - 14 * 60 * 1000) });
    expect(fine.status).toBe(200);
    const garbled = await sendV1(emulator, QUERY(taskNo), { credential: AK, timestamp: "yesterday" });
    expect([garbled.status, garbled.body.Code]).toEqual([400, "InvalidTimeStamp.Format"]);
  });

  it("refuses a replayed nonce with SignatureNonceUsed", async () => {
    const first = await sendV1(emulator, QUERY(taskNo), { credential: AK, nonce: "replay-me" });
    expect(first.status).toBe(200);
    const again = await sendV1(emulator, QUERY(taskNo), { credential: AK, nonce: "replay-me" });
    expect([again.status, again.body.Code, again.body.Message]).toEqual([400, "SignatureNonceUsed", "Specified signature nonce was used already."]);
  });

  it("does not burn a nonce on a request with a bad signature", async () => {
    const bad = await sendV1(emulator, QUERY(taskNo), { credential: { ...AK, accessKeySecret: "wrong" }, nonce: "kept" });
    expect(bad.body.Code).toBe("SignatureDoesNotMatch");
    expect((await sendV1(emulator, QUERY(taskNo), { credential: AK, nonce: "kept" })).status).toBe(200);
  });

  it("accepts business parameters in a form body (V1 signs them too)", async () => {
    const result = await sendV1(emulator, {}, { method: "POST", credential: AK, formParams: QUERY(taskNo) });
    expect(result.status).toBe(200);
    expect(result.body.TotalItemNum).toBe(1);
  });

  it("answers InvalidAction.NotFound (404) for an unknown action and InvalidVersion for an unknown version", async () => {
    const action = await callError(callApi(emulator, QUERY(taskNo), { action: "QueryTaskInfoHistory", credential: AK }));
    expect([action.statusCode, action.code]).toEqual([404, "InvalidAction.NotFound"]);
    expect(action.data?.Message).toBe("Specified api is not found, please check your url and method.");
    const version = await callError(callApi(emulator, QUERY(taskNo), { version: "2020-01-01", credential: AK }));
    expect([version.statusCode, version.code]).toEqual([400, "InvalidVersion"]);
    for (const signature of ["v3", "v1"] as const) {
      const v1action = await callError(callApi(emulator, QUERY(taskNo), { action: "SaveSingleTaskForCreatingOrderRenew", credential: AK, signature }));
      expect(v1action.code).toBe("InvalidAction.NotFound");
    }
  });

  it("refuses an unsigned request with IncompleteSignature", async () => {
    const response = await fetch(`${emulator.url}/?Action=QueryTaskDetailList&Version=2018-01-29&Format=JSON&TaskNo=x&PageNum=1&PageSize=1`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Code: string }).Code).toBe("IncompleteSignature");
  });
});

describe("NonceCache", () => {
  it("forgets nonces after the window and stays bounded", () => {
    const cache = new NonceCache(15 * 60 * 1000, 3);
    expect(cache.use("a", 0)).toBe(true);
    expect(cache.use("a", 14 * 60 * 1000)).toBe(false);
    expect(cache.use("b", 15 * 60 * 1000 + 1)).toBe(true);
    expect(cache.use("a", 15 * 60 * 1000 + 2)).toBe(true); // "a" from t=0 was forgotten
    for (const n of ["c", "d", "e"]) cache.use(n, 15 * 60 * 1000 + 3);
    expect(cache.size).toBe(3);
  });
});
