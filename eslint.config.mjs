import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "examples/*/node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The layering, by folder: the SDK and the CLI never load Pulumi (the Pulumi functions live in provider/).
    files: ["sdk/**/*.ts", "cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@pulumi/*"], message: "sdk/ and cli/ never load Pulumi: put Pulumi code in provider/." }] }],
    },
  },
  {
    // Arrows inside the SDK run one way (docs/architecture.md): the pager pages and the reader judges, so the
    // pager imports nothing of read/ or the waiter; errors and the clock sit below every layer.
    files: ["sdk/pager/**/*.ts", "sdk/errors.ts", "sdk/clock.ts", "sdk/timers.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@pulumi/*"], message: "sdk/ and cli/ never load Pulumi: put Pulumi code in provider/." },
        { group: ["**/read", "**/read/*", "**/waiter", "**/waiter/*", "./pager/*"], message: "an arrow back up: the pager, errors and the clock sit below read/ and the waiter." },
      ] }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
