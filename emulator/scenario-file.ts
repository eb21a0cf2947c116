/** Loads a scenario: an object as given, or a JSON file (validated, with the file named in any error). */
import { readFileSync } from "node:fs";
import { EmulatorSpecError, parseScenario } from "./spec-schemas";
import type { Scenario } from "./types";

export const loadScenario = (scenario: Scenario | string): Scenario => {
  if (typeof scenario !== "string") return parseScenario(scenario);
  let text: string;
  try {
    text = readFileSync(scenario, "utf8");
  } catch (error) {
    throw new EmulatorSpecError(`scenario file ${scenario}`, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new EmulatorSpecError(`scenario file ${scenario}`, `not JSON (${(error as Error).message})`);
  }
  return parseScenario(value, `scenario file ${scenario}`);
};
