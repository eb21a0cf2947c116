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

  it("removes the forms a reflecting server uses: lower-case percent-encoding, RFC 3986, JSON escapes", () => {
    const secret = "Ab/c+d=e(f)*g!h'i0123";
    const forms = [
      encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      encodeURIComponent(secret).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
      encodeURIComponent(encodeURIComponent(secret)).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      JSON.stringify(secret).slice(1, -1).replace(/\//g, "\\/"),
      secret.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
      secret.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`),
    ];
    for (const form of forms) {
      const out = redactSecrets(`server string to sign is: GET&%2F&AccessKeyId%3Dk%26X%3D${form}&end`, [secret]);
      expect({ form, out }).toEqual({ form, out: "server string to sign is: GET&%2F&AccessKeyId%3Dk%26X%3D***&end" });
    }
  });

  it("removes a prefix of the secret (or of one of its forms) of 12 characters or more: a truncated echo", () => {
    const secret = "0123456789abcdefghijABCDEFGHIJ";
    expect(redactSecrets(`echoed ${secret.slice(0, 24)}... (truncated)`, [secret])).toBe("echoed ***... (truncated)");
    expect(redactSecrets(`echoed ${secret.slice(0, 12)} then`, [secret])).toBe("echoed *** then");
    expect(redactSecrets(`a shorter run ${secret.slice(0, 11)} is left`, [secret])).toBe(`a shorter run ${secret.slice(0, 11)} is left`);
    // Twelve of the secret's characters, percent-encoded, cut in the middle of the next escape.
    const encoded = encodeURIComponent("+/=+/=+/=sec+ret-value");
    expect(redactSecrets(`q=${encoded.slice(0, 32)}`, ["+/=+/=+/=sec+ret-value"])).toBe("q=***%2");
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

  it("removes a truncated or unicode-escaped secret inside a parsed body", () => {
    const text = JSON.stringify({ Message: `sig base ${secret.slice(0, 20)}`, Other: secret.replace(/\+/g, "\\u002b") });
    expect(redactValue(JSON.parse(text), [secret], text)).toEqual({ Message: "sig base ***", Other: "***" });
  });

  it("returns the value itself when its text cannot hold a secret", () => {
    const text = '{"ErrorMsg":"The operation is successful."}';
    const value = JSON.parse(text);
    expect(redactValue(value, [secret], text)).toBe(value);
  });
});
