/** One QueryTaskDetailList request on behalf of a read: counted, abortable, and bounded by the read's deadline. */
import type { DomainTaskApi } from "../api/client";
import type { QueryTaskDetailListRequest, TaskDetailPage } from "../api/schemas";
import { abortable } from "../clock";

export interface AskSettings {
  signal?: AbortSignal;
  /** Milliseconds a request may still take (the caller's deadline), or undefined for no deadline. */
  timeLeftMs?: () => number | undefined;
  /** Counts every request sent. */
  onRequest?: () => void;
}

export const askPage = (api: DomainTaskApi, request: QueryTaskDetailListRequest, settings: AskSettings, signal = settings.signal): Promise<TaskDetailPage> => {
  settings.onRequest?.();
  const timeoutMs = settings.timeLeftMs?.();
  return abortable(api.queryTaskDetailList(request, timeoutMs === undefined ? { signal } : { signal, timeoutMs }), signal);
};
