import { rmSync } from "node:fs";
import { suite } from "./support/suite";

export default function teardown(): void {
  if (process.env.DOMAIN_TASKS_ENGINE_KEEP) {
    process.stdout.write(`engine suite: kept ${suite().root} (DOMAIN_TASKS_ENGINE_KEEP)\n`);
    return;
  }
  rmSync(suite().root, { recursive: true, force: true });
}
