/**
 * ANSI styling that switches off completely: with colours off every function returns its input untouched,
 * so output sent to a log or a pipe never contains a control character.
 */
import { stripVTControlCharacters } from "node:util";

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const wrap = (open: number, close: number) => (text: string): string => `\u001b[${open}m${text}\u001b[${close}m`;

const plain = (text: string): string => text;

export const createStyle = (enabled: boolean): Style =>
  enabled
    ? { enabled, bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) }
    : { enabled, bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };

/** Removes ANSI escapes, to measure the printed width of a styled string (Node's own stripper, which knows them all). */
export const stripAnsi = (text: string): string => stripVTControlCharacters(text);

/** Colours a task status by what it means: green done, red failed, yellow running, dim waiting. */
export const styleStatus = (style: Style, status: string): string => {
  switch (status) {
    case "EXECUTE_SUCCESS": return style.green(status);
    case "EXECUTE_FAILURE": return style.red(status);
    case "EXECUTING": return style.yellow(status);
    case "WAITING_EXECUTE": return style.dim(status);
    default: return style.red(status);
  }
};

/**
 * The environment with `--color` / `--no-color` applied, in the terms colorEnabled (cli/io.ts) already reads:
 * `--no-color` is NO_COLOR=1, `--color` is FORCE_COLOR=1; without either flag the environment is unchanged.
 */
export const envWithColorFlag = (
  values: Readonly<Record<string, string | boolean>>,
  env: Record<string, string | undefined>,
): Record<string, string | undefined> => {
  if (values.color === false) return { ...env, NO_COLOR: "1", FORCE_COLOR: undefined };
  if (values.color === true) return { ...env, NO_COLOR: undefined, FORCE_COLOR: "1" };
  return env;
};
