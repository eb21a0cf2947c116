/** The waiter: poll a task until every detail is terminal (or the first failure), verified. */
export { waitForTask, MAX_UNVERIFIED_POLLS } from "./wait";
export { TimeoutError } from "./timeout-error";
export { waitForTasks, type TaskWaitResult } from "./wait-many";
export { pollDelayMs } from "./poll-delay";
export { WAIT_DEFAULTS, MAX_DELAY_SECONDS } from "./settings";
export { knownCounts, type WaitOptions, type WaitProgress, type WaitState, type WaitUntil } from "./models";
