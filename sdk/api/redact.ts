/**
 * The package's one redaction rule. Everything that leaves the client (errors, and every string of a parsed
 * page: a server may reflect the security token back inside a detail's ErrorMsg) goes through it, and so
 * should any other text the package emits. sdk/credentials.ts still has its own narrower rule; it should
 * import `redactSecrets` from here (left to the helper who owns that file).
 *
 * Two kinds of removal:
 * - the known secret values in use (the AccessKey secret and the STS token), raw, percent-encoded once and
 *   twice, and base64-encoded;
 * - the value of any secret-bearing parameter or field, whatever its value: `Signature`, `SecurityToken`,
 *   `AccessKeySecret` query parameters in any encoding, and JSON / INI style keys (`"AccessKeySecret": "..."`,
 *   `access_key_secret = ...`, `security_token`, `sts_token`).
 */

/** What a removed value is replaced by. */
export const REDACTED = "***";

/** Secrets shorter than this are not redacted literally (it would garble messages); real ones are 30+. */
const MIN_SECRET_LENGTH = 8;

/** The forms a secret takes on the way out. */
const formsOf = (secret: string): string[] => {
  const once = encodeURIComponent(secret);
  return [...new Set([secret, once, encodeURIComponent(once), Buffer.from(secret).toString("base64")])];
};

const QUERY_PARAM = /(SecurityToken|Signature|AccessKeySecret)(=|%3D|%253D)[^&\s"]*?(?=&|%26|%2526|\s|"|$)/gi;
const KEY_VALUE = /("?(?:AccessKeySecret|access_key_secret|SecurityToken|security_token|sts_token)"?\s*[:=]\s*)("[^"]*"|[^\s,;}&]+)/gi;

/** `text` with every secret (see above) replaced by `***`. */
export const redactSecrets = (text: string, secrets: readonly (string | undefined)[] = []): string => {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of formsOf(secret)) out = out.split(form).join(REDACTED);
  }
  return out.replace(QUERY_PARAM, `$1$2${REDACTED}`).replace(KEY_VALUE, (_m, key: string, value: string) =>
    value.startsWith('"') ? `${key}"${REDACTED}"` : `${key}${REDACTED}`,
  );
};

/**
 * A copy of a parsed JSON value with the known secret values removed from every string in it (keys
 * included). Only literal values: a detail's text is the service's, so parameter patterns are left alone
 * there unless they carry the secret itself. `sourceText`, the JSON the value was parsed from, lets a value
 * that cannot hold a secret through unwalked.
 */
export const redactValue = <T>(value: T, secrets: readonly (string | undefined)[], sourceText?: string): T => {
  const live = secrets.filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH);
  if (live.length === 0) return value;
  const forms = live.flatMap(formsOf);
  // The fast path for a 1000-detail page: when the JSON text holds no form and no escape, no string can.
  if (sourceText !== undefined && !sourceText.includes("\\") && !forms.some((f) => sourceText.includes(f))) return value;
  const scrub = (s: string): string => (forms.some((f) => s.includes(f)) ? forms.reduce((t, f) => t.split(f).join(REDACTED), s) : s);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrub(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
};
