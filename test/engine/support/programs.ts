/**
 * Pulumi programs the tests write (beside the examples): a TypeScript project whose index.ts is `source`, which
 * imports the package by name as a user's program does.
 */
export function program(name: string, source: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "Pulumi.yaml": `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
    "package.json": JSON.stringify({ name, private: true, main: "index.ts" }, null, 2),
    "index.ts": source,
    ...extra,
  };
}

/** A DomainTask gating on config `taskNo`, its settings from config, exporting what the state records. */
export const gateProgram = (name: string): Record<string, string> =>
  program(
    name,
    `import * as pulumi from "@pulumi/pulumi";
import { DomainTask, type WaitMode } from "pulumi-alicloud-domain-tasks";

const config = new pulumi.Config();
const task = new DomainTask("gate", {
  taskNo: config.require("taskNo"),
  waitFor: (config.get("waitFor") as WaitMode | undefined) ?? "success",
  failFast: config.getBoolean("failFast") ?? false,
  timeoutSeconds: config.getNumber("timeoutSeconds") ?? 600,
  minDelaySeconds: 1,
  maxDelaySeconds: 2,
  triggers: config.get("trigger") ? [config.get("trigger")] : undefined,
});
export const status = task.status;
export const succeeded = task.succeeded;
export const failed = task.failed.apply((f) => f.map((d) => ({ domainName: d.domainName, failReason: d.failReason })));
`,
  );
