/** The signature verifiers against the official known answers (see FACTS.md), and against what openapi-client signs. */
import { createHash } from "node:crypto";
import { signV1, stringToSignV1 } from "../../emulator/signature-v1";
import { canonicalRequestV3, parseV3Authorization, signV3 } from "../../emulator/signature-v3";
import { percentEncode } from "../../emulator/percent-encode";

describe("signature V1 (HMAC-SHA1)", () => {
  it("signs the ECS DescribeRegions documentation example to the documented signature", () => {
    const params = {
      AccessKeyId: "testid",
      Action: "DescribeRegions",
      Format: "XML",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      SignatureVersion: "1.0",
      Timestamp: "2016-02-23T12:46:24Z",
      Version: "2014-05-26",
    };
    expect(signV1("GET", params, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });

  it("leaves the Signature parameter itself out of the string to sign", () => {
    const params = { Action: "A", Version: "1" };
    expect(stringToSignV1("POST", { ...params, Signature: "xyz" })).toBe(stringToSignV1("POST", params));
    expect(stringToSignV1("POST", params)).toBe("POST&%2F&Action%3DA%26Version%3D1");
  });

  it("percent-encodes like RFC 3986: only A-Za-z0-9-_.~ stay literal", () => {
    expect(percentEncode("a b*c!'()~_-.")).toBe("a%20b%2Ac%21%27%28%29~_-.");
  });
});

describe("signature V3 (ACS3-HMAC-SHA256)", () => {
  const emptyBodyHash = createHash("sha256").update("").digest("hex");
  const request = {
    method: "POST",
    path: "/",
    query: { ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", RegionId: "cn-shanghai" },
    headers: {
      host: "ecs.cn-shanghai.aliyuncs.com",
      "x-acs-action": "RunInstances",
      "x-acs-content-sha256": emptyBodyHash,
      "x-acs-date": "2023-10-26T10:22:32Z",
      "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
      "x-acs-version": "2014-05-26",
    },
    signedHeaders: ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"],
    payloadHash: emptyBodyHash,
  };

  it("signs the official RunInstances example to the documented signature", () => {
    expect(signV3(request, "YourAccessKeySecret")).toBe("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
  });

  it("builds the canonical request from sorted query, signed headers and the payload hash", () => {
    const lines = canonicalRequestV3(request).split("\n");
    expect(lines[0]).toBe("POST");
    expect(lines[1]).toBe("/");
    expect(lines[2]).toBe("ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai");
    expect(lines[3]).toBe("host:ecs.cn-shanghai.aliyuncs.com");
    expect(lines.at(-2)).toBe(request.signedHeaders.join(";"));
    expect(lines.at(-1)).toBe(emptyBodyHash);
  });

  it("parses the Authorization header openapi-client sends", () => {
    expect(parseV3Authorization("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;x-acs-date,Signature=ab12")).toEqual({
      algorithm: "ACS3-HMAC-SHA256",
      accessKeyId: "id",
      signedHeaders: ["host", "x-acs-date"],
      signature: "ab12",
    });
    expect(parseV3Authorization("HMAC-SHA1 abc")).toBeUndefined();
    expect(parseV3Authorization("ACS3-HMAC-SHA256 Credential=id")).toBeUndefined();
  });
});
