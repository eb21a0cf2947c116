/**
 * Reading until the answers verify: one pass over the pages (../pager/scan-pass.ts), checked by its ledger; if
 * it does not verify, a fresh pass (at most `maxReads` in all; the last at half the page size, a fair way around
 * pages that shift). Each pass is judged against everything the reads before it showed (./evidence.ts): a
 * discarded pass is not believed, but what it served is not forgotten either. A consumer streaming details gets
 * each detail once across passes (`unseen`).
 *
 * The driver of both the verified listing (./paginate.ts, which hands out details) and `readTaskOutcome`
 * (./read-task.ts, which summarizes each pass and keeps the one that verified).
 */
import type { TaskQuery } from "../api/schemas";
import { TASK_STATUSES } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { throwIfAborted } from "../clock";
import type { PagerLimits } from "../pager/limits";
import { scanPass, type PassContext, type PassPage } from "../pager/scan-pass";
import { checkQuery } from "./check-query";
import type { Evidence } from "./evidence";
import { PassLedger, type AcceptedPage, type AskedQuery, type KeptFailures } from "./ledger";

export interface ReadSettings extends PagerLimits {
  onRequest?: () => void;
  /** Hand out each detail once across passes (`unseen`). Default true. */
  handOut?: boolean;
  /** How a failure an earlier read showed, that a pass does not bear out, is treated (see KeptFailures). */
  keptFailures: KeptFailures;
}

/** `pass` starts a pass (forget what the previous one summarized); `page` carries one page of it. */
export type ReadEvent =
  | { kind: "pass"; pass: number; ledger: PassLedger }
  | { kind: "page"; pass: number; ledger: PassLedger; page: PassPage<AcceptedPage> };

export interface ReadReport {
  verified: boolean;
  /** The ledger of the last pass: the verified one, or the last that failed. */
  ledger: PassLedger;
  reads: number;
  /** The contradictions of every pass that did not verify, and every pass's notes, once each. */
  anomalies: string[];
  /** Repeated details dropped, over every pass. */
  duplicates: number;
}

/** The question as the ledger checks it: the filters as the service was asked them. */
export const askedOf = (query: TaskQuery): AskedQuery => ({
  taskNo: query.taskNo.trim(),
  taskStatus: typeof query.taskStatus === "string" ? TASK_STATUSES.indexOf(query.taskStatus) : query.taskStatus,
  domainName: query.domainName?.trim(),
  instanceId: query.instanceId?.trim(),
});

/**
 * The page size of pass `pass`: as asked, then as asked again (a passing shift), then half (pages cut anew). A
 * resumed read keeps the size asked: its first page is a position in that size's pages.
 */
const pageSizeOf = (pass: number, pageSize: number, maxReads: number, startPage: number): number =>
  pass === maxReads && pass > 2 && startPage === 1 ? Math.max(1, Math.floor(pageSize / 2)) : pageSize;

export async function* readPasses(
  api: DomainTaskApi,
  query: TaskQuery,
  settings: ReadSettings,
  evidence: Evidence,
  startPage = 1,
): AsyncGenerator<ReadEvent, ReadReport, undefined> {
  const asked = askedOf(checkQuery(query));
  const ctx: PassContext = {
    api,
    query,
    concurrency: settings.concurrency,
    maxPages: settings.maxPages,
    signal: settings.signal,
    timeLeftMs: settings.timeLeftMs,
    onRequest: settings.onRequest,
  };
  const ledgerOptions = { handOut: settings.handOut !== false, keptFailures: settings.keptFailures };
  const anomalies: string[] = [];
  const remember = (text: string) => {
    if (!anomalies.includes(text)) anomalies.push(text);
  };
  let ledger: PassLedger | undefined;
  let duplicates = 0;
  for (let pass = 1; pass <= settings.maxReads; pass++) {
    throwIfAborted(settings.signal);
    ledger = new PassLedger(asked, evidence, ledgerOptions);
    yield { kind: "pass", pass, ledger };
    for await (const page of scanPass(ctx, ledger, pageSizeOf(pass, settings.pageSize, settings.maxReads, startPage), startPage)) {
      yield { kind: "page", pass, ledger, page };
    }
    ledger.notes.forEach(remember);
    duplicates += ledger.duplicates;
    if (ledger.verified) return { verified: true, ledger, reads: pass, anomalies, duplicates };
    ledger.problems.forEach((p) => remember(`read ${pass}: ${p}`));
  }
  return { verified: false, ledger: ledger!, reads: settings.maxReads, anomalies, duplicates };
}
