/** The verified read: one read of a task, cross-examined, and its outcome - or why it cannot be trusted. */
export { readTaskOutcome, type ReadTaskOptions } from "./read-task";
