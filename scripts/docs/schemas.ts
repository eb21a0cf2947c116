/**
 * JSON Schemas for the two JSON documents users write or read: a scenario file for the emulator
 * (docs/schemas/scenario.schema.json, from the zod schema the emulator itself validates with) and the
 * `-o json` outcome of `domain-tasks get` / `wait` (docs/schemas/outcome.schema.json, from the schema the
 * CLI's tests check real output against). Generated with zod's own converter, so they cannot drift from
 * what the code accepts and prints.
 */
import { z } from "zod";
import { SetNsOutputSchema, TaskOutcomeOutputSchema, WaitManyOutputSchema } from "../../test/support/output-schema";
import { ScenarioSchema } from "../../emulator/spec-schemas";
import type { GeneratedFiles } from "./sections";

interface SchemaDoc {
  file: string;
  schema: z.ZodType;
  /** "input": the document a user writes (before defaults); "output": the document the code prints. */
  io: "input" | "output";
  title: string;
  description: string;
}

const DOCS: readonly SchemaDoc[] = [
  {
    file: "docs/schemas/scenario.schema.json",
    schema: ScenarioSchema,
    io: "input",
    title: "domain-tasks emulator scenario",
    description:
      'Tasks (and optionally faults) to seed the emulator with: domain-tasks emulator --scenario FILE, or startEmulator({ scenario }). Put "$schema": "<path to this file>" in a scenario for completion and checks in editors. Generated from emulator/spec-schemas.ts by npm run docs; see docs/emulator.md.',
  },
  {
    file: "docs/schemas/outcome.schema.json",
    schema: TaskOutcomeOutputSchema,
    io: "output",
    title: "domain-tasks -o json outcome",
    description:
      "What domain-tasks get / wait print with -o json: the SDK's TaskOutcome. Each -o jsonl line is one item of details. Generated from test/support/output-schema.ts by npm run docs; see docs/cli.md.",
  },
  {
    file: "docs/schemas/wait-many.schema.json",
    schema: WaitManyOutputSchema,
    io: "output",
    title: "domain-tasks wait -o json, several tasks",
    description:
      "What domain-tasks wait prints with -o json when it gates on several tasks (several TaskNos, --tasks-from or --since, even if that finds one): the combined exit code and each task's verdict and outcome. Each -o jsonl line is one item of tasks. Generated from test/support/output-schema.ts by npm run docs; see docs/cli.md.",
  },
  {
    file: "docs/schemas/set-ns.schema.json",
    schema: SetNsOutputSchema,
    io: "output",
    title: "domain-tasks set-ns -o json (without --wait)",
    description:
      "What domain-tasks set-ns prints with -o json and without --wait: the task of the change and how it came about. With --wait it prints the task's outcome (outcome.schema.json). Generated from test/support/output-schema.ts by npm run docs; see docs/cli.md.",
  },
];

/**
 * zod writes `format: "includes"` next to the pattern it derives from `.includes()`; that is no JSON Schema
 * format, and editors warn about unknown ones. The pattern alone says the same.
 */
const dropNonStandardFormats = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(dropNonStandardFormats);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !(key === "format" && v === "includes"))
      .map(([key, v]) => [key, dropNonStandardFormats(v)]),
  );
};

/** One schema document: `$schema` first, then the title and description, then zod's output. */
export const renderSchema = (doc: SchemaDoc): string => {
  const { $schema, ...body } = z.toJSONSchema(doc.schema, { io: doc.io, unrepresentable: "throw" }) as Record<string, unknown>;
  const schema = { $schema, title: doc.title, description: doc.description, ...(dropNonStandardFormats(body) as object) };
  return `${JSON.stringify(schema, null, 2)}\n`;
};

export const SCHEMA_FILES: GeneratedFiles = {
  folder: "docs/schemas",
  render: () => new Map(DOCS.map((doc) => [doc.file, renderSchema(doc)])),
};
