/**
 * `-o jsonl`: one task detail per line (JSON Lines), written as each page arrives, so a task with many
 * thousands of domains streams through `grep`/`jq -c` without being held in memory.
 */
import type { TaskDetail } from "../../sdk/api/schemas";

export const renderJsonLines = (details: readonly TaskDetail[]): string =>
  details.map((detail) => `${JSON.stringify(detail)}\n`).join("");
