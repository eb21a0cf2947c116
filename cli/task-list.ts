/**
 * The TaskNos a multi-task `wait` gates on: the arguments, plus one per line of `--tasks-from FILE` (or `-`,
 * standard input). Blank lines and `#` comments are skipped; a TaskNo given twice is waited for once.
 */
import { readFileSync } from "node:fs";
import { UsageError, quote } from "./usage-error";

const readAll = async (stream: NodeJS.ReadableStream): Promise<string> => {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
};

export const readTaskNos = async (
  positionals: readonly string[],
  from: string | boolean | undefined,
  stdin: NodeJS.ReadableStream,
  command: string,
): Promise<string[]> => {
  const listed: string[] = [];
  if (typeof from === "string") {
    let text: string;
    try {
      text = from === "-" ? await readAll(stdin) : readFileSync(from, "utf8");
    } catch (error) {
      throw new UsageError(`--tasks-from ${quote(from)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): give a file with one TaskNo per line, or - for standard input.`, command);
    }
    for (const line of text.split(/\r?\n/)) {
      const taskNo = line.replace(/#.*/, "").trim();
      if (taskNo !== "") listed.push(taskNo);
    }
    if (listed.length === 0) throw new UsageError(`--tasks-from ${quote(from)} holds no TaskNo: give one per line.`, command);
  }
  for (const arg of positionals) {
    if (arg.trim() === "") throw new UsageError(`<taskNo> ${quote(arg)} is empty: give the TaskNo that the SaveSingleTaskFor*/SaveBatchTaskFor* call returned.`, command);
    listed.push(arg.trim());
  }
  return [...new Set(listed)];
};
