/**
 * One HTTP request as the API layer sees it: method, path, decoded query and form body, lower-case headers.
 * Kept free of node:http so signature checks and the action can be tested and reasoned about on plain data.
 */
import type { IncomingMessage } from "node:http";

export interface IncomingApiRequest {
  method: string;
  path: string;
  /** Decoded query parameters (the last value wins for a repeated key). */
  query: Record<string, string>;
  /** Decoded form fields of an application/x-www-form-urlencoded body; empty otherwise. */
  form: Record<string, string>;
  /** Lower-case names; repeated headers joined with ",". */
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** When the request's first bytes arrived (Date.now()), before its body was read or anything was checked. */
  receivedAt: number;
}

const decode = (part: string): string => {
  const spaced = part.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // a stray "%" is kept literally, as lenient gateways do
  }
};

/** Parses `a=1&b=x%20y` (also form bodies); "+" is a space, as in HTML forms. */
export const parseParams = (text: string): Record<string, string> => {
  const params: Record<string, string> = Object.create(null);
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    params[key] = eq < 0 ? "" : decode(pair.slice(eq + 1));
  }
  return { ...params };
};

export const toIncomingApiRequest = (req: IncomingMessage, body: Buffer, receivedAt: number): IncomingApiRequest => {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  const isForm = (headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
  return {
    method: (req.method ?? "GET").toUpperCase(),
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? {} : parseParams(url.slice(q + 1)),
    form: isForm ? parseParams(body.toString("utf8")) : {},
    headers,
    body,
    receivedAt,
  };
};
