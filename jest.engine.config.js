/**
 * The engine suite (`npm run test:engine`): real `pulumi` commands (.engine/bin, or DOMAIN_TASKS_PULUMI) against
 * the emulator. Kept out of `npm test` (jest.config.js ignores test/engine/), which needs no Go and no Pulumi CLI.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/engine"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }] },
  globalSetup: "<rootDir>/test/engine/global-setup.ts",
  globalTeardown: "<rootDir>/test/engine/global-teardown.ts",
  // Each test drives whole `pulumi` runs (the CLI, a node program, the provider host): two at a time fill two cores.
  maxWorkers: 2,
  testTimeout: 300000,
};
