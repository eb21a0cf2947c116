/**
 * provider/plugin/schema.json: the plugin's Pulumi package schema, derived from the same definitions as the
 * TypeScript surface, so the two cannot drift: each property's name, optionality and description from the
 * resource's Args interface and class (TSDoc), its type from the resource's plain inputs and state types, what a
 * change replaces and the defaults from the resource's declaration on the provider core, the function from
 * getTaskDetails' args and result, the provider config from PluginConfig. `npm run docs` writes it; the plugin serves
 * it from GetSchema; test/scripts/gen-docs.test.ts fails when it is stale.
 *
 * Types map as: string / string literals -> string; number -> number, or integer where the value is a count or
 * code (INTEGERS); boolean -> boolean; T[] -> array; unknown -> pulumi.json#/Any; a Record (StatusCounts, domain ->
 * name servers) -> a map; TaskDetail and FailedDetail -> object types; `number | string` -> a union.
 */
import { join } from "node:path";
import ts from "typescript";
import type { ResourceDeclaration } from "../../provider/core/declaration";
import { SECRET_SETTINGS } from "../../provider/plugin/config";
import { PLUGIN_PACKAGE, tokenOf } from "../../provider/plugin/package-info";
import { PLUGIN_RESOURCES } from "../../provider/plugin/registry";
import type { GeneratedFiles } from "./sections";

const ROOT = join(__dirname, "..", "..");
export const PLUGIN_SCHEMA_FILE = "provider/plugin/schema.json";

/** Where each resource's TypeScript surface is: its module (class and Args), plain inputs and state. */
const SURFACES: Record<string, { module: string; className: string; args: string; inputs: [string, string]; state: [string, string] }> = {
  DomainTask: {
    module: "provider/domain-task.ts", className: "DomainTask", args: "DomainTaskArgs",
    inputs: ["provider/inputs.ts", "DomainTaskInputs"], state: ["provider/outputs.ts", "DomainTaskState"],
  },
  DomainNameServers: {
    module: "provider/name-servers/resource.ts", className: "DomainNameServers", args: "DomainNameServersArgs",
    inputs: ["provider/name-servers/inputs.ts", "NameServersInputs"], state: ["provider/name-servers/state.ts", "NameServersState"],
  },
};
const FUNCTION = { module: "provider/task-details.ts", member: "getTaskDetails", args: "GetTaskDetailsArgs", result: "GetTaskDetailsResult", description: "readTaskDetails" };
const CONFIG = { module: "provider/plugin/config.ts", name: "PluginConfig" };
/** Object types in the schema, by their TypeScript interface's name. */
const OBJECT_TYPES = ["TaskDetail", "FailedDetail"];
/** Properties whose numbers are whole: counts, codes, sizes. */
const INTEGERS = new Set(["taskStatus", "maxDetails", "statusCode", "total", "failedOmitted", "detailsOmitted", "taskStatusCode", "tryCount", "pageSize", "counts"]);
/** Function arguments that are credentials. */
const SECRET_ARGS = new Set(["accessKey", "secretKey", "securityToken"]);

type Spec = Record<string, unknown>;

class SchemaBuilder {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;
  readonly types: Record<string, Spec> = {};

  constructor() {
    const files = [...Object.values(SURFACES).flatMap((s) => [s.module, s.inputs[0], s.state[0]]), FUNCTION.module, CONFIG.module];
    this.program = ts.createProgram(files.map((f) => join(ROOT, f)), { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true });
    this.checker = this.program.getTypeChecker();
  }

  /** An exported symbol of a module. */
  symbol(module: string, name: string): ts.Symbol {
    const source = this.program.getSourceFile(join(ROOT, module));
    const moduleSymbol = source && this.checker.getSymbolAtLocation(source);
    const found = moduleSymbol && this.checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
    if (!found) throw new Error(`${module} exports no ${name}`);
    return found.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(found) : found;
  }

  /** The properties of an interface, class or type alias (inherited ones included), by name. */
  members(module: string, name: string): Map<string, ts.Symbol> {
    const type = this.checker.getDeclaredTypeOfSymbol(this.symbol(module, name));
    return new Map(this.checker.getPropertiesOfType(type).map((p) => [p.name, p]));
  }

  doc(symbol: ts.Symbol | undefined): string {
    // `{@link X}` is TSDoc; the schema's descriptions are Markdown.
    return symbol ? ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).replace(/\{@link ([^}]+)\}/g, "`$1`").trim() : "";
  }

  /** A module's own documentation: its first comment. */
  moduleDoc(module: string): string {
    const text = this.program.getSourceFile(join(ROOT, module))!.text;
    const comment = /^\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? "";
    return comment.split("\n").map((l) => l.replace(/^\s*\* ?/, "")).join("\n").trim();
  }

  typeOf(symbol: ts.Symbol): ts.Type {
    return this.checker.getTypeOfSymbol(symbol);
  }

  optional(symbol: ts.Symbol): boolean {
    return (symbol.flags & ts.SymbolFlags.Optional) !== 0;
  }

  /** Whether a value of the type may be absent (null or undefined). */
  nullable(type: ts.Type): boolean {
    return type.isUnion() && type.types.some((t) => t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined));
  }

  /** The schema type of a TypeScript type (see the module documentation). */
  spec(type: ts.Type, name: string): Spec {
    const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    if (parts.length > 1 && parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: "boolean" };
    if (parts.every((t) => t.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral))) return { type: "string" };
    if (parts.every((t) => t.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral))) return { type: INTEGERS.has(name) ? "integer" : "number" };
    if (parts.length > 1) {
      const members = [...new Map(parts.map((t) => this.spec(t, name)).map((s) => [JSON.stringify(s), s])).values()];
      return members.length === 1 ? members[0] : { oneOf: members };
    }
    const only = parts[0];
    if (only.flags & ts.TypeFlags.Boolean || only.flags & ts.TypeFlags.BooleanLiteral) return { type: "boolean" };
    if (only.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return { $ref: "pulumi.json#/Any" };
    if (this.checker.isArrayType(only)) return { type: "array", items: this.spec(this.checker.getTypeArguments(only as ts.TypeReference)[0], name) };
    const named = only.aliasSymbol?.name ?? only.getSymbol()?.name ?? "";
    if (OBJECT_TYPES.includes(named)) return { $ref: `#/types/${this.objectType(only, named)}` };
    const properties = this.checker.getPropertiesOfType(only);
    const indexed = this.checker.getIndexInfosOfType(only)[0]?.type;
    const valueType = indexed ?? (properties.length > 0 ? this.typeOf(properties[0]) : undefined);
    if (valueType) return { type: "object", additionalProperties: this.spec(valueType, name) };
    throw new Error(`no schema type for ${name}: ${this.checker.typeToString(type)}`);
  }

  /** Registers an object type (its properties, from its interface) and returns its token. */
  private objectType(type: ts.Type, name: string): string {
    const token = tokenOf(name);
    if (!this.types[token]) {
      this.types[token] = {};
      const properties = this.checker.getPropertiesOfType(type);
      this.types[token] = {
        type: "object",
        description: this.doc(type.getSymbol()),
        properties: Object.fromEntries(properties.map((p) => [p.name, this.property(p, this.typeOf(p))])),
        required: properties.filter((p) => !this.optional(p) && !this.nullable(this.typeOf(p))).map((p) => p.name),
      };
    }
    return token;
  }

  /** A property's spec: its type and description (and whatever `extra` adds). */
  property(symbol: ts.Symbol, type: ts.Type, description = this.doc(symbol), extra: Spec = {}): Spec {
    return { ...this.spec(type, symbol.name), ...(description && { description }), ...extra };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each declaration has its own inputs and state
const resourceSpec = (builder: SchemaBuilder, declaration: ResourceDeclaration<any, any>): Spec => {
  const surface = SURFACES[declaration.type];
  if (!surface) throw new Error(`scripts/docs/plugin-schema.ts has no TypeScript surface for ${declaration.type}: add it to SURFACES`);
  const args = builder.members(surface.module, surface.args);
  const outputs = builder.members(surface.module, surface.className);
  const inputTypes = builder.members(...surface.inputs);
  const stateTypes = builder.members(...surface.state);
  const inputProperties = Object.fromEntries([...args].map(([name, symbol]) => {
    const fallback = declaration.changes.defaults[name];
    return [name, builder.property(inputTypes.get(name)!, builder.typeOf(inputTypes.get(name)!), builder.doc(symbol), {
      ...(fallback !== undefined && { default: fallback }),
      ...(declaration.changes.replace.includes(name) && { willReplaceOnChanges: true }),
    })];
  }));
  const properties = Object.fromEntries(declaration.outputNames.map((name) => {
    const stateType = stateTypes.get(name);
    if (!stateType) throw new Error(`${surface.state[1]} has no ${name}`);
    return [name, builder.property(stateType, builder.typeOf(stateType), builder.doc(outputs.get(name)) || builder.doc(args.get(name)))];
  }));
  return {
    description: builder.moduleDoc(surface.module),
    inputProperties,
    requiredInputs: [...args].filter(([, s]) => !builder.optional(s)).map(([name]) => name),
    properties,
    required: declaration.outputNames.filter((name) => !builder.nullable(builder.typeOf(stateTypes.get(name)!))),
  };
};

const functionSpec = (builder: SchemaBuilder): Spec => {
  const args = builder.members(FUNCTION.module, FUNCTION.args);
  const result = builder.members(FUNCTION.module, FUNCTION.result);
  const fields = (members: Map<string, ts.Symbol>, secret: (name: string) => boolean) =>
    Object.fromEntries([...members].map(([name, s]) => [name, builder.property(s, builder.typeOf(s), undefined, secret(name) ? { secret: true } : {})]));
  return {
    description: builder.doc(builder.symbol(FUNCTION.module, FUNCTION.description)),
    inputs: { properties: fields(args, (n) => SECRET_ARGS.has(n)), required: [...args].filter(([, s]) => !builder.optional(s)).map(([n]) => n) },
    outputs: { properties: fields(result, () => false), required: [...result].filter(([, s]) => !builder.optional(s) && !builder.nullable(builder.typeOf(s))).map(([n]) => n) },
  };
};

/** The schema, without its version (GetSchema adds the package's). */
export const renderPluginSchema = (): Spec => {
  const builder = new SchemaBuilder();
  const settings = builder.members(CONFIG.module, CONFIG.name);
  const variables = Object.fromEntries([...settings].map(([name, s]) =>
    [name, builder.property(s, builder.typeOf(s), undefined, (SECRET_SETTINGS as readonly string[]).includes(name) ? { secret: true } : {})]));
  const resources = Object.fromEntries(PLUGIN_RESOURCES.map((d) => [tokenOf(d.type), resourceSpec(builder, d)]));
  const functions = { [tokenOf(FUNCTION.member)]: functionSpec(builder) };
  return {
    name: PLUGIN_PACKAGE,
    displayName: "Alibaba Cloud Domain tasks",
    description: "Gate deployments on Alibaba Cloud Domain API tasks (QueryTaskDetailList) and change registrar settings, each change waited on and verified.",
    keywords: ["pulumi", "alicloud", "domain", "category/infrastructure", "kind/native"],
    homepage: "https://github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks#readme",
    license: "Apache-2.0",
    repository: "https://github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks",
    publisher: "alicloud-domain-tasks",
    meta: { moduleFormat: "(.*)" },
    config: { variables },
    provider: {
      description: "The alicloud-domain-tasks provider: where the Domain API lives and the credentials (unset: the environment and the Alibaba Cloud credential chain).",
      inputProperties: variables,
      properties: Object.fromEntries(Object.entries(variables).filter(([name]) => !(SECRET_SETTINGS as readonly string[]).includes(name) && name !== "insecure")),
    },
    resources,
    functions,
    types: builder.types,
    // Only what the defaults get wrong: no @pulumi scope for a package Pulumi does not publish, and a Go import path.
    language: {
      nodejs: { packageName: "@alicloud-domain-tasks/pulumi", packageDescription: "Alibaba Cloud Domain tasks for Pulumi (generated from the provider plugin)" },
      go: { importBasePath: "github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/sdk/go/alicloud-domain-tasks" },
    },
  };
};

export const PLUGIN_SCHEMA_FILES: GeneratedFiles = {
  render: () => new Map([[PLUGIN_SCHEMA_FILE, `${JSON.stringify(renderPluginSchema(), null, 2)}\n`]]),
};
