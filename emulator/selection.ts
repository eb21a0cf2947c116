/**
 * Which details a QueryTaskDetailList query selects, and which of them are served: the filters (TaskStatus,
 * DomainName, InstanceId), then the integrity quirks that bend the selection (filters ignored, a partial
 * listing, hidden details, a listing that shifts between answers).
 *
 * Positions are indexes into the task's details, in listing order. The honest path is the store's indexed
 * `select` (task-store.ts). Quirks that need a pass over the task (partialListing, failureFlicker, hiddenDetails) cost
 * O(N) per answer, which only a run that asked for them pays. Listing orders are in listing-order.ts.
 */
import { TASK_STATUSES } from "../sdk/api/vocabulary";
import { listingOrderOf } from "./listing-order";
import { shownStatus } from "./shown-status";
import { instanceIdOf, type Positions, type StoredTask, type TaskStore } from "./task-store";
import type { QueryParams } from "./query-params";
import type { Quirks } from "./types";

/** What a query selects: `count` is what TotalItemNum says; `served` is what pages are cut from. */
export interface Selection {
  count: number;
  served: Positions;
}

const NONE: Positions = { count: 0, at: () => -1 };
const ofArray = (list: readonly number[]): Positions => ({ count: list.length, at: (i) => list[i] });

/** The query as the server applies it: the filters an `ignore*Filter` quirk drops are gone. */
export const appliedQuery = (q: QueryParams, quirks: Quirks): QueryParams => ({
  ...q,
  domainName: quirks.ignoreDomainNameFilter ? undefined : q.domainName,
  instanceId: quirks.ignoreInstanceIdFilter ? undefined : q.instanceId,
  taskStatus: quirks.ignoreTaskStatusFilter ? undefined : q.taskStatus,
});

/**
 * A pass over the listing, for quirks that change its order (listingOrder), which details exist (partialListing)
 * or how they read (failureFlicker).
 */
const scanned = (task: StoredTask, q: QueryParams, now: number, quirks: Quirks, answer: number): Positions => {
  const listed = quirks.listedOneEverySeconds === undefined ? Infinity : Math.floor((now - task.createdAt) / (quirks.listedOneEverySeconds * 1000));
  const limit = Math.min(task.details.length, quirks.partialListing ?? Infinity, Math.max(0, listed));
  const status = q.taskStatus === undefined ? undefined : TASK_STATUSES[q.taskStatus];
  const order = listingOrderOf(task, quirks, answer) ?? ((i: number) => i);
  const picked: number[] = [];
  for (let i = 0; i < limit; i++) {
    const p = order(i);
    const d = task.details[p];
    if (q.domainName !== undefined && d.domainName !== q.domainName) continue;
    if (q.instanceId !== undefined && instanceIdOf(d) !== q.instanceId) continue;
    if (status !== undefined && shownStatus(d, now, quirks, answer) !== status) continue;
    picked.push(p);
  }
  return ofArray(picked);
};

/** The selection minus the details `hiddenDetails` never serves (`last`: the last seeded). */
const withoutHidden = (task: StoredTask, selected: Positions, hidden: NonNullable<Quirks["hiddenDetails"]>): Positions => {
  const firstHidden = task.details.length - (hidden.last ?? 0);
  const domains = new Set(hidden.domains ?? []);
  const visible: number[] = [];
  for (let i = 0; i < selected.count; i++) {
    const p = selected.at(i);
    if (p < firstHidden && !domains.has(task.details[p].domainName)) visible.push(p);
  }
  return ofArray(visible);
};

/** The list rotated left by `by` positions. */
const rotated = (list: Positions, by: number): Positions => {
  if (list.count === 0) return list;
  const shift = ((by % list.count) + list.count) % list.count;
  return { count: list.count, at: (i) => list.at((i + shift) % list.count) };
};

/**
 * The details `q` selects at `now` on the task's `answer`-th answer, as the quirks bend them, and the task
 * they belong to. The honest path is the store's own indexed `select`.
 */
export const selectDetails = (
  store: TaskStore, query: QueryParams, now: number, quirks: Quirks, answer: number,
): Selection & { task?: StoredTask } => {
  const q = appliedQuery(query, quirks);
  const task = store.get(q.taskNo);
  if (!task || (q.taskStatus !== undefined && quirks.emptyTaskStatusAnswers)) return { task, count: 0, served: NONE };
  const needsScan = quirks.partialListing !== undefined || quirks.listedOneEverySeconds !== undefined || quirks.failureFlicker || quirks.listingOrder !== undefined;
  const selected = needsScan ? scanned(task, q, now, quirks, answer) : store.select(q.taskNo, q, now)!;
  let served = quirks.hiddenDetails ? withoutHidden(task, selected, quirks.hiddenDetails) : selected;
  if (quirks.shiftingPages) served = rotated(served, (answer - 1) * quirks.shiftingPages);
  return { task, count: selected.count, served };
};
