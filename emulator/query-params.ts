/** The QueryTaskDetailList request parameters, read and validated the way the service does. */
import { MAX_PAGE_SIZE } from "../sdk/api/schemas";
import { apiErrors } from "./errors";
import type { Lang } from "./task-types";

export interface QueryParams {
  taskNo: string;
  pageNum: number;
  pageSize: number;
  taskStatus?: number;
  domainName?: string;
  instanceId?: string;
  lang: Lang;
}

const readInt = (params: Record<string, string>, name: string, min: number, max: number, rule: string): number | undefined => {
  const raw = params[name];
  if (raw === undefined || raw === "") return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw apiErrors.invalidParameter(name, raw, `must be an integer, ${rule}`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw apiErrors.invalidParameter(name, raw, rule);
  return value;
};

export interface ReadOptions {
  /** The `clampPageSize` quirk: a PageSize above the maximum is served as the maximum instead of refused. */
  clampPageSize?: boolean;
}

/**
 * Reads and validates the request parameters; throws the ApiError the service would answer with. A PageSize over
 * 1000 is refused (InvalidPageSize) by default: the documentation states the maximum, not what the gateway does.
 */
export const readQueryParams = (params: Record<string, string>, options: ReadOptions = {}): QueryParams => {
  for (const name of ["TaskNo", "PageNum", "PageSize"]) {
    if (params[name] === undefined || params[name].trim() === "") throw apiErrors.missingParameter(name);
  }
  return {
    taskNo: params.TaskNo.trim(),
    pageNum: readInt(params, "PageNum", 1, Number.MAX_SAFE_INTEGER, "PageNum starts at 1")!,
    pageSize: options.clampPageSize
      ? Math.min(MAX_PAGE_SIZE, readInt(params, "PageSize", 1, Number.MAX_SAFE_INTEGER, "PageSize starts at 1")!)
      : readInt(params, "PageSize", 1, MAX_PAGE_SIZE, `PageSize must be between 1 and ${MAX_PAGE_SIZE}`)!,
    taskStatus: readInt(params, "TaskStatus", 0, 3, "TaskStatus is 0 (waiting), 1 (executing), 2 (success) or 3 (failed)"),
    domainName: params.DomainName?.trim() || undefined,
    instanceId: params.InstanceId?.trim() || undefined,
    lang: params.Lang === "zh" ? "zh" : "en",
  };
};
