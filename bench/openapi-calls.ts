/**
 * The baselines a verified read is held to (issue 18, "What verification costs"): the calls a user makes with
 * Alibaba's own @alicloud/openapi-client when no pager exists - the naive loop (page 1, 2, 3, ... until
 * NextPage is false) and plain calls at a concurrency (page 1, then the rest `concurrency` at a time, as the
 * pager sends them; optionally the PageSize-1 failure count a verified read adds when every detail succeeded).
 * Each returns the details it received, so a run that lost some is no measurement.
 */
import OpenApi, { OpenApiRequest, Params } from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";
import { DEFAULT_CREDENTIAL } from "../emulator";

const PARAMS = new Params({
  action: "QueryTaskDetailList", version: "2018-01-29", protocol: "HTTPS", pathname: "/", method: "POST", authType: "AK", style: "RPC",
  reqBodyType: "formData", bodyType: "json",
});

interface WirePage {
  TotalItemNum: number;
  NextPage?: boolean;
  Data?: { TaskDetail?: unknown[] };
}

export interface OpenApiCalls {
  naiveLoop(taskNo: string): Promise<number>;
  concurrent(taskNo: string, concurrency: number, withFailureCount: boolean): Promise<number>;
}

/** Both baselines on one openapi-client (one keep-alive agent), talking to `url` over HTTP. */
export const openApiCalls = (url: string): OpenApiCalls => {
  const client = new OpenApi({ ...DEFAULT_CREDENTIAL, endpoint: new URL(url).host, protocol: "HTTP" } as ConstructorParameters<typeof OpenApi>[0]);
  const page = async (taskNo: string, pageNum: number, pageSize = 1000, extra: Record<string, string> = {}): Promise<WirePage> => {
    const query = { TaskNo: taskNo, PageNum: String(pageNum), PageSize: String(pageSize), ...extra };
    return ((await client.callApi(PARAMS, new OpenApiRequest({ query }), new RuntimeOptions({}))) as { body: WirePage }).body;
  };
  const held = (p: WirePage) => p.Data?.TaskDetail?.length ?? 0;
  return {
    async naiveLoop(taskNo) {
      let details = 0;
      for (let n = 1; ; n++) {
        const p = await page(taskNo, n);
        details += held(p);
        if (!p.NextPage) return details;
      }
    },
    async concurrent(taskNo, concurrency, withFailureCount) {
      const first = await page(taskNo, 1);
      let details = held(first);
      const pages = Math.ceil(first.TotalItemNum / 1000);
      let next = 2;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next <= pages) {
          const p = await page(taskNo, next++);
          details += held(p); // after the await: `details +=` read before it would lose the other workers' counts
        }
      }));
      if (withFailureCount) await page(taskNo, 1, 1, { TaskStatus: "3" });
      return details;
    },
  };
};
