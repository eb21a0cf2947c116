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
import type { Tamper, WireAnswer, WireBody, WireDetail } from "../support/tamper-proxy";

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

// ---------------------------------------------------------------------------------------------------------
// Evidence a discarded read showed (issue 18): a service that serves a failure (or any detail) only to a read
// the client discards - past TotalItemNum, at one page size, once - and answers cleanly afterwards. What any
// read served stays evidence: a verified success must account for it, and a failure stays a failure unless the
// service shows it retried. These run against the honest task (every detail succeeds), through a proxy that
// rewrites the emulator's answers (test/support/tamper-proxy.ts), on every surface (verdict-evidence.test.ts).
// They act only on answers whose details have all finished, so they work on a task still in progress too.

/** The detail only a discarded read is shown. */
export const GHOST_DOMAIN = "ghost.example.com";
export const GHOST_REASON = "Registry refused the name servers";

const finished = (d: WireDetail): boolean => d.TaskStatus === "EXECUTE_SUCCESS" || d.TaskStatus === "EXECUTE_FAILURE";
const listing = (a: WireAnswer): boolean => a.params.TaskStatus === undefined;
const settled = (a: WireAnswer): boolean => a.body.Data.TaskDetail.length > 0 && a.body.Data.TaskDetail.every(finished);
const failedAs = (d: WireDetail): WireDetail => ({ ...d, TaskStatus: "EXECUTE_FAILURE", TaskStatusCode: 3, FailReason: GHOST_REASON, ErrorMsg: "failed" });
const executingAs = (d: WireDetail): WireDetail => {
  const { FailReason: _r, ...rest } = d;
  return { ...rest, TaskStatus: "EXECUTING", TaskStatusCode: 1, ErrorMsg: "" };
};
/** Another detail: a TaskDetailNo of its own, and (unless kept) its own domain and instance. */
const another = (d: WireDetail, keepDomain = false): WireDetail => ({
  ...d, TaskDetailNo: "d0d0cafe".repeat(4), ...(keepDomain ? {} : { DomainName: GHOST_DOMAIN, InstanceId: "S-ghost" }),
});
const withDetails = (body: WireBody, details: WireDetail[], totalDelta = 0): WireBody =>
  ({ ...body, TotalItemNum: body.TotalItemNum + totalDelta, Data: { ...body.Data, TaskDetail: details } });
/** A service that rewrites the first answer `when` picks, then answers honestly. */
const once = (when: (a: WireAnswer) => boolean, rewrite: (a: WireAnswer) => WireBody) => (): Tamper => {
  let served = false;
  return (a) => {
    if (served || !when(a)) return;
    served = true;
    return rewrite(a);
  };
};
/** A settled listing answer (for its first page: `firstPage`). */
const settledListing = (firstPage = false) => (a: WireAnswer): boolean => listing(a) && settled(a) && (!firstPage || Number(a.params.PageNum) === 1);

export interface EvidenceCase {
  name: string;
  /** A fresh hostile service for one run (each keeps its own count of what it has served). */
  tamper: () => Tamper;
  /** Surfaces ask for the good domain only. */
  filter?: { domainName?: string };
  /** The listing's own passes are contradicted, so the pager (which gives no verdict) must refuse it. */
  listingBreaks: boolean;
  /** The detail whose failure must reach every verdict that names failures (undefined: none is failed, the answers contradict). */
  failed?: "ghost" | "first";
}

export const EVIDENCE_CASES: EvidenceCase[] = [
  {
    name: "an extra failed detail past TotalItemNum, on the last page, at the first page size only",
    tamper: () => {
      let firstSize: number | undefined;
      return (a) => {
        if (!listing(a) || !settled(a)) return;
        const size = Number(a.params.PageSize);
        firstSize ??= size;
        if (size !== firstSize || Number(a.params.PageNum) !== Math.ceil(a.body.TotalItemNum / size)) return;
        return withDetails(a.body, [...a.body.Data.TaskDetail, failedAs(another(a.body.Data.TaskDetail[0]))]);
      };
    },
    listingBreaks: true,
    failed: "ghost",
  },
  {
    name: "an extra failed detail past TotalItemNum, served once, then never",
    tamper: once(settledListing(), (a) => withDetails(a.body, [...a.body.Data.TaskDetail, failedAs(another(a.body.Data.TaskDetail[0]))])),
    listingBreaks: true,
    failed: "ghost",
  },
  {
    name: "a detail reads EXECUTE_SUCCESS, then EXECUTE_FAILURE, then EXECUTE_SUCCESS, never EXECUTING (the first two in reads that do not verify)",
    tamper: () => {
      let step = 0;
      return (a) => {
        if (!listing(a) || !settled(a) || Number(a.params.PageNum) !== 1 || step > 1) return;
        const [first, ...rest] = a.body.Data.TaskDetail;
        // TotalItemNum one too high: the read this page starts does not verify.
        return withDetails(a.body, [step++ === 0 ? first : failedAs(first), ...rest], 1);
      };
    },
    listingBreaks: true,
    failed: "first",
  },
  {
    name: "the failure served once under another TaskDetailNo, beside the detail itself",
    tamper: once(settledListing(true), (a) => {
      const [first, ...rest] = a.body.Data.TaskDetail;
      return withDetails(a.body, [first, failedAs(another(first, true)), ...rest]);
    }),
    listingBreaks: true,
    failed: "first",
  },
  {
    name: "an extra detail shown EXECUTING once, in a read that does not verify, and absent from every read after",
    tamper: once(settledListing(), (a) => withDetails(a.body, [...a.body.Data.TaskDetail, executingAs(another(a.body.Data.TaskDetail[0]))])),
    listingBreaks: true,
  },
  {
    name: "a DomainName-filtered read: a discarded read served a second, failed detail of that domain",
    filter: { domainName: GOOD_DOMAIN },
    tamper: once((a) => a.params.DomainName !== undefined && settledListing()(a), (a) => {
      const [first, ...rest] = a.body.Data.TaskDetail;
      return withDetails(a.body, [first, failedAs(another(first, true)), ...rest]);
    }),
    listingBreaks: true,
    failed: "first",
  },
  {
    name: "the TaskStatus=3 count serves a failed detail once, and the listing never shows it failed",
    tamper: () => {
      let seen: WireDetail | undefined;
      let served = false;
      return (a) => {
        if (listing(a)) {
          if (settled(a)) seen ??= a.body.Data.TaskDetail[0];
          return;
        }
        if (served || a.params.TaskStatus !== "3" || seen === undefined) return;
        served = true;
        return withDetails({ ...a.body, TotalItemNum: 0 }, [failedAs(seen)], 1);
      };
    },
    listingBreaks: false,
    failed: "first",
  },
];
