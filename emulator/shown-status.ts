/**
 * The status a detail is shown with on one answer. Only `failureFlicker` changes it here, because the TaskStatus
 * filter follows it (a flickering service believes what it shows); quirks that merely mislabel the wire fields
 * are in wire-detail.ts.
 */
import type { TaskStatus } from "../sdk/api/schemas";
import { detailStatus, type StoredDetail } from "./task-store";
import type { Quirks } from "./types";

export const shownStatus = (d: StoredDetail, now: number, quirks: Quirks, answer: number): TaskStatus => {
  const status = detailStatus(d, now);
  return quirks.failureFlicker && status === "EXECUTE_FAILURE" && answer % 2 === 0 ? "EXECUTING" : status;
};
