/**
 * A transparent wrapper around an API that watches the calls the SDK makes (the requests still go over real
 * HTTP): the peak of concurrent calls, the pages asked for, and a hook to act after each response.
 */
import type { DomainTaskApi } from "../../sdk/api/client";
import type { QueryTaskDetailListRequest, TaskDetailPage } from "../../sdk/api/schemas";

/** Wraps an API: records the peak of concurrent calls, and lets a test act after each response. */
export class WatchedApi implements DomainTaskApi {
  inFlight = 0;
  peakInFlight = 0;
  calls = 0;
  /** PageNum of every call, in the order sent. */
  readonly pages: number[] = [];
  constructor(
    private readonly inner: DomainTaskApi,
    private readonly after?: (request: QueryTaskDetailListRequest, page: TaskDetailPage, call: number) => TaskDetailPage | void,
    /** Real milliseconds to hold each response back, e.g. to make later pages arrive first. */
    private readonly delayMs?: (request: QueryTaskDetailListRequest) => number,
  ) {}
  async queryTaskDetailList(request: QueryTaskDetailListRequest, options?: { signal?: AbortSignal }): Promise<TaskDetailPage> {
    const call = ++this.calls;
    this.pages.push(request.pageNum);
    this.inFlight += 1;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      const page = await this.inner.queryTaskDetailList(request, options);
      const delay = this.delayMs?.(request) ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return this.after?.(request, page, call) ?? page;
    } finally {
      this.inFlight -= 1;
    }
  }
}
