/**
 * The schema the plugin serves (GetSchema): the generated provider/plugin/schema.json with the package's version;
 * valid by Pulumi's schema rules (checked here rule by rule: names and tokens, type shapes, references, required
 * lists, defaults; the engine suite runs Pulumi's own `pulumi package get-schema` and codegen on it); derived from
 * the resources' declarations (inputs, outputs, what replaces, the defaults); and true of what the plugin really
 * returns (every output of a real state has the schema's type). Needs `npm run build`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inputNamesOf } from "../../provider/core/check";
import { PLUGIN_RESOURCES } from "../../provider/plugin/registry";
import { tokenOf } from "../../provider/plugin/package-info";
import { startPluginBench, type PluginBench } from "./fixture";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of the schema

let bench: PluginBench;
let schema: Spec;
beforeAll(async () => {
  bench = await startPluginBench();
  schema = await bench.plugin.getSchema();
});
afterAll(() => bench?.close());

const ROOT = join(__dirname, "../..");
const TOKEN = /^[a-zA-Z][-a-zA-Z0-9_]*:([^0-9][a-zA-Z0-9._/-]*)?:[^0-9][a-zA-Z0-9._/-]*$/;
const PRIMITIVES = ["boolean", "integer", "number", "string"];
const PROPERTY_KEYS = new Set(["type", "items", "additionalProperties", "$ref", "oneOf", "description", "default", "secret", "replaceOnChanges", "willReplaceOnChanges", "deprecationMessage", "const", "language", "defaultInfo", "plain"]);

/** Every problem with one property spec, by Pulumi's type-reference shapes (primitive, array, map, named, union). */
const typeProblems = (spec: Spec, where: string): string[] => {
  const problems = Object.keys(spec).filter((k) => !PROPERTY_KEYS.has(k)).map((k) => `${where}: unknown key ${k}`);
  if (spec.$ref !== undefined) {
    const ref = String(spec.$ref);
    const known = ref === "pulumi.json#/Any" || (ref.startsWith("#/types/") && schema.types[ref.slice("#/types/".length)] !== undefined);
    if (!known) problems.push(`${where}: $ref ${ref} resolves to nothing`);
  } else if (spec.oneOf !== undefined) {
    if (!Array.isArray(spec.oneOf) || spec.oneOf.length < 2) problems.push(`${where}: oneOf needs two or more types`);
    else spec.oneOf.forEach((t: Spec, i: number) => problems.push(...typeProblems(t, `${where}.oneOf[${i}]`)));
  } else if (spec.type === "array") {
    if (spec.items === undefined) problems.push(`${where}: an array without items`);
    else problems.push(...typeProblems(spec.items, `${where}.items`));
  } else if (spec.type === "object") {
    if (spec.additionalProperties !== undefined) problems.push(...typeProblems(spec.additionalProperties, `${where}.additionalProperties`));
  } else if (!PRIMITIVES.includes(spec.type)) problems.push(`${where}: type ${JSON.stringify(spec.type)} is none of ${PRIMITIVES.join(", ")}, array, object`);
  if (spec.default !== undefined) {
    const type = spec.type === "integer" ? "number" : spec.type;
    if (typeof spec.default !== type || (spec.type === "integer" && !Number.isInteger(spec.default))) problems.push(`${where}: default ${JSON.stringify(spec.default)} is no ${spec.type}`);
  }
  return problems;
};

const objectProblems = (properties: Spec, required: string[] | undefined, where: string): string[] => [
  ...Object.entries(properties).flatMap(([name, spec]) => typeProblems(spec as Spec, `${where}.${name}`)),
  ...(required ?? []).filter((name) => !(name in properties)).map((name) => `${where}: required ${name} is no property`),
];

describe("GetSchema", () => {
  it("serves the generated schema with the package's version", () => {
    const generated = JSON.parse(readFileSync(join(ROOT, "provider/plugin/schema.json"), "utf8"));
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(schema).toEqual({ ...generated, version });
  });

  it("follows Pulumi's schema rules", () => {
    const problems: string[] = [];
    if (!/^[a-zA-Z][-a-zA-Z0-9_]*$/.test(schema.name)) problems.push(`name ${schema.name}`);
    for (const section of ["resources", "functions", "types"]) {
      for (const token of Object.keys(schema[section])) if (!TOKEN.test(token)) problems.push(`${section} token ${token}`);
    }
    problems.push(...objectProblems(schema.config.variables, undefined, "config"));
    problems.push(...objectProblems(schema.provider.inputProperties, schema.provider.requiredInputs, "provider.inputs"));
    for (const [token, resource] of Object.entries<Spec>(schema.resources)) {
      problems.push(...objectProblems(resource.inputProperties, resource.requiredInputs, `${token}.inputs`));
      problems.push(...objectProblems(resource.properties, resource.required, `${token}.outputs`));
      // The SDKs generate `id` and `urn` themselves.
      for (const reserved of ["id", "urn"]) if (reserved in resource.properties || reserved in resource.inputProperties) problems.push(`${token}: reserved property ${reserved}`);
    }
    for (const [token, fn] of Object.entries<Spec>(schema.functions)) {
      problems.push(...objectProblems(fn.inputs.properties, fn.inputs.required, `${token}.inputs`));
      problems.push(...objectProblems(fn.outputs.properties, fn.outputs.required, `${token}.outputs`));
    }
    for (const [token, type] of Object.entries<Spec>(schema.types)) {
      if (type.type !== "object") problems.push(`${token}: type ${type.type}`);
      problems.push(...objectProblems(type.properties, type.required, token));
    }
    expect(problems).toEqual([]);
  });

  it("lists each declared resource with exactly its inputs, outputs, replacing inputs and defaults", () => {
    expect(Object.keys(schema.resources).sort()).toEqual(PLUGIN_RESOURCES.map((d) => tokenOf(d.type)).sort());
    for (const declaration of PLUGIN_RESOURCES) {
      const resource = schema.resources[tokenOf(declaration.type)];
      expect(Object.keys(resource.inputProperties).sort()).toEqual(inputNamesOf(declaration.inputs).sort());
      expect(Object.keys(resource.properties)).toEqual([...declaration.outputNames]);
      const replacing = Object.entries<Spec>(resource.inputProperties).filter(([, s]) => s.willReplaceOnChanges).map(([n]) => n);
      expect(replacing.sort()).toEqual([...declaration.changes.replace].sort());
      const defaults = Object.fromEntries(Object.entries<Spec>(resource.inputProperties).filter(([, s]) => s.default !== undefined).map(([n, s]) => [n, s.default]));
      expect(defaults).toEqual(Object.fromEntries(Object.entries(declaration.changes.defaults).filter(([n]) => n in resource.inputProperties)));
    }
  });

  it("has the function and the provider config, credentials secret", () => {
    const fn = schema.functions["alicloud-domain-tasks:index:getTaskDetails"];
    expect(fn.inputs.required).toEqual(["taskNo"]);
    expect(Object.entries<Spec>(fn.inputs.properties).filter(([, s]) => s.secret).map(([n]) => n)).toEqual(["accessKey", "secretKey", "securityToken"]);
    expect(Object.entries<Spec>(schema.config.variables).filter(([, s]) => s.secret).map(([n]) => n)).toEqual(["accessKey", "secretKey", "securityToken"]);
    expect(schema.provider.inputProperties).toEqual(schema.config.variables);
  });

  it("is true of a real state: every output has the schema's type", async () => {
    const taskNo = bench.addTask({ details: [{ domainName: "typed.example.com", outcome: "failure", failReason: "Locked", errorMsg: "E1" }] });
    const { properties } = await bench.plugin.rpc.create(bench.inputs({ taskNo, waitFor: "completion", triggers: ["v1", { n: 1 }] }));
    const resource = schema.resources["alicloud-domain-tasks:index:DomainTask"];
    const mismatches: string[] = [];
    const check = (value: unknown, spec: Spec, where: string) => {
      if (value === null) return;
      if (spec.$ref === "pulumi.json#/Any") return;
      if (spec.$ref) {
        const type = schema.types[String(spec.$ref).slice("#/types/".length)];
        for (const [k, v] of Object.entries(value as object)) check(v, type.properties[k] ?? { type: "missing" }, `${where}.${k}`);
        return;
      }
      if (spec.oneOf) return void (spec.oneOf.some((t: Spec) => typeof value === (t.type === "integer" ? "number" : t.type)) || mismatches.push(where));
      if (spec.type === "array") return Array.isArray(value) ? value.forEach((v, i) => check(v, spec.items, `${where}[${i}]`)) : void mismatches.push(where);
      if (spec.type === "object") return Object.entries(value as object).forEach(([k, v]) => check(v, spec.additionalProperties ?? { type: "string" }, `${where}.${k}`));
      const ok = spec.type === "integer" ? Number.isInteger(value) : typeof value === spec.type;
      if (!ok) mismatches.push(`${where}: ${JSON.stringify(value)} is no ${spec.type}`);
    };
    for (const [name, value] of Object.entries(properties)) check(value, resource.properties[name] ?? { type: "missing" }, name);
    expect(mismatches).toEqual([]);
    expect(resource.required.filter((name: string) => properties[name] === null || properties[name] === undefined)).toEqual([]);
  });
});
