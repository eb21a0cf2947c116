/**
 * Blanks what a credential source's error may quote back: the AssumeRole/URI providers put the whole signed
 * request URL in a network error ("POST https://sts.../?AccessKeyId=..&SignatureNonce=..&Signature=..
 * failed."), a refused AssumeRole echoes the server's string-to-sign (percent-encoded AccessKeyId and
 * SecurityToken), and the URI provider quotes the JSON it received (AccessKeySecret).
 *
 * Interim: the API client is getting one redaction function (sdk/api, error mapping); merge this into it.
 */

/** Signed-request parameters that identify or authenticate the caller. */
const SIGNED_PARAMS = "AccessKeyId|SecurityToken|Signature|SignatureNonce|AccessKeySecret";
/**
 * `Name=value` with `=` and `&` raw or percent-encoded once or twice (as in a string-to-sign). The value ends
 * at the next separator, a space, a quote or the end.
 */
const SIGNED_PARAM = new RegExp(`(?<![A-Za-z])(${SIGNED_PARAMS})(=|%3D|%253D)(?:[^&%\\s"',;}]|%(?!26|2526))*`, "gi");
/** A URL's query string: all of it goes, whatever else it carries (once: redacting twice changes nothing). */
const URL_QUERY = /\b(https?:\/\/[^\s?#"']*)\?(?!<query redacted>)[^\s"']*/gi;
/** JSON or ini fields holding a secret. */
const SECRET_FIELD = /("?(?:AccessKeySecret|access_key_secret|SecurityToken|security_token|sts_token)"?\s*[:=]\s*)(?!<redacted>)("[^"]*"|[^\s,;}&]+)/gi;

/** The text with every signed URL query, signing parameter and secret field blanked. */
export const redactCredentialText = (text: string): string =>
  text
    .replace(URL_QUERY, "$1?<query redacted>")
    .replace(SIGNED_PARAM, "$1$2<redacted>")
    .replace(SECRET_FIELD, '$1"<redacted>"');
