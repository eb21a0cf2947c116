/**
 * Tasks and their details, and where each detail stands at a given moment. Nothing runs on a timer: a detail
 * stores when it starts and finishes (task clock, ms) and its status is read off the clock when asked, so a
 * VirtualClock moves every task forward at once and a 200,000-detail task costs nothing until someone pages it.
 *
 * Details are kept in the order they were seeded, which is the default listing order (listing-order.ts).
 */
import { createHash, randomUUID } from "node:crypto";
import type { TaskStatus } from "../sdk/models";
import { TASK_STATUSES } from "../sdk/api/vocabulary";
import { EmulatorSpecError } from "./spec-schemas";
import { StatusIndex, statusCodeAt } from "./status-index";
import { DEFAULT_FAIL_REASON } from "./task-types";
import type { DetailSpec, NowSource, Quirks, TaskSpec } from "./types";

export interface StoredDetail {
  /** A serial number across the emulator; a detail's derived InstanceId ("S<serial>") is built from it. */
  serial: number;
  domainName: string;
  /** As given in the spec; otherwise derived from the TaskDetailNo (see `instanceIdOf`), to keep big batches small. */
  instanceId?: string;
  /** Task-clock ms when WAITING_EXECUTE turns EXECUTING. */
  startAt: number;
  /** Task-clock ms when it turns terminal (>= startAt). */
  finishAt: number;
  succeeds: boolean;
  taskResult: string;
  failReason: string;
  /** Undefined: the language-dependent default for the outcome (task-types.ts). */
  errorMsg?: string;
  tryCount: number;
}

/**
 * TryCount of a finished detail unless its spec says otherwise. A success reads 0, as every public sample shows
 * (the PollTaskResult and QueryTaskDetailList samples, en and zh). No public capture shows a failed detail: 5 is
 * the emulator's choice, after "a task is retried five times after a failure" (doc-detail/69526).
 */
export const SUCCEEDED_TRY_COUNT = 0;
export const FAILED_TRY_COUNT = 5;

export interface StoredTask {
  taskNo: string;
  taskType: string;
  createdAt: number;
  details: StoredDetail[];
  /** TaskSpec.quirks: this task's own quirks. */
  quirks?: Quirks;
  /** Indexes into `details` for the DomainName and InstanceId filters, built on first use (see `indexOf`). */
  byDomain?: Map<string, number[]>;
  byInstance?: Map<string, number[]>;
  /** For the TaskStatus filter, built on first use (see `statusIndexOf`). */
  statusIndex?: StatusIndex;
}

export const instanceIdOf = (detail: StoredDetail): string => detail.instanceId ?? `S${detail.serial}`;

/** MurmurHash3's 32-bit finalizer: a bijection on 32-bit integers that scatters neighbouring inputs. */
const fmix32 = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

const hex8 = (n: number): string => n.toString(16).padStart(8, "0");

/** Four 32-bit words per task from an MD5 of its TaskNo (an identifier, not a security use), made once per task. */
const seeds = new WeakMap<StoredTask, Uint32Array>();
const seedOf = (task: StoredTask): Uint32Array => {
  let seed = seeds.get(task);
  if (!seed) {
    const digest = createHash("md5").update(task.taskNo).digest();
    seed = Uint32Array.of(digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12));
    seeds.set(task, seed);
  }
  return seed;
};

/**
 * TaskDetailNo: 32 lower-case hex characters like the real service's, derived from the TaskNo and the detail's
 * position, so the same scenario always gets the same numbers (stable tests) and no order can be read into
 * them. Each 8-character word is fmix32(seed word XOR an odd multiple of the position): a bijection of the
 * position, so numbers never repeat within a task. Computed when a page is built (a 200,000-detail task stores
 * none), with integer arithmetic only: a hash call per detail doubled the cost of a 1000-detail page.
 */
export const taskDetailNoOf = (task: StoredTask, position: number): string => {
  const seed = seedOf(task);
  const p = Math.imul(position + 1, 0x9e3779b1);
  return hex8(fmix32(seed[0] ^ p)) + hex8(fmix32(seed[1] ^ p ^ 0x5bd1e995)) + hex8(fmix32(seed[2] ^ (p >>> 7))) + hex8(fmix32(seed[3] + p));
};

export const detailStatus = (detail: StoredDetail, now: number): TaskStatus => TASK_STATUSES[statusCodeAt(detail, now)];

/** When the detail last changed state: the moment UpdateTime shows. */
export const detailUpdatedAt = (task: StoredTask, detail: StoredDetail, now: number): number =>
  now < detail.startAt ? task.createdAt : now < detail.finishAt ? detail.startAt : detail.finishAt;

const buildIndex = (details: readonly StoredDetail[], key: (d: StoredDetail) => string): Map<string, number[]> => {
  const index = new Map<string, number[]>();
  details.forEach((detail, position) => {
    const list = index.get(key(detail));
    if (list) list.push(position);
    else index.set(key(detail), [position]);
  });
  return index;
};

/** Positions of the details with this DomainName or InstanceId, in TaskDetailNo order. */
const positionsOf = (task: StoredTask, field: "domainName" | "instanceId", value: string): readonly number[] => {
  if (field === "domainName") task.byDomain ??= buildIndex(task.details, (d) => d.domainName);
  else task.byInstance ??= buildIndex(task.details, instanceIdOf);
  return (field === "domainName" ? task.byDomain : task.byInstance)?.get(value) ?? [];
};

/** Which details are in which status as the clock moves (see StatusIndex). */
const statusIndexOf = (task: StoredTask): StatusIndex => (task.statusIndex ??= new StatusIndex(task.details));

/** A list of detail positions, read by index without copying the whole list. */
export interface Positions {
  count: number;
  at(i: number): number;
}

/** The filters of a query, as the store applies them (TaskStatus as its code, 0-3). */
export interface DetailFilter {
  taskStatus?: number;
  domainName?: string;
  instanceId?: string;
}

const ofArray = (list: readonly number[]): Positions => ({ count: list.length, at: (i) => list[i] });

export class TaskStore {
  private readonly tasks = new Map<string, StoredTask>();
  private nextSerial = 10_000_001;

  constructor(private readonly clock: NowSource) {}

  get(taskNo: string): StoredTask | undefined {
    return this.tasks.get(taskNo);
  }

  /**
   * The positions of the details `filter` selects at `now`, in listing order, or undefined for an unknown
   * TaskNo. Indexed (the indexes are built on first use): O(PageSize) per page unfiltered or filtered by
   * DomainName/InstanceId, O(PageSize log N) plus recent changes for TaskStatus (see StatusIndex).
   */
  select(taskNo: string, filter: DetailFilter, now: number): Positions | undefined {
    const task = this.tasks.get(taskNo);
    if (!task) return undefined;
    const status = filter.taskStatus === undefined ? undefined : TASK_STATUSES[filter.taskStatus];
    if (filter.domainName !== undefined || filter.instanceId !== undefined) {
      const candidates = filter.domainName !== undefined
        ? positionsOf(task, "domainName", filter.domainName)
        : positionsOf(task, "instanceId", filter.instanceId!);
      return ofArray(candidates.filter((p) => {
        const d = task.details[p];
        return (filter.instanceId === undefined || instanceIdOf(d) === filter.instanceId) && (status === undefined || detailStatus(d, now) === status);
      }));
    }
    if (status !== undefined) {
      const index = statusIndexOf(task);
      return { count: index.count(status, now), at: (i) => index.positionOf(status, i, now) };
    }
    return { count: task.details.length, at: (i) => i };
  }

  /** Every task, in the order they were added (QueryTaskList). */
  all(): IterableIterator<StoredTask> {
    return this.tasks.values();
  }

  /** Seeds a validated spec at `clock.now()` and returns its TaskNo. */
  add(spec: TaskSpec): string {
    const taskNo = spec.taskNo ?? randomUUID();
    if (this.tasks.has(taskNo)) throw new EmulatorSpecError("task spec", `taskNo ${JSON.stringify(taskNo)} already exists; omit taskNo to get a fresh one`);
    const createdAt = this.clock.now();
    const task: StoredTask = { taskNo, taskType: spec.taskType ?? "CHG_DNS", createdAt, details: [], quirks: spec.quirks };
    const push = (detail: DetailSpec) => task.details.push(this.toStored(detail, createdAt));
    for (const detail of spec.details ?? []) push(detail);
    if (spec.batch) {
      const { count, durationSeconds = 0, failEvery, failReason, errorMsg } = spec.batch;
      const template = spec.batch.domainTemplate ?? "domain-{i}.example.com";
      // Detail i is processed in its own slot of the duration: executing from slot start to slot end.
      const slot = durationSeconds / count;
      for (let i = 1; i <= count; i++) {
        const fails = failEvery !== undefined && i % failEvery === 0;
        push({
          domainName: template.split("{i}").join(String(i)),
          startAfterSeconds: slot * (i - 1),
          finishAfterSeconds: slot * i,
          outcome: fails ? "failure" : "success",
          failReason: fails ? failReason : undefined,
          errorMsg: fails ? errorMsg : undefined,
        });
      }
    }
    this.tasks.set(taskNo, task);
    return taskNo;
  }

  private toStored(spec: DetailSpec, createdAt: number): StoredDetail {
    const serial = this.nextSerial++;
    const startAt = createdAt + (spec.startAfterSeconds ?? 0) * 1000;
    const finishAt = Math.max(startAt, createdAt + (spec.finishAfterSeconds ?? 0) * 1000);
    const succeeds = spec.outcome !== "failure";
    return {
      serial,
      domainName: spec.domainName,
      instanceId: spec.instanceId,
      startAt,
      finishAt,
      succeeds,
      taskResult: spec.taskResult ?? "",
      failReason: succeeds ? "" : (spec.failReason ?? DEFAULT_FAIL_REASON),
      errorMsg: spec.errorMsg,
      tryCount: spec.tryCount ?? (succeeds ? SUCCEEDED_TRY_COUNT : FAILED_TRY_COUNT),
    };
  }
}
