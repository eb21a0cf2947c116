/**
 * `-o json`: the task outcome (the SDK's TaskOutcome, validated by test/support/output-schema.ts in the tests),
 * pretty-printed, one document per run. Its shape is documented in docs/cli.md and kept stable.
 */
import type { TaskOutcome } from "../../sdk/outcome";

export const renderJson = (outcome: TaskOutcome): string => `${JSON.stringify(outcome, null, 2)}\n`;
