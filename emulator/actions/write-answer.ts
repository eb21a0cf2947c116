/**
 * What every write action answers once it has created its task, with the write quirks applied: a gateway that
 * replays the TaskNo of the write before (`staleTaskNo`), a success body that also carries `Code: "200"`
 * (`successCode200`), and a task whose details lag behind it (`detailsAppearEverySeconds`). One place for all
 * of them, so a new write action gets each quirk by being declared a write (./index.ts).
 */
import type { TaskStore } from "../task-store";
import type { WriteQuirks } from "../types";

export interface WriteAnswer {
  /** The body to send, RequestId aside. */
  body: Record<string, unknown>;
  /** The task the write really created (the request log records it). */
  createdTaskNo: string;
}

/** The answer to a write that created `created`; `lastCreated` remembers each action's previous task. */
export const answerWrite = (
  action: string,
  created: string,
  quirks: WriteQuirks,
  ctx: { store: TaskStore; lastCreated: Map<string, string> },
): WriteAnswer => {
  const previous = ctx.lastCreated.get(action);
  ctx.lastCreated.set(action, created);
  if (quirks.detailsAppearEverySeconds !== undefined) {
    const task = ctx.store.get(created)!;
    task.quirks = { ...task.quirks, listedOneEverySeconds: quirks.detailsAppearEverySeconds };
  }
  const taskNo = quirks.staleTaskNo && previous !== undefined ? previous : created;
  return { body: { TaskNo: taskNo, ...(quirks.successCode200 && { Code: "200", Success: true }) }, createdTaskNo: created };
};
