/**
 * Which details of a task are in which status, kept up to date as the clock moves, for the TaskStatus filter.
 *
 * Each detail changes status at most twice (when it starts, when it finishes), so the index walks two
 * time-sorted lists of those moments and touches only the details whose status changed since the last query:
 * polling a 200,000-detail task while time advances costs O(changes + PageSize log N) per request, not a pass
 * over every detail. A clock that moves backwards (a test resetting a VirtualClock) rebuilds the index.
 *
 * Per status, a Fenwick tree over detail positions answers "the k-th detail in this status" in O(log N),
 * so pages come out in TaskDetailNo order like the unfiltered list.
 */
import type { TaskStatus } from "../sdk/models";
import { TASK_STATUSES } from "../sdk/api/vocabulary";

/** When a detail changes status; `detailStatus` in task-store.ts reads the same two moments. */
export interface Timeline {
  startAt: number;
  finishAt: number;
  succeeds: boolean;
}

/** The detail's TaskStatusCode at `now`: 0 waiting, 1 executing, 2 succeeded, 3 failed (TASK_STATUSES order). */
export const statusCodeAt = (d: Timeline, now: number): number => (now < d.startAt ? 0 : now < d.finishAt ? 1 : d.succeeds ? 2 : 3);

/** A Fenwick (binary indexed) tree of 0/1 flags over positions 0..n-1. */
class FlagTree {
  private readonly tree: Int32Array;
  private readonly topBit: number;

  constructor(readonly size: number) {
    this.tree = new Int32Array(size + 1);
    let bit = 1;
    while (bit * 2 <= size) bit *= 2;
    this.topBit = bit;
  }

  /** Sets every flag at once from `flags(i)`, in O(n). */
  fill(flags: (i: number) => boolean): void {
    const t = this.tree;
    t.fill(0);
    for (let i = 1; i <= this.size; i++) {
      if (flags(i - 1)) t[i] += 1;
      const parent = i + (i & -i);
      if (parent <= this.size) t[parent] += t[i];
    }
  }

  add(position: number, delta: number): void {
    for (let i = position + 1; i <= this.size; i += i & -i) this.tree[i] += delta;
  }

  /** The position of the k-th set flag (k from 0); the caller keeps k below the number of set flags. */
  kth(k: number): number {
    let position = 0;
    let remaining = k + 1;
    for (let bit = this.topBit; bit > 0; bit >>= 1) {
      const next = position + bit;
      if (next <= this.size && this.tree[next] < remaining) {
        position = next;
        remaining -= this.tree[next];
      }
    }
    return position; // 1-based position `position + 1`, i.e. 0-based `position`
  }
}

const byTime = (details: readonly Timeline[], key: "startAt" | "finishAt"): Int32Array => {
  const order = new Int32Array(details.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => details[a][key] - details[b][key] || a - b);
};

/** The details of one task by status at a moment; see the module comment. */
export class StatusIndex {
  private readonly status: Uint8Array;
  private readonly counts = [0, 0, 0, 0];
  private readonly trees: FlagTree[];
  private readonly starts: Int32Array;
  private readonly finishes: Int32Array;
  /** How far each time-sorted list has been applied. */
  private nextStart = 0;
  private nextFinish = 0;
  private at = -Infinity;

  constructor(private readonly details: readonly Timeline[]) {
    this.status = new Uint8Array(details.length);
    this.trees = TASK_STATUSES.map(() => new FlagTree(details.length));
    this.starts = byTime(details, "startAt");
    this.finishes = byTime(details, "finishAt");
  }

  /** How many details are in `status` at `now`. */
  count(status: TaskStatus, now: number): number {
    this.moveTo(now);
    return this.counts[TASK_STATUSES.indexOf(status)];
  }

  /** The position (index into the task's details) of the k-th detail in `status` at `now`, in TaskDetailNo order. */
  positionOf(status: TaskStatus, k: number, now: number): number {
    this.moveTo(now);
    return this.trees[TASK_STATUSES.indexOf(status)].kth(k);
  }

  private moveTo(now: number): void {
    if (now === this.at) return;
    if (now < this.at) this.rebuild(now);
    else this.advance(now);
    this.at = now;
  }

  private rebuild(now: number): void {
    const { details, status, counts } = this;
    counts.fill(0);
    for (let i = 0; i < details.length; i++) counts[(status[i] = statusCodeAt(details[i], now))]++;
    this.trees.forEach((tree, s) => tree.fill((i) => status[i] === s));
    this.nextStart = this.firstAfter(this.starts, "startAt", now);
    this.nextFinish = this.firstAfter(this.finishes, "finishAt", now);
  }

  /** Applies the starts and finishes that happened in (at, now]; the first call builds everything. */
  private advance(now: number): void {
    if (this.at === -Infinity) return this.rebuild(now);
    const { details, starts, finishes } = this;
    while (this.nextStart < starts.length && details[starts[this.nextStart]].startAt <= now) this.update(starts[this.nextStart++], now);
    while (this.nextFinish < finishes.length && details[finishes[this.nextFinish]].finishAt <= now) this.update(finishes[this.nextFinish++], now);
  }

  private update(position: number, now: number): void {
    const before = this.status[position];
    const after = statusCodeAt(this.details[position], now);
    if (before === after) return;
    this.status[position] = after;
    this.counts[before]--;
    this.counts[after]++;
    this.trees[before].add(position, -1);
    this.trees[after].add(position, 1);
  }

  /** The first index in a time-sorted list whose moment is after `now` (binary search). */
  private firstAfter(order: Int32Array, key: "startAt" | "finishAt", now: number): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.details[order[mid]][key] <= now) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
