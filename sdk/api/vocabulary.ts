/**
 * The service's vocabulary for QueryTaskDetailList, zod-free, so every side can import it cheaply: the SDK's
 * schemas, the CLI's flag parsing and the emulator all use these, and none keeps a copy. (The products and
 * their API versions are sdk/endpoint.ts's PRODUCTS.)
 */
import type { TaskStatus } from "../models";

/** The four documented task states, in the order of their TaskStatusCode (0-3). */
export const TASK_STATUSES = ["WAITING_EXECUTE", "EXECUTING", "EXECUTE_SUCCESS", "EXECUTE_FAILURE"] as const satisfies readonly TaskStatus[];

/** Terminal states: the Domain API never moves a detail out of these. */
export const isTerminalStatus = (status: string): boolean =>
  status === "EXECUTE_SUCCESS" || status === "EXECUTE_FAILURE";

/** True for the four documented states; a detail with any other TaskStatus counts as UNKNOWN. */
export const isKnownStatus = (status: string): status is TaskStatus =>
  (TASK_STATUSES as readonly string[]).includes(status);

/** Status name <-> TaskStatusCode (the request's `TaskStatus` filter takes the code). */
export const statusCode = (status: TaskStatus): number => TASK_STATUSES.indexOf(status);

/** The largest PageSize the Domain API accepts. */
export const MAX_PAGE_SIZE = 1000;
