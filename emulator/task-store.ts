/**
 * Tasks and their details, and where each detail stands at a given moment. Nothing runs on a timer: a detail
 * stores when it starts and finishes (task clock, ms) and its status is read off the clock when asked, so a
 * VirtualClock moves every task forward at once and a 200,000-detail task costs nothing until someone pages it.
 *
 * Details are kept in the order they were seeded, which is the default listing order (listing-order.ts).
 */
import { createHash, randomUUID } from "node:crypto";
import { TASK_STATUSES, type TaskStatus } from "../sdk/api/schemas";
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

/** TryCount of a detail that failed after the service's retries ("A task is retried five times after a failure"). */
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

/**
 * TaskDetailNo: 32 lower-case hex characters like the real service's, derived from the TaskNo and the detail's
 * position so the same scenario always gets the same numbers (stable tests). MD5 here makes an identifier, not a
 * security decision. Computed when a page is built, so a 200,000-detail task stores none of them.
 */
export const taskDetailNoOf = (task: StoredTask, position: number): string =>
  createHash("md5").update(`${task.taskNo}/${position}`).digest("hex");

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
export const positionsOf = (task: StoredTask, field: "domainName" | "instanceId", value: string): readonly number[] => {
  if (field === "domainName") task.byDomain ??= buildIndex(task.details, (d) => d.domainName);
  else task.byInstance ??= buildIndex(task.details, instanceIdOf);
  return (field === "domainName" ? task.byDomain : task.byInstance)?.get(value) ?? [];
};

/** Which details are in which status as the clock moves (see StatusIndex). */
export const statusIndexOf = (task: StoredTask): StatusIndex => (task.statusIndex ??= new StatusIndex(task.details));

export class TaskStore {
  private readonly tasks = new Map<string, StoredTask>();
  private nextSerial = 10_000_001;

  constructor(private readonly clock: NowSource) {}

  get(taskNo: string): StoredTask | undefined {
    return this.tasks.get(taskNo);
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
      // A failure is reported after the service's five retries (TryCount 5); a success took one try.
      tryCount: spec.tryCount ?? (succeeds ? 1 : FAILED_TRY_COUNT),
    };
  }
}
