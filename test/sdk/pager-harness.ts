/**
 * Shared by the pager, waiter and functions tests: an emulator on loopback, a real client pointed at it,
 * and a transparent wrapper that watches the calls the SDK makes (the requests still go over real HTTP).
 */
import { DomainTaskClient, type DomainTaskApi } from "../../sdk/api/client";
import type { QueryTaskDetailListRequest, TaskDetailPage } from "../../sdk/api/schemas";
import type { Clock } from "../../sdk/clock";
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";

export const start = (options: EmulatorOptions = {}): Promise<Emulator> => startEmulator(options);

/** A real client for the emulator, isolated from the machine's environment and credential files. */
export const clientFor = (emulator: Emulator, clock?: Clock): DomainTaskClient =>
  new DomainTaskClient({ endpoint: emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, clock });

/** QueryTaskDetailList requests the emulator received for one task. */
export const requestsFor = (emulator: Emulator, taskNo: string) =>
  emulator.stats().requests.filter((r) => r.action === "QueryTaskDetailList" && r.taskNo === taskNo);

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
