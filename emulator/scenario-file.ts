/** Loads a scenario or a fault config: an object as given, or a JSON file (validated, with the file named in any error). */
import { readFileSync } from "node:fs";
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

export const loadScenario = (scenario: Scenario | string): Scenario => {
  if (typeof scenario !== "string") return parseScenario(scenario);
  return parseScenario(readJsonFile(scenario, "scenario file"), `scenario file ${scenario}`);
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
