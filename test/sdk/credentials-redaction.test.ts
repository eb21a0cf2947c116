/**
 * What credential sources quote back in their errors, blanked: a signed URL's query, the signing parameters
 * of a string-to-sign (raw or percent-encoded once or twice), and secret fields of JSON or ini text.
 */
import { redactCredentialText } from "../../sdk/credential-redaction";

describe("redactCredentialText", () => {
  it("blanks the query of a signed URL in a network error, keeping the host and the reason", () => {
    const text = "connect ECONNREFUSED 127.0.0.1:1. POST https://sts.example:443/?AccessKeyId=LTAI5t&SignatureNonce=n-1&Signature=q%2Bz%3D failed.";
    expect(redactCredentialText(text)).toBe("connect ECONNREFUSED 127.0.0.1:1. POST https://sts.example:443/?<query redacted> failed.");
  });

  it("blanks the caller's parameters in an echoed string-to-sign", () => {
    const text = "server string to sign is:POST&%2F&AccessKeyId%3DLTAI5t%26Action%3DAssumeRole%26SecurityToken%3DCAIS%252Bt%26SignatureNonce%3Dn-1";
    expect(redactCredentialText(text)).toBe(
      "server string to sign is:POST&%2F&AccessKeyId%3D<redacted>%26Action%3DAssumeRole%26SecurityToken%3D<redacted>%26SignatureNonce%3D<redacted>",
    );
  });

  it("blanks secret fields of JSON and ini text", () => {
    expect(redactCredentialText('{"AccessKeyId":"id","AccessKeySecret":"s3cr3t","SecurityToken":"tok"}')).toBe(
      '{"AccessKeyId":"id","AccessKeySecret":"<redacted>","SecurityToken":"<redacted>"}',
    );
    expect(redactCredentialText("access_key_secret = s3cr3t")).toBe('access_key_secret = "<redacted>"');
  });

  it("changes nothing the second time", () => {
    const once = redactCredentialText("POST https://h/?Signature=abc failed; SecurityToken=tok&x=1");
    expect(redactCredentialText(once)).toBe(once);
  });
});
