/**
 * Reading until the answers verify: one pass over the pages, checked by its ledger; if it does not verify, a
 * fresh pass (at most `maxReads` in all; the last at half the page size, a fair way around pages that shift).
 * Every pass is judged on its own - nothing unproven carries over - but a consumer streaming details gets each
 * detail once across passes (`unseen`).
 *
 * The driver of both the pager (which hands out details) and `readTaskOutcome` (which summarizes each pass and
 * keeps the one that verified).
 */
import type { TaskDetail, TaskQuery } from "../api/schemas";
import { TASK_STATUSES } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { throwIfAborted } from "../clock";
import { scanPass, type PassContext, type PassPage } from "../pager/scan-pass";
import { checkQuery } from "./check-query";
import { identityOf, PassLedger, type AskedQuery } from "./ledger";

/** Reads of one question before its answers are declared inconsistent. */
export const DEFAULT_MAX_READS = 3;

export interface ReadSettings {
  pageSize: number;
  concurrency: number;
  maxPages: number;
  maxReads: number;
  signal?: AbortSignal;
  timeLeftMs?: () => number | undefined;
  onRequest?: () => void;
  /**
   * Track which details were handed out, so a re-read hands out only new ones (`unseen`). Default true; a
   * reader that streams nothing turns it off and saves one identity per detail.
   */
  handOut?: boolean;
}

/** `pass` starts a pass (forget what the previous one summarized); `page` carries one page of it. */
export type ReadEvent =
  | { kind: "pass"; pass: number }
  | { kind: "page"; pass: number; page: PassPage; /** details no earlier page of any pass handed out */ unseen: TaskDetail[] };

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

/** The page size of pass `pass`: as asked, then as asked again (a passing shift), then half (pages cut anew). */
const pageSizeOf = (pass: number, pageSize: number, maxReads: number): number =>
  pass === maxReads && pass > 2 ? Math.max(1, Math.floor(pageSize / 2)) : pageSize;

export async function* readPasses(
  api: DomainTaskApi,
  query: TaskQuery,
  settings: ReadSettings,
  startPage = 1,
): AsyncGenerator<ReadEvent, ReadReport, undefined> {
  const ctx: PassContext = {
    api,
    query,
    asked: askedOf(checkQuery(query)),
    concurrency: settings.concurrency,
    maxPages: settings.maxPages,
    signal: settings.signal,
    timeLeftMs: settings.timeLeftMs,
    onRequest: settings.onRequest,
  };
  /** The ledgers of the passes that did not verify: what they handed out is not handed out again. */
  const earlier: PassLedger[] = [];
  const anomalies: string[] = [];
  const remember = (text: string) => {
    if (!anomalies.includes(text)) anomalies.push(text);
  };
  let ledger: PassLedger | undefined;
  let duplicates = 0;
  for (let pass = 1; pass <= settings.maxReads; pass++) {
    throwIfAborted(settings.signal);
    yield { kind: "pass", pass };
    const pages = scanPass(ctx, pageSizeOf(pass, settings.pageSize, settings.maxReads), startPage);
    for (;;) {
      const step = await pages.next();
      if (step.done) {
        ledger = step.value;
        break;
      }
      // The pass's details are new to it (its ledger drops repeats); those an earlier pass handed out are not unseen.
      const unseen = settings.handOut === false ? [] : step.value.details.filter((d) => {
        const key = identityOf(d);
        if (key === undefined) return pass === 1; // cannot be told apart: handed out by the first pass only
        return !earlier.some((ledger) => ledger.has(key));
      });
      yield { kind: "page", pass, page: step.value, unseen };
    }
    ledger.notes.forEach(remember);
    duplicates += ledger.duplicates;
    if (ledger.verified) return { verified: true, ledger, reads: pass, anomalies, duplicates };
    ledger.problems.forEach((p) => remember(`read ${pass}: ${p}`));
    if (settings.handOut !== false) earlier.push(ledger);
  }
  return { verified: false, ledger: ledger!, reads: settings.maxReads, anomalies, duplicates };
}
