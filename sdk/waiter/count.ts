/**
 * Counting details by status without reading them: the TotalItemNum of a PageSize-1 request filtered by
 * TaskStatus. It only works if the service applies the filter, so every count is checked against the one
 * detail served with it (it must have the status asked, and the TaskNo), and the caller checks the counts
 * against each other. A count that fails a check is *broken*: the waiter then stops counting and reads.
 */
import { TASK_STATUSES, type TaskQuery } from "../api/schemas";
import type { DomainTaskApi } from "../api/client";
import { askPage, type AskSettings } from "../pager/ask";
import type { Evidence } from "../read/evidence";
import { mismatch, type AskedQuery } from "../read/ledger";

/** Counts, in the order asked; or why counting cannot be trusted on this service. */
export type CountResult = { ok: true; counts: number[]; sampleStatus?: string } | { ok: false; reason: string };

/**
 * Counts the details of each status code (undefined = all of them), sent together.
 * `sampleStatus` is the status of the detail served with the unfiltered count, when one was asked. Each detail
 * a count serves that belongs to the question is evidence of the wait (`evidence`), like any read's.
 */
export const countByStatus = async (
  api: DomainTaskApi,
  query: TaskQuery,
  statuses: readonly (number | undefined)[],
  settings: AskSettings,
  evidence?: { of: Evidence; asked: AskedQuery },
): Promise<CountResult> => {
  const pages = await Promise.all(statuses.map((taskStatus) =>
    askPage(api, { ...query, ...(taskStatus === undefined ? {} : { taskStatus }), pageNum: 1, pageSize: 1 }, settings)));
  if (evidence) {
    for (const page of pages) for (const d of page.details) if (mismatch(d, evidence.asked) === undefined) evidence.of.sample(d);
  }
  let sampleStatus: string | undefined;
  for (const [i, page] of pages.entries()) {
    const asked = statuses[i] === undefined ? "every status" : TASK_STATUSES[statuses[i]!];
    const where = `(RequestId ${page.requestId})`;
    if (page.totalItemNum < 0) return { ok: false, reason: `the count of ${asked} is negative (${page.totalItemNum}) ${where}` };
    if (page.totalItemNum === 0) continue;
    const served = page.details[0];
    if (served === undefined) return { ok: false, reason: `the count of ${asked} says ${page.totalItemNum} but serves no detail ${where}` };
    if (served.taskNo.toLowerCase() !== query.taskNo.trim().toLowerCase()) {
      return { ok: false, reason: `the count of ${asked} serves a detail of TaskNo ${served.taskNo} ${where}` };
    }
    if (statuses[i] === undefined) sampleStatus = served.taskStatus;
    else if (served.taskStatus !== TASK_STATUSES[statuses[i]!]) {
      return { ok: false, reason: `the TaskStatus filter was not applied: asked for ${asked}, served a ${served.taskStatus} detail ${where}` };
    }
  }
  return { ok: true, counts: pages.map((p) => p.totalItemNum), sampleStatus };
};
