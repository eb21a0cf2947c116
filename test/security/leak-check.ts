/**
 * Helpers for "the secret never appears" tests: every textual view of a value or error (message, stack,
 * util.inspect with causes and hidden fields, JSON), and a capture of everything written to the console,
 * stdout and stderr while some work runs.
 */
import { inspect } from "node:util";

/** A realistic AccessKey secret (30 characters) used only by these tests. */
export const SECRET = "sEcReT7q2Lw9XbN4vKp1ZdR8mTy3Fh";
/** A realistic STS token: base64, with the characters that need percent-encoding (+ / =). */
export const SECURITY_TOKEN = "CAIS+token/Zm9vYmFy+c2VjcmV0/dG9rZW4=";
export const KEY_ID = "LTAI-security-test-key";

/** Every way a value is likely to be shown: String(), message, stack, inspect (deep, hidden), JSON. */
export const allViews = (value: unknown): string => {
  const views: string[] = [String(value), inspect(value, { depth: Infinity, showHidden: true, getters: true })];
  if (value instanceof Error) {
    views.push(value.message, value.stack ?? "");
    let cause: unknown = value.cause;
    for (let i = 0; cause !== undefined && i < 10; i++, cause = (cause as Error).cause) views.push(allViews(cause));
  }
  try {
    views.push(JSON.stringify(value) ?? "");
  } catch {
    // circular: inspect above already covered it
  }
  return views.join("\n");
};

const lowerHex = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/**
 * The forms a secret can take on the way out: raw, percent-encoded once and twice (upper- and lower-case hex),
 * JSON-escaped (`\/`, `\u002b`), base64 - and its first 24 characters, as a server that truncates an echo.
 */
export const secretForms = (secret: string): string[] => [
  secret,
  encodeURIComponent(secret),
  encodeURIComponent(encodeURIComponent(secret)),
  lowerHex(encodeURIComponent(secret)),
  lowerHex(encodeURIComponent(encodeURIComponent(secret))),
  secret.replace(/\//g, "\\/"),
  secret.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  Buffer.from(secret).toString("base64"),
  secret.slice(0, 24),
];

/** Asserts none of the secrets appears in `text` in any of its forms (the failure names only which one). */
export const expectNoSecret = (text: string, secrets: readonly string[] = [SECRET, SECURITY_TOKEN]): void => {
  const leaked = secrets.flatMap((s) => secretForms(s).filter((form) => text.includes(form)).map((form) => `${s === SECRET ? "SECRET" : "TOKEN"} as ${form === s ? "raw" : "encoded"}`));
  expect(leaked).toEqual([]);
};

/** Runs `work`, capturing everything written to console.*, process.stdout and process.stderr meanwhile. */
export const captureOutput = async <T>(work: () => Promise<T>): Promise<{ result: T | undefined; error: unknown; output: string }> => {
  let output = "";
  const writes = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      output += String(chunk);
      return original(chunk as string, ...(rest as []));
    }) as typeof stream.write;
    return () => (stream.write = original);
  });
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const originals = methods.map((m) => console[m]);
  methods.forEach((m) => (console[m] = (...args: unknown[]) => void (output += `${args.map((a) => allViews(a)).join(" ")}\n`)));
  try {
    const result = await work();
    return { result, error: undefined, output };
  } catch (error) {
    return { result: undefined, error, output };
  } finally {
    writes.forEach((restore) => restore());
    methods.forEach((m, i) => (console[m] = originals[i]));
  }
};
