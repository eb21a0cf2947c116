/**
 * Reading RPC parameters the way the gateway does for the actions in this folder: required ones answer
 * `Missing<Name>`, bad values `InvalidParameter` naming the value, and repeat lists travel as `Name.1`, `Name.2`,
 * ... (how the official SDKs flatten a list: OpenApiUtil.query in aliyun/alibabacloud-typescript-sdk).
 */
import { apiErrors } from "../errors";

export type Params = Record<string, string>;

export const required = (params: Params, name: string): string => {
  const value = params[name]?.trim();
  if (value === undefined || value === "") throw apiErrors.missingParameter(name);
  return value;
};

/** `Name.1`, `Name.2`, ... in index order, trimmed, empty ones dropped; `[]` when none is sent. */
export const repeatList = (params: Params, name: string): string[] => {
  const prefix = `${name}.`;
  return Object.keys(params)
    .filter((key) => key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
    .map((key) => params[key].trim())
    .filter((value) => value !== "");
};

export const booleanParam = (params: Params, name: string): boolean => {
  const value = required(params, name).toLowerCase();
  if (value !== "true" && value !== "false") throw apiErrors.invalidParameter(name, params[name], `${name} is true or false`);
  return value === "true";
};

/** An optional integer within [min, max]. */
export const intParam = (params: Params, name: string, min: number, max: number, rule: string): number | undefined => {
  const raw = params[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (!/^-?\d+$/.test(raw)) throw apiErrors.invalidParameter(name, raw, `must be an integer, ${rule}`);
  const value = Number(raw);
  if (value < min || value > max) throw apiErrors.invalidParameter(name, raw, rule);
  return value;
};

export const langOf = (params: Params): "en" | "zh" => (params.Lang === "zh" ? "zh" : "en");
