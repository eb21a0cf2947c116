/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The engine suite needs a Pulumi CLI (npm run engine:build): it runs on its own, `npm run test:engine`.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/engine/"],
  // Type errors are caught by `npm run typecheck`; jest only transpiles, which keeps the suite fast.
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }] },
  testTimeout: 30000,
};
