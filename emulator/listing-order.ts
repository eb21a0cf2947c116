/**
 * The order a task's details are listed in. By default the order they were seeded in, stable between requests:
 * paging by PageNum needs a stable order, and nothing public says which order the real service uses (FACTS.md),
 * so TaskDetailNo (a hash) is not sorted in it and a client cannot come to rely on either. The `listingOrder`
 * quirk offers others; each is deterministic, so a test that fails can be replayed.
 */
import { createHash } from "node:crypto";
import type { StoredTask } from "./task-store";
import type { Quirks } from "./types";

/** Position of the i-th listed detail. */
export type Order = (i: number) => number;

/** A 32-bit PRNG (mulberry32) seeded from text: small, fast, and the same sequence on every machine. */
const randomFrom = (seedText: string): (() => number) => {
  let state = createHash("sha256").update(seedText).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** A Fisher-Yates permutation of 0..n-1 from the seed. */
const permutation = (n: number, seedText: string): Int32Array => {
  const random = randomFrom(seedText);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
};

const shuffledOnce = new WeakMap<StoredTask, Int32Array>();

/** The listing order for this task and answer; undefined when it is the seeded order. */
export const listingOrderOf = (task: StoredTask, quirks: Quirks, answer: number): Order | undefined => {
  const n = task.details.length;
  switch (quirks.listingOrder) {
    case "reverse":
      return (i) => n - 1 - i;
    case "shuffled": {
      if (shuffledOnce.get(task)?.length !== n) shuffledOnce.set(task, permutation(n, task.taskNo));
      const order = shuffledOnce.get(task)!;
      return (i) => order[i];
    }
    case "reshuffled": {
      const order = permutation(n, `${task.taskNo}#${answer}`);
      return (i) => order[i];
    }
    default:
      return undefined;
  }
};
