/**
 * The XML the service answers a V1 request that names no `Format` (or `Format=XML`): the same body as the JSON,
 * one element per field, an array as its element repeated (`<Data><TaskDetail>..</TaskDetail><TaskDetail>..`),
 * under `<QueryTaskDetailListResponse>` for a page and `<Error>` for an error - the shape of the documentation's
 * XML samples. Absent values (undefined) are left out, as in the JSON.
 */
const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const element = (name: string, value: unknown, out: string[]): void => {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) element(name, item, out);
    return;
  }
  if (typeof value === "object") {
    out.push(`<${name}>`);
    for (const [key, inner] of Object.entries(value)) element(key, inner, out);
    out.push(`</${name}>`);
    return;
  }
  out.push(`<${name}>${escape(String(value))}</${name}>`);
};

export const toXml = (root: string, body: unknown): string => {
  const out = ["<?xml version='1.0' encoding='UTF-8'?>"];
  element(root, body, out);
  return out.join("");
};
