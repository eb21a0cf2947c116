/**
 * The verdict-integrity table: servers that answer QueryTaskDetailList in hostile but plausible ways (the
 * emulator's integrity quirks, docs/emulator.md), and honest ones. Every surface is run against every case
 * (verdict-integrity.test.ts): a hostile case must never end in a pass, an honest one must pass, so a gate that
 * always fails cannot satisfy the table either.
 *
 * The hostile task has one failed detail among 25: a pass would be a deploy on top of a failed DNS change.
 * The honest task has 25 details that all succeed. Both are read at PageSize 10 where a surface takes a page
 * size (three pages; the waiter counts it, 25 > 10), at 1000 by the DomainTask (one page).
 */
import type { Quirks, TaskSpec } from "../../emulator";

export const INTEGRITY_TOTAL = 25;
export const INTEGRITY_PAGE_SIZE = 10;
export const FAILED_DOMAIN = "failed.example.com";
/** A domain that succeeds, and the instance it is on: what the filter cases ask for. */
export const GOOD_DOMAIN = "good.example.com";
export const GOOD_INSTANCE = "S-good";

/** 25 details, all terminal from the start: `failing` makes one of them fail. */
export const integritySpec = (failing: boolean, quirks?: Quirks): TaskSpec => ({
  details: [
    { domainName: GOOD_DOMAIN, instanceId: GOOD_INSTANCE, taskResult: "ok" },
    failing
      ? { domainName: FAILED_DOMAIN, instanceId: "S-failed", outcome: "failure", failReason: "Registry refused the name servers", errorMsg: "failed" }
      : { domainName: FAILED_DOMAIN.replace("failed", "fine"), instanceId: "S-fine" },
  ],
  batch: { count: INTEGRITY_TOTAL - 2 },
  ...(quirks && { quirks }),
});

export interface IntegrityCase {
  name: string;
  quirks: Quirks;
  /** The case is about a filter the server ignores: surfaces ask for the good domain (or instance) only. */
  filter?: { domainName?: string; instanceId?: string };
  /** The listing itself contradicts itself, so the pager (which gives no verdict) must refuse it too. */
  listingBreaks: boolean;
  /**
   * The task never settles (a failure that keeps flickering back to EXECUTING never stays terminal in every
   * read): waiting for completion may end at the timeout - still never a pass.
   */
  neverSettles?: boolean;
}

/** Each class of issue 9, alone, and a few together. Every one of them must never pass. */
export const HOSTILE_CASES: IntegrityCase[] = [
  { name: "the failed detail is never served (TotalItemNum still counts it)", quirks: { hiddenDetails: { domains: [FAILED_DOMAIN] } }, listingBreaks: true },
  { name: "the last detail is never served", quirks: { hiddenDetails: { last: 1 } }, listingBreaks: true },
  { name: "pages shift between requests", quirks: { shiftingPages: 3 }, listingBreaks: true },
  { name: "page 2 comes back empty", quirks: { emptyPages: { pages: [2] } }, listingBreaks: true },
  { name: "page 1 comes back empty", quirks: { emptyPages: { pages: [1] } }, listingBreaks: true },
  { name: "TotalItemNum 0 with details served", quirks: { totalItemNum: 0 }, listingBreaks: true },
  { name: "TotalItemNum -1 with details served", quirks: { totalItemNum: -1 }, listingBreaks: true },
  { name: "TotalItemNum one too high", quirks: { totalItemNumOffset: 1 }, listingBreaks: true },
  { name: "TotalItemNum one too low", quirks: { totalItemNumOffset: -1 }, listingBreaks: true },
  { name: "details of another TaskNo", quirks: { foreignTaskNo: { every: 5 } }, listingBreaks: true },
  { name: "the DomainName filter ignored", quirks: { ignoreDomainNameFilter: true }, filter: { domainName: GOOD_DOMAIN }, listingBreaks: true },
  { name: "the InstanceId filter ignored", quirks: { ignoreInstanceIdFilter: true }, filter: { instanceId: GOOD_INSTANCE }, listingBreaks: true },
  { name: "TaskStatus says EXECUTE_SUCCESS, TaskStatusCode says 3", quirks: { failureStatusMismatch: "statusSaysSuccess" }, listingBreaks: true },
  { name: "TaskStatus says EXECUTE_FAILURE, TaskStatusCode says 2", quirks: { failureStatusMismatch: "codeSaysSuccess" }, listingBreaks: true },
  { name: "the failure reuses a succeeded detail's TaskDetailNo", quirks: { failuresReuseTaskDetailNo: true }, listingBreaks: true },
  { name: "the failure flickers back to EXECUTING", quirks: { failureFlicker: true }, listingBreaks: false, neverSettles: true },
  { name: "the full listing shows the failure as EXECUTE_SUCCESS, the TaskStatus=3 count shows it", quirks: { failuresListedAsSuccess: true }, listingBreaks: false },
  { name: "TotalItemNum > 0 but no TaskDetail at all", quirks: { omitTaskDetail: true }, listingBreaks: true },
  { name: "TaskStatus-filtered answers are empty (counts broken)", quirks: { emptyTaskStatusAnswers: true }, listingBreaks: false },
  { name: "the TaskStatus filter ignored (counts broken)", quirks: { ignoreTaskStatusFilter: true }, listingBreaks: false },
  // Together.
  { name: "shifting pages and foreign details", quirks: { shiftingPages: 2, foreignTaskNo: { every: 7 } }, listingBreaks: true },
  { name: "a PageSize cap the server does not echo, and the failure listed as success", quirks: { pageSizeCap: 5, failuresListedAsSuccess: true }, listingBreaks: false },
  { name: "status/code disagreement on shifting pages", quirks: { failureStatusMismatch: "statusSaysSuccess", shiftingPages: 1 }, listingBreaks: true },
  { name: "every documented quirk, and the failure flickering", quirks: {
    nextPageAlwaysTrue: true, totalPageNumOffset: 1, repeatLastPagePastEnd: true, singleObjectDetail: true, numericTaskResult: true,
    trailingNewlineFailReason: true, failureFlicker: true,
  }, listingBreaks: false, neverSettles: true },
];

/** Servers that are sloppy but honest: every surface must still pass a task whose details all succeeded. */
export const HONEST_CASES: Array<Omit<IntegrityCase, "listingBreaks">> = [
  { name: "no quirk", quirks: {} },
  { name: "every documented quirk", quirks: {
    nextPageAlwaysTrue: true, totalPageNumOffset: 1, repeatLastPagePastEnd: true, singleObjectDetail: true, numericTaskResult: true,
    trailingNewlineFailReason: true,
  } },
  { name: "the TaskStatus filter ignored, consistently", quirks: { ignoreTaskStatusFilter: true } },
  { name: "a PageSize cap the server does not echo", quirks: { pageSizeCap: 5 } },
  { name: "a PageSize echoed larger than applied", quirks: { echoedPageSize: 20 } },
  { name: "a DomainName filter, applied", quirks: {}, filter: { domainName: GOOD_DOMAIN } },
];
