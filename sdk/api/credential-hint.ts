/**
 * When the service refuses a key, which key it was and where it came from: a stale `ALICLOUD_ACCESS_KEY` that
 * silently wins over `ALIBABA_CLOUD_ACCESS_KEY_ID` (it is checked first) is the usual cause. Only the first and
 * last characters of the AccessKey ID are shown; never a secret.
 */

/** Codes that mean "this key (or token, or its permissions) is the problem". */
const AUTH_CODE = /^(InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSecurityToken|MissingSecurityToken|Forbidden\.RAM|NoPermission)/;

export const isCredentialRefusal = (code: string): boolean => AUTH_CODE.test(code);

/** "LTAI…x7Q": enough to tell two keys apart, too little to use. */
export const maskAccessKeyId = (id: string): string => (id.length <= 8 ? "…" : `${id.slice(0, 4)}…${id.slice(-3)}`);

/** Other credential variables that are set but lost to the one used. */
const shadowed = (source: string, env: Record<string, string | undefined>): string[] =>
  source.startsWith("env ALICLOUD_") && env.ALIBABA_CLOUD_ACCESS_KEY_ID?.trim()
    ? ["ALIBABA_CLOUD_ACCESS_KEY_ID is also set, but ALICLOUD_ACCESS_KEY is checked first: unset it if it is stale"]
    : [];

/** The sentence added to a refusal's message. */
export const credentialHint = (source: string, accessKeyId: string | undefined, env: Record<string, string | undefined>): string => {
  const key = accessKeyId ? `, AccessKey ID ${maskAccessKeyId(accessKeyId)}` : "";
  return [`The key came from ${source}${key}.`, ...shadowed(source, env).map((s) => `${s}.`)].join(" ");
};

/** The refusal with the hint appended to its message (the same error: its code, status and brand kept). */
export const withCredentialHint = <E extends Error>(err: E, hint: string): E => {
  if (!err.message.includes(hint)) err.message = `${err.message} ${hint}`;
  return err;
};
