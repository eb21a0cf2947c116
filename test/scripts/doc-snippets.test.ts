/** The TypeScript snippets of the README and docs/ compile against the current API (scripts/docs/snippets.ts). */
import { ROOT } from "../../scripts/gen-docs";
import { checkSnippets, extractSnippets } from "../../scripts/docs/snippets";

describe("doc snippets", () => {
  it("type-check against the package's sources", () => {
    expect(checkSnippets(ROOT)).toEqual([]);
  }, 120_000);

  it("are found with their line numbers, and only in ts blocks", () => {
    const text = ["# t", "```ts", "const a = 1;", "```", "```sh", "npm test", "```", "```typescript", "b();", "```"].join("\n");
    expect(extractSnippets("x.md", text)).toEqual([
      { file: "x.md", line: 3, code: "const a = 1;" },
      { file: "x.md", line: 9, code: "b();" },
    ]);
  });
});
