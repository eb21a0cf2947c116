/**
 * The fault and quirk table every surface (pager, waiter, CLI, provider) is run against, and the task they
 * all read. Each case is one emulator FaultConfig; `fails` marks the cases where retries cannot win and a
 * typed error is the right answer.
 */
import type { Emulator, FaultConfig, RequestRecord, TaskSpec } from "../../emulator";

/**
 * The SDK and the CLI read a task of 2 explicit + 19 generated = 21 details at PageSize 10: pages of 10, 10
 * and 1 (so singleObjectDetail bites), small enough that the matrix costs little CPU. The provider has no
 * page-size input: it reads 1001 details at the API's 1000, again two full-size pages the last holding one.
 */
export const TOTAL_DETAILS = 21;
export const PAGE_SIZE = 10;
export const PAGES = 3;
export const PROVIDER_TOTAL_DETAILS = 1001;
export const NUMERIC_DOMAIN = "numeric.example.com";
export const FAILED_DOMAIN = "failed.example.com";
export const FAIL_REASON = "Registry said no";

export const taskSpec = (total = TOTAL_DETAILS, batchDurationSeconds = 0): TaskSpec => ({
  details: [
    { domainName: NUMERIC_DOMAIN, taskResult: "12345" },
    { domainName: FAILED_DOMAIN, outcome: "failure", failReason: FAIL_REASON, errorMsg: "failed" },
  ],
  batch: { count: total - 2, durationSeconds: batchDurationSeconds },
});

/** Every domain name a task of `total` details (taskSpec) holds, sorted. */
export const expectedDomains = (total = TOTAL_DETAILS): string[] =>
  [NUMERIC_DOMAIN, FAILED_DOMAIN, ...Array.from({ length: total - 2 }, (_, i) => `domain-${i + 1}.example.com`)].sort();

export interface FaultCase {
  name: string;
  faults: FaultConfig;
  /** Retries cannot succeed: expect this typed error (code) instead of a result. */
  fails?: { code: string; statusCode: number };
}

const ALL_QUIRKS = {
  nextPageAlwaysTrue: true,
  totalPageNumOffset: 1,
  repeatLastPagePastEnd: true,
  singleObjectDetail: true,
  numericTaskResult: true,
  trailingNewlineFailReason: true,
};

export const FAULT_CASES: FaultCase[] = [
  { name: "no fault", faults: {} },
  // Each fault alone (retried away).
  { name: "throttling on every 2nd request", faults: { rules: [{ fault: "throttling", every: 2 }] } },
  { name: "internalError burst (requests 2-3)", faults: { rules: [{ fault: "internalError", from: 2, count: 2 }] } },
  { name: "serviceUnavailable on every 3rd request", faults: { rules: [{ fault: "serviceUnavailable", every: 3 }] } },
  { name: "HTML 502 on the first request", faults: { rules: [{ fault: "html502", from: 1, count: 1 }] } },
  { name: "dropped connection on every 3rd request", faults: { rules: [{ fault: "dropConnection", every: 3 }] } },
  // Each quirk alone.
  { name: "quirk nextPageAlwaysTrue", faults: { quirks: { nextPageAlwaysTrue: true } } },
  { name: "quirk totalPageNumOffset +1", faults: { quirks: { totalPageNumOffset: 1 } } },
  { name: "quirk totalPageNumOffset -1", faults: { quirks: { totalPageNumOffset: -1 } } },
  { name: "quirk repeatLastPagePastEnd (with nextPageAlwaysTrue)", faults: { quirks: { repeatLastPagePastEnd: true, nextPageAlwaysTrue: true } } },
  { name: "quirk singleObjectDetail", faults: { quirks: { singleObjectDetail: true } } },
  { name: "quirk numericTaskResult", faults: { quirks: { numericTaskResult: true } } },
  { name: "quirk trailingNewlineFailReason", faults: { quirks: { trailingNewlineFailReason: true } } },
  // Combined.
  { name: "every quirk at once", faults: { quirks: ALL_QUIRKS } },
  {
    name: "every fault and every quirk at once",
    faults: {
      rules: [
        { fault: "internalError", from: 2, count: 1 },
        { fault: "throttling", every: 5 },
        { fault: "html502", every: 7 },
        { fault: "dropConnection", every: 11 },
        { fault: "serviceUnavailable", every: 13 },
      ],
      quirks: ALL_QUIRKS,
    },
  },
  // Retries cannot win: the typed error, after exactly the retry budget.
  { name: "throttling that never ends", faults: { rules: [{ fault: "throttling", from: 1 }] }, fails: { code: "Throttling.User", statusCode: 400 } },
  { name: "serviceUnavailable that never ends", faults: { rules: [{ fault: "serviceUnavailable", from: 1 }] }, fails: { code: "ServiceUnavailable", statusCode: 503 } },
];

/** QueryTaskDetailList requests for one task, split into those answered 200 and those a fault hit. */
export const requestCounts = (emulator: Pick<Emulator, "stats">, taskNo: string): { ok: number; faulted: number; total: number } => {
  const records: RequestRecord[] = emulator.stats().requests.filter((r) => r.action === "QueryTaskDetailList" && r.taskNo === taskNo);
  return {
    ok: records.filter((r) => r.httpStatus === 200).length,
    faulted: records.filter((r) => r.fault !== undefined).length,
    total: records.length,
  };
};

/** Rejects if `work` has not settled within `ms` real milliseconds: a hang fails the case, it never stalls the suite. */
export const within = <T>(ms: number, what: string, work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms (a hang)`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
};

/** The property every successful read must have: each detail exactly once, none lost. */
export const detailFacts = (details: readonly { domainName: string; taskDetailNo: string }[]) => ({
  count: details.length,
  uniqueDetailNos: new Set(details.map((d) => d.taskDetailNo)).size,
  domains: details.map((d) => d.domainName).sort(),
});
