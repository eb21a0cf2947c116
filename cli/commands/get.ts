/**
 * `domain-tasks get <taskNo>`: one verified read of a task (the SDK's readTaskOutcome), as a table, the
 * outcome JSON, or JSON lines. Every format streams the details as they are read, with backpressure, so
 * memory stays O(pages in flight) however large the task (the table holds its first page, for the widths);
 * the verdict on the read comes last (exit 3 when the service's answers never verified).
 */
import { InconsistentAnswerError } from "../../sdk/errors";
import type { TaskOutcome } from "../../sdk/outcome";
import { readTaskOutcome } from "../../sdk/read";
import type { ParsedArgs } from "../args";
import { createClient, parseGlobalOptions } from "../client";
import { debugApi } from "../debug";
import { ExitCode } from "../exit-codes";
import { colorEnabled, type Io } from "../io";
import { parseOutput, parsePageSize, parseQuery } from "../query";
import { JSON_FAILED_KEPT, jsonDocument } from "../render/json-stream";
import { renderJsonLines } from "../render/jsonl";
import { createStyle, envWithColorFlag } from "../render/style";
import { tableWidth } from "../render/table";
import { HELD_DETAILS, tableStream } from "../render/table-stream";
import { writeOut } from "../write-out";

export const runGet = async (args: ParsedArgs, io: Io): Promise<number> => {
  const globals = parseGlobalOptions(args.values, "get");
  const query = parseQuery(args.positionals, args.values, "get");
  const pageSize = parsePageSize(args.values["page-size"], "get");
  const output = parseOutput(args.values.output, io.stdout.isTTY === true, "get");
  const client = debugApi(await createClient(globals, io), args.values, io.stderr);
  const env = envWithColorFlag(args.values, io.env);
  const doc = jsonDocument();
  const table = tableStream({ width: tableWidth(io.stdout), style: createStyle(colorEnabled(io.stdout, env)) });
  const onDetails = output === "json"
    ? (details: Parameters<typeof doc.details>[0]) => writeOut(io.stdout, doc.details(details))
    : output === "jsonl" ? (details: Parameters<typeof renderJsonLines>[0]) => writeOut(io.stdout, renderJsonLines(details))
    : (details: Parameters<typeof table.rows>[0]) => writeOut(io.stdout, table.rows(details));
  // What the outcome keeps beside the stream: -o json prints the first failures; a table small enough to hold is printed
  // from the verified read's own details; jsonl prints no outcome.
  const keep = output === "json" ? { keepDetails: 0, keepFailed: JSON_FAILED_KEPT } : output === "table" ? { keepDetails: HELD_DETAILS, keepFailed: 0 } : { keepDetails: 0, keepFailed: 0 };

  let outcome: TaskOutcome;
  try {
    outcome = await readTaskOutcome(client, query, { pageSize, signal: io.signal, onDetails, ...keep });
  } catch (error) {
    if (output === "json") {
      const shown = InconsistentAnswerError.isInstance(error) && error.lastOutcome !== undefined;
      await writeOut(io.stdout, shown ? doc.end(error.lastOutcome as TaskOutcome) : doc.abort(error instanceof Error ? error.message : String(error)))
        .catch(() => undefined); // the error being reported matters more than a failed write of it
    }
    throw error;
  }
  for (const anomaly of outcome.anomalies) io.stderr.write(`domain-tasks: warning: ${anomaly}\n`);
  const filtered = query.taskStatus !== undefined || query.domainName !== undefined || query.instanceId !== undefined;
  if (outcome.total === 0 && !filtered) {
    // The API answers an unknown TaskNo like a task without details: say what to check instead of a bare 0.
    io.stderr.write(`domain-tasks: warning: no details found for TaskNo ${JSON.stringify(query.taskNo)}: check the TaskNo and --product ` +
      "(domain or domain-intl); a task submitted a moment ago may need a few seconds to show its details.\n");
  }
  if (output === "json") await writeOut(io.stdout, doc.end(outcome));
  else if (output === "table") await writeOut(io.stdout, table.end(outcome));
  return ExitCode.OK;
};
