/**
 * Tasks and their details, and where each detail stands at a given moment. Nothing runs on a timer: a detail
 * stores when it starts and finishes (task clock, ms) and its status is read off the clock when asked, so a
 * VirtualClock moves every task forward at once and a 200,000-detail task costs nothing until someone pages it.
 *
 * Details are kept in TaskDetailNo order (numbers are handed out increasing), which is the order pages return.
 */
import { randomUUID } from "node:crypto";
import { TASK_STATUSES, type TaskStatus } from "../sdk/api/schemas";
import { EmulatorSpecError } from "./spec-schemas";
import { StatusIndex, statusCodeAt } from "./status-index";
import { DEFAULT_FAIL_REASON } from "./task-types";
import type { DetailSpec, NowSource, TaskSpec } from "./types";

export interface StoredDetail {
  /** Sent as a string of digits; numbers only grow, so TaskDetailNo order is insertion order. */
  taskDetailNo: number;
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
  /** Undefined: the language-dependent default for a failure. */
  errorMsg?: string;
  tryCount: number;
}

export interface StoredTask {
  taskNo: string;
  taskType: string;
  createdAt: number;
  details: StoredDetail[];
  /** Indexes into `details` for the DomainName and InstanceId filters, built on first use (see `indexOf`). */
  byDomain?: Map<string, number[]>;
  byInstance?: Map<string, number[]>;
  /** For the TaskStatus filter, built on first use (see `statusIndexOf`). */
  statusIndex?: StatusIndex;
}

export const instanceIdOf = (detail: StoredDetail): string => detail.instanceId ?? `S${detail.taskDetailNo}`;

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
  private nextDetailNo = 10_000_001;

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
    const task: StoredTask = { taskNo, taskType: spec.taskType ?? "CHG_DNS", createdAt, details: [] };
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
    const taskDetailNo = this.nextDetailNo++;
    const startAt = createdAt + (spec.startAfterSeconds ?? 0) * 1000;
    const finishAt = Math.max(startAt, createdAt + (spec.finishAfterSeconds ?? 0) * 1000);
    const succeeds = spec.outcome !== "failure";
    return {
      taskDetailNo,
      domainName: spec.domainName,
      instanceId: spec.instanceId,
      startAt,
      finishAt,
      succeeds,
      taskResult: spec.taskResult ?? "",
      failReason: succeeds ? "" : (spec.failReason ?? DEFAULT_FAIL_REASON),
      errorMsg: succeeds ? "" : spec.errorMsg,
      tryCount: spec.tryCount ?? 1,
    };
  }
}
