/**
 * `-o json` written as it is produced: the details stream into the document as pages arrive (memory stays
 * O(pages in flight), however large the task), then the outcome's other fields close it. The document is the
 * TaskOutcome (test/support/output-schema.ts), its `details` first; one detail per line.
 */
import type { TaskDetail } from "../../sdk/api/schemas";
import type { TaskOutcome } from "../../sdk/outcome";

/**
 * Failures `-o json` lists in `failed` (the rest counted in `failedOmitted`), as the DomainTask state does: each
 * is in `details` too, in full, and listing all of a 200,000-detail failure twice held 400 MB.
 */
export const JSON_FAILED_KEPT = 1000;

export interface JsonDocument {
  /** The opening, and each detail as it comes. */
  details(details: readonly TaskDetail[]): string;
  /** The rest of the outcome (its own `details` ignored: they were streamed), closing the document. */
  end(outcome: TaskOutcome): string;
  /** Closes the document after an error, so it still parses: the details so far and `error` ("" if none was opened). */
  abort(message: string): string;
}

export const jsonDocument = (): JsonDocument => {
  let opened = false;
  let count = 0;
  const open = (): string => {
    if (opened) return "";
    opened = true;
    return "{\n  \"details\": [";
  };
  const closeDetails = (): string => `${open()}${count > 0 ? "\n  " : ""}]`;
  return {
    details: (details) => {
      let out = open();
      for (const d of details) out += `${count++ === 0 ? "" : ","}\n    ${JSON.stringify(d)}`;
      return out;
    },
    end: (outcome) => {
      const { details: _streamed, ...rest } = outcome;
      const fields = JSON.stringify({ ...rest, detailsOmitted: 0 }, null, 2).slice(1); // without its "{"
      return `${closeDetails()},${fields}\n`;
    },
    abort: (message) => (opened ? `${closeDetails()},\n  "error": ${JSON.stringify(message)}\n}\n` : ""),
  };
};
