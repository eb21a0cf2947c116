/** One QueryTaskDetailList request on behalf of a pass or a count: counted, abortable, and bounded by the caller's deadline. */
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
  const call = api.queryTaskDetailList(request, timeoutMs === undefined ? { signal } : { signal, timeoutMs });
  // The client takes the signal itself; wrapping it again would add one more abort listener per request.
  return signal === settings.signal && signal !== undefined ? call : abortable(call, signal);
};
