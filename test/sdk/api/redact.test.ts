import { redactSecrets, redactValue } from "../../../sdk/api/redact";

describe("redactSecrets", () => {
  it("removes known secrets, raw, percent-encoded once or twice, and base64", () => {
    const secret = "ab/c+d=ef&gh";
    const b64 = Buffer.from(secret).toString("base64");
    const text = `raw ${secret} once ${encodeURIComponent(secret)} twice ${encodeURIComponent(encodeURIComponent(secret))} b64 ${b64}`;
    expect(redactSecrets(text, [secret])).toBe("raw *** once *** twice *** b64 ***");
  });

  it("removes Signature, SecurityToken and AccessKeySecret parameter values in any encoding", () => {
    expect(redactSecrets("?A=1&Signature=abc%2Bdef&SecurityToken=tok&B=2")).toBe("?A=1&Signature=***&SecurityToken=***&B=2");
    expect(redactSecrets("POST&%2F&SecurityToken%3Dtok%26Signature%3Dsig")).toBe("POST&%2F&SecurityToken%3D***%26Signature%3D***");
    expect(redactSecrets("x%26AccessKeySecret%253Dsss%2526y")).toBe("x%26AccessKeySecret%253D***%2526y");
  });

  it("removes secret-bearing JSON and INI fields (credentials.ts's rule, so it can import this one)", () => {
    expect(redactSecrets('{"AccessKeyId":"id","AccessKeySecret":"s3cr3t","SecurityToken":"tok"}')).toBe(
      '{"AccessKeyId":"id","AccessKeySecret":"***","SecurityToken":"***"}',
    );
    expect(redactSecrets("access_key_secret = s3cr3t\nsts_token=tok")).toBe("access_key_secret = ***\nsts_token=***");
  });

  it("leaves short values alone rather than garbling the message", () => {
    expect(redactSecrets("a message with x in it", ["x"])).toBe("a message with x in it");
  });
});

describe("redactValue", () => {
  const secret = "CAIS+token/Zm9vYmFy+c2VjcmV0/dG9rZW4=";

  it("removes the secret from every string of a parsed body, nested, in arrays and keys, in every form", () => {
    const body = {
      Data: { TaskDetail: [{ ErrorMsg: `token ${secret} was echoed`, FailReason: encodeURIComponent(secret), [secret]: 1 }] },
      Note: Buffer.from(secret).toString("base64"),
      Count: 3,
    };
    expect(redactValue(body, [secret])).toEqual({
      Data: { TaskDetail: [{ ErrorMsg: "token *** was echoed", FailReason: "***", "***": 1 }] },
      Note: "***",
      Count: 3,
    });
  });

  it("finds a secret that the JSON text escapes (\\/), where a look at the raw text alone would miss it", () => {
    const text = JSON.stringify({ ErrorMsg: secret }).replace(/\//g, "\\/");
    expect(redactValue(JSON.parse(text), [secret], text)).toEqual({ ErrorMsg: "***" });
  });

  it("returns the value itself when its text cannot hold a secret", () => {
    const text = '{"ErrorMsg":"The operation is successful."}';
    const value = JSON.parse(text);
    expect(redactValue(value, [secret], text)).toBe(value);
  });
});
