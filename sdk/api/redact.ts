/**
 * The package's one redaction rule. Everything that leaves the client (errors, and every string of a parsed
 * page: a server may reflect the security token back inside a detail's ErrorMsg) goes through it, and so do
 * the credential sources' errors (sdk/credentials.ts, through `redactCredentialText`).
 *
 * Two kinds of removal:
 * - the known secret values in use (the AccessKey secret and the STS token) in every form a server may echo them
 *   in: raw, percent-encoded once and twice (upper- and lower-case hex, with and without RFC 3986's `!'()*`),
 *   JSON-escaped (`\/`, `\u002B`), base64 - and any prefix of one of those forms of PREFIX_MIN characters or
 *   more (a service that echoes a signed request truncated);
 * - the value of any secret-bearing parameter or field, whatever its value: `Signature`, `SecurityToken`,
 *   `AccessKeySecret` query parameters in any encoding, and JSON / INI style keys (`"AccessKeySecret": "..."`,
 *   `access_key_secret = ...`, `security_token`, `sts_token`).
 */

/** What a removed value is replaced by. */
export const REDACTED = "***";

/** Secrets shorter than this are not redacted literally (it would garble messages); real ones are 30+. */
const MIN_SECRET_LENGTH = 8;

/**
 * A prefix this long of a secret, in any of its forms, is the secret cut short: 12 characters of a 30-character
 * AccessKey secret are as unguessable as a password, and a message never holds them by chance.
 */
const PREFIX_MIN = 12;

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * How one character of a secret may be written where a server echoes it: as itself, percent-encoded once or
 * twice (any case of hex; RFC 3986's `!'()*` too), JSON-escaped (`\/`, `\"`, `\u002B` in any case). Letters,
 * digits and `-_.~` are never encoded.
 */
const writingsOf = (c: string): string[] => {
  if (/[A-Za-z0-9_.~-]/.test(c)) return [escapeRe(c)];
  const bytes = [...Buffer.from(c, "utf8")].map((b) => b.toString(16).padStart(2, "0"));
  const once = bytes.map((h) => `%${h}`).join("");
  const units = [...c].flatMap((ch) => Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i)));
  const writings = [escapeRe(c), escapeRe(once), escapeRe(once.replace(/%/g, "%25")), units.map((u) => `\\\\u${u.toString(16).padStart(4, "0")}`).join("")];
  const json = JSON.stringify(c).slice(1, -1);
  if (json !== c) writings.push(escapeRe(json));
  if (c === "/") writings.push("\\\\/");
  return writings;
};

/**
 * The secret in any of its written forms, whole or cut after PREFIX_MIN characters or more (one alternation per
 * character, the tail nested optional groups), case-insensitive for the hex of its escapes. Built once per secret.
 */
const patterns = new Map<string, RegExp>();
const patternOf = (secret: string): RegExp => {
  let pattern = patterns.get(secret);
  if (!pattern) {
    const chars = [...secret].map((c) => `(?:${writingsOf(c).join("|")})`);
    const head = Math.min(PREFIX_MIN, chars.length);
    const tail = chars.slice(head).reduceRight((rest, c) => `(?:${c}${rest})?`, "");
    pattern = new RegExp(chars.slice(0, head).join("") + tail, "gi");
    if (patterns.size > 32) patterns.clear();
    patterns.set(secret, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
};

/** `text` with `secret` in every written form (and its base64, whole or cut short) replaced by `marker`. */
const removeSecret = (text: string, secret: string, marker: string): string => {
  let out = text.replace(patternOf(secret), marker);
  const b64 = Buffer.from(secret).toString("base64");
  const seed = b64.slice(0, PREFIX_MIN);
  for (let at = out.indexOf(seed); at >= 0; at = out.indexOf(seed, at + marker.length)) {
    let end = at + seed.length;
    while (end - at < b64.length && out[end] === b64[end - at]) end++;
    out = `${out.slice(0, at)}${marker}${out.slice(end)}`;
  }
  return out;
};

/** Query parameters whose value authenticates a request. */
const SECRET_PARAMS = ["SecurityToken", "Signature", "AccessKeySecret"];

/**
 * `Name=value` with `=` and `&` raw or percent-encoded once or twice (as in a string-to-sign). The value ends
 * at the next separator, a space, a quote or the end.
 */
const paramPattern = (names: readonly string[]): RegExp =>
  new RegExp(`(?<![A-Za-z])(${names.join("|")})(=|%3D|%253D)(?:[^&%\\s"',;}]|%(?!26|2526))*`, "gi");

/** JSON or INI fields holding a secret. */
const KEY_VALUE = /("?(?:AccessKeySecret|access_key_secret|SecurityToken|security_token|sts_token)"?\s*[:=]\s*)("[^"]*"|[^\s,;}&]+)/gi;

/** `text` with the value of every parameter in `params` and every secret field replaced by `marker`. */
const redactFields = (text: string, params: readonly string[], marker: string): string =>
  text.replace(paramPattern(params), `$1$2${marker}`).replace(KEY_VALUE, (_m, key: string, value: string) =>
    value.startsWith('"') ? `${key}"${marker}"` : `${key}${marker}`,
  );

/** `text` with every secret (see above) replaced by `***`. */
export const redactSecrets = (text: string, secrets: readonly (string | undefined)[] = []): string => {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    out = removeSecret(out, secret, REDACTED);
  }
  return redactFields(out, SECRET_PARAMS, REDACTED);
};

/** A URL's query string: all of it goes, whatever else it carries (once: redacting twice changes nothing). */
const URL_QUERY = /\b(https?:\/\/[^\s?#"']*)\?(?!<query redacted>)[^\s"']*/gi;

/**
 * What a credential source's error may quote back, blanked: the AssumeRole/URI providers put the whole signed
 * request URL in a network error ("POST https://sts.../?AccessKeyId=..&SignatureNonce=..&Signature=..
 * failed."), a refused AssumeRole echoes the server's string-to-sign (percent-encoded AccessKeyId and
 * SecurityToken), and the URI provider quotes the JSON it received (AccessKeySecret). The same rule as
 * `redactSecrets`, plus the caller's identity (AccessKeyId, SignatureNonce) and whole URL queries; the marker
 * is `<redacted>` there, as docs/security.md documents for credential errors.
 */
export const redactCredentialText = (text: string): string =>
  redactFields(text.replace(URL_QUERY, "$1?<query redacted>"), ["AccessKeyId", "SignatureNonce", ...SECRET_PARAMS], "<redacted>");

/**
 * A copy of a parsed JSON value with the known secret values removed from every string in it (keys
 * included). Only literal values: a detail's text is the service's, so parameter patterns are left alone
 * there unless they carry the secret itself. `sourceText`, the JSON the value was parsed from, lets a value
 * that cannot hold a secret through unwalked.
 */
export const redactValue = <T>(value: T, secrets: readonly (string | undefined)[], sourceText?: string): T => {
  const live = secrets.filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH);
  if (live.length === 0) return value;
  const holds = (text: string): boolean => live.some((secret) => removeSecret(text, secret, "\u0000") !== text);
  // The fast path for a 1000-detail page: when the JSON text holds no form and no escape, no string can.
  if (sourceText !== undefined && !sourceText.includes("\\") && !holds(sourceText)) return value;
  const scrub = (s: string): string => (holds(s) ? live.reduce((t, secret) => removeSecret(t, secret, REDACTED), s) : s);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrub(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
};
