/**
 * `domain-tasks get <taskNo>`: every detail of a task, as a table, the outcome JSON, or JSON lines
 * streamed page by page.
 */
import { summarizeTask } from "../../sdk/outcome";
import { listTaskDetails, paginateTaskDetails } from "../../sdk/pager";
import type { ParsedArgs } from "../args";
import { createClient, parseGlobalOptions } from "../client";
import { ExitCode } from "../exit-codes";
import { colorEnabled, type Io } from "../io";
import { parseOutput, parsePageSize, parseQuery } from "../query";
import { renderJson } from "../render/json";
import { renderJsonLines } from "../render/jsonl";
import { createStyle } from "../render/style";
import { renderTable } from "../render/table";

export const runGet = async (args: ParsedArgs, io: Io): Promise<number> => {
  const globals = parseGlobalOptions(args.values, "get");
  const query = parseQuery(args.positionals, args.values, "get");
  const pageSize = parsePageSize(args.values["page-size"], "get");
  const output = parseOutput(args.values.output, io.stdout.isTTY === true, "get");
  const client = await createClient(globals, io);

  if (output === "jsonl") {
    for await (const page of paginateTaskDetails(client, query, { pageSize, signal: io.signal }).byPage()) {
      io.stdout.write(renderJsonLines(page));
    }
    return ExitCode.OK;
  }

  const { details, anomalies } = await listTaskDetails(client, query, { pageSize, signal: io.signal });
  for (const anomaly of anomalies) io.stderr.write(`domain-tasks: warning: ${anomaly}\n`);
  const outcome = summarizeTask(query.taskNo, details);
  const filtered = query.taskStatus !== undefined || query.domainName !== undefined || query.instanceId !== undefined;
  if (outcome.total === 0 && !filtered) {
    // The API answers an unknown TaskNo like a task without details: say what to check instead of a bare 0.
    io.stderr.write(`domain-tasks: warning: no details found for TaskNo ${JSON.stringify(query.taskNo)}: check the TaskNo and --product ` +
      "(domain or domain-intl); a task submitted a moment ago may need a few seconds to show its details.\n");
  }
  io.stdout.write(output === "json"
    ? renderJson(outcome)
    : renderTable(outcome, { rows: "all", style: createStyle(colorEnabled(io.stdout, io.env)) }));
  return ExitCode.OK;
};
