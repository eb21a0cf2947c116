/**
 * Loads a scenario or a fault config: an object as given, a JSON file, or the name of a scenario bundled with the
 * package (`demo`), validated, with the file named in any error.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { EmulatorSpecError, parseFaultConfig, parseScenario } from "./spec-schemas";
import type { FaultConfig, Scenario } from "./types";

const readJsonFile = (path: string, what: string): unknown => {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new EmulatorSpecError(`${what} ${path}`, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EmulatorSpecError(`${what} ${path}`, `not JSON (${(error as Error).message})`);
  }
};

/** emulator/scenarios, found upward from this module: beside the sources in a clone, beside dist/ when installed. */
const bundledDir = (): string | undefined => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, "scenarios");
    if (existsSync(join(candidate, "demo.json"))) return candidate;
    const packaged = join(dir, "emulator", "scenarios");
    if (existsSync(join(packaged, "demo.json"))) return packaged;
    if (dirname(dir) === dir) return undefined;
  }
};

/** The names of the bundled scenarios (`demo`, ...). */
export const bundledScenarioNames = (): string[] => {
  const dir = bundledDir();
  return dir ? readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort() : [];
};

/** A path as given when it exists; otherwise a bundled scenario's file when `name` is one (`demo`). */
export const resolveScenarioPath = (name: string): string => {
  if (existsSync(name) || !/^[A-Za-z0-9_-]+$/.test(name)) return name;
  const dir = bundledDir();
  const bundled = dir && join(dir, `${name}.json`);
  if (bundled && existsSync(bundled)) return bundled;
  throw new EmulatorSpecError(
    `scenario ${JSON.stringify(name)}`,
    `no such file, and no bundled scenario of that name. Give a JSON file's path, or one of: ${bundledScenarioNames().join(", ") || "(none found)"}`,
  );
};

export const loadScenario = (scenario: Scenario | string): Scenario => {
  if (typeof scenario !== "string") return parseScenario(scenario);
  const path = resolveScenarioPath(scenario);
  return parseScenario(readJsonFile(path, "scenario file"), `scenario file ${path}`);
};

/** A FaultConfig JSON file (`--faults FILE`): latency, rules, quirks, taskQuirks. */
export const loadFaultConfig = (path: string): FaultConfig => {
  const value = readJsonFile(path, "faults file");
  try {
    return parseFaultConfig(value);
  } catch (error) {
    throw new EmulatorSpecError(`faults file ${path}`, (error as Error).message.replace(/^Invalid fault config: /, ""));
  }
};
