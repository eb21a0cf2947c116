/**
 * The ```ts snippets of README.md and docs/*.md, type-checked against the package's sources, so a renamed
 * export or option fails a test instead of a reader (test/scripts/doc-snippets.test.ts). Each snippet is its
 * own module, imports the package by its published names (mapped to the sources here), and may use a few
 * free names that stand for the reader's own values (SNIPPET_GLOBALS), and jest's globals. A block that
 * cannot compile here (it imports a package this repository does not install) is fenced ```ts no-check:
 * GitHub still highlights it as TypeScript, and it is left out.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** Names a snippet may use without declaring them: values the reader already has. */
export const SNIPPET_GLOBALS: Readonly<Record<string, string>> = {
  taskNo: "string",
  client: 'import("pulumi-alicloud-domain-tasks/sdk").DomainTaskClient',
  emulator: 'import("pulumi-alicloud-domain-tasks/emulator").Emulator',
  renewalTask: '{ taskNo: import("@pulumi/pulumi").Output<string> }',
  save: "(...values: unknown[]) => Promise<void>",
};

export interface Snippet {
  /** The Markdown file, relative to the root. */
  file: string;
  /** The line of the snippet's first code line in that file, from 1. */
  line: number;
  code: string;
}

/** README.md and the hand-written pages of docs/ (docs/api/ is generated from the sources themselves). */
export const snippetFiles = (root: string): string[] => [
  "README.md",
  ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`),
];

/** Every ```ts (or ```typescript) block of `text`; not ```ts no-check. */
export const extractSnippets = (file: string, text: string): Snippet[] => {
  const snippets: Snippet[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
    if (end < 0) break;
    snippets.push({ file, line: i + 2, code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return snippets;
};

/**
 * The snippet as a module: its code unchanged (so diagnostics keep its line numbers), then declarations of
 * the free names it uses but does not declare itself.
 */
const asModule = (s: Snippet): string => {
  // `const name`, `function name`, or a destructuring `const { name } =`.
  const declared = (name: string) =>
    new RegExp(`\\b(const|let|var|function|class)\\s+(${name}\\b|[{[][^}\\]]*\\b${name}\\b)`).test(s.code);
  const used = (name: string) => new RegExp(`\\b${name}\\b`).test(s.code);
  const globals = Object.entries(SNIPPET_GLOBALS).filter(([name]) => used(name) && !declared(name));
  return [s.code, ...globals.map(([name, type]) => `declare const ${name}: ${type};`), "export {};", ""].join("\n");
};

/** Type errors of every snippet, as "file:line: message"; empty when all compile. */
export const checkSnippets = (root: string): string[] => {
  const snippets = snippetFiles(root).flatMap((file) => extractSnippets(file, readFileSync(join(root, file), "utf8")));
  const virtual = new Map(snippets.map((s, i) => [join(root, ".snippets", `snippet-${i}.ts`), s]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    // The `pulumi new typescript` template's settings: CommonJS, where a top-level await does not compile.
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node", "jest"],
    typeRoots: [join(root, "node_modules", "@types")],
    baseUrl: root,
    paths: {
      "pulumi-alicloud-domain-tasks": ["index.ts"],
      "pulumi-alicloud-domain-tasks/policies": ["provider/policies/index.ts"],
      "pulumi-alicloud-domain-tasks/*": ["*/index.ts"],
    },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = ((exists) => (f: string) => virtual.has(f) || exists(f))(host.fileExists.bind(host));
  host.readFile = (f) => (virtual.has(f) ? asModule(virtual.get(f)!) : readFile(f));
  host.getSourceFile = (f, lang, ...rest) =>
    virtual.has(f) ? ts.createSourceFile(f, asModule(virtual.get(f)!), lang, true) : getSourceFile(f, lang, ...rest);
  const program = ts.createProgram([...virtual.keys()], options, host);
  return [...virtual].flatMap(([path, s]) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(path)).map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      return `${s.file}:${s.line + line}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
    }),
  );
};
