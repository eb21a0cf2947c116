/**
 * RFC 3986 percent-encoding as Alibaba Cloud signatures use it: only `A-Za-z0-9-_.~` stay literal, so
 * `!'()*` (which encodeURIComponent leaves alone) are encoded too, and a space is `%20`, never `+`.
 */
export const percentEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Sorts keys by UTF-16 code unit, the order both signature versions specify. */
export const sortedKeys = (params: Record<string, string>): string[] =>
  Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
