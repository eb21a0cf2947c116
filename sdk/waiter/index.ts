/** The waiter: poll a task until every detail is terminal. */
export { waitForTask, type LastWaitState } from "./wait";
export { backoffDelayMs } from "./backoff";
export type { WaitOptions, WaitProgress } from "./models";
