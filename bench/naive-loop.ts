/**
 * The baseline every paging figure is compared with: the loop a user writes with the bare client when no
 * pager exists. Page 1, 2, 3, ... one request at a time, until the service says NextPage is false.
 * (It trusts NextPage, so it is only fair on a service without quirks: the benchmarks run it on one.)
 */
import type { DomainTaskApi } from "../sdk/api/client";
import type { TaskDetail } from "../sdk/api/schemas";

export interface NaiveResult {
  details: number;
  requests: number;
}

/** Fetches every page of `taskNo` sequentially; calls `onDetail` for each detail (default: counts them). */
export async function naiveSequentialLoop(
  client: DomainTaskApi,
  taskNo: string,
  onDetail: (detail: TaskDetail) => void = () => undefined,
): Promise<NaiveResult> {
  let details = 0;
  let requests = 0;
  for (let pageNum = 1; ; pageNum++) {
    const page = await client.queryTaskDetailList({ taskNo, pageNum, pageSize: 1000 });
    requests++;
    for (const detail of page.details) {
      details++;
      onDetail(detail);
    }
    if (!page.nextPage) return { details, requests };
  }
}
