/**
 * examples/testing-kit's own jest test (index.test.ts, what a user writes), run in our suite with the package
 * names mapped to this checkout's sources. Requires `npm run build` (the provider loads the compiled package).
 */
jest.mock("pulumi-alicloud-domain-tasks", () => jest.requireActual("../../index"), { virtual: true });
jest.mock("pulumi-alicloud-domain-tasks/testing", () => jest.requireActual("../../testing"), { virtual: true });

// Not a literal import: the repository's typecheck must not follow it (only the examples' tsconfig maps the package).
const exampleTest = "../../examples/testing-kit/index.test";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest needs the tests registered synchronously
require(exampleTest);
