/**
 * The marker that carries Ctrl-C from the program to a wait in the provider host (provider/dynamic/cancellation.ts):
 * the program side writes it for its engine's address on SIGINT/SIGTERM, the host side fires only for its own
 * engine's address, only inside Pulumi's dynamic-provider host, and never for a marker older than itself.
 * (test/engine/cancellation.test.ts runs the whole path under the real engine.)
 */
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { announceCancellation, cancellationMarker, deploymentCancellation } from "../../provider/dynamic/cancellation";

const hostArgv = (engine: string) => ["/usr/bin/node", "/app/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js", engine];
const aborted = (signal: AbortSignal, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (signal.aborted) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
const touch = (file: string, mtime?: Date) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, "{}");
  if (mtime) utimesSync(file, mtime, mtime);
};

const engine = `127.0.0.1:${40000 + (process.pid % 20000)}`;
afterEach(() => rmSync(cancellationMarker(engine), { force: true }));

it("names the marker after the engine address, with nothing but safe characters", () => {
  expect(cancellationMarker("[::1]:5000")).toMatch(/cancelled-___1__5000$/);
  expect(cancellationMarker("127.0.0.1:5000")).toMatch(/cancelled-127\.0\.0\.1_5000$/);
});

it("fires in the dynamic-provider host once its engine's marker appears", async () => {
  const cancellation = deploymentCancellation(hostArgv(engine));
  expect(await aborted(cancellation.signal, 700)).toBe(false);
  touch(cancellationMarker(engine));
  expect(await aborted(cancellation.signal, 5000)).toBe(true);
  cancellation.stop();
});

it("ignores a marker older than the host (an earlier run whose engine had the same address)", async () => {
  touch(cancellationMarker(engine), new Date(Date.now() - 3600_000));
  const cancellation = deploymentCancellation(hostArgv(engine));
  expect(await aborted(cancellation.signal, 1200)).toBe(false);
  cancellation.stop();
});

it("ignores another engine's marker, and never fires outside the host", async () => {
  touch(cancellationMarker(engine));
  const other = deploymentCancellation(hostArgv("127.0.0.1:1"));
  const outside = deploymentCancellation(["/usr/bin/node", "/app/jest.js", engine]);
  expect(await aborted(other.signal, 1200)).toBe(false);
  expect(outside.signal.aborted).toBe(false);
  other.stop();
  outside.stop();
});

it("the program side does nothing without an engine address (mocks, the testing kit)", () => {
  const before = process.listenerCount("SIGINT");
  announceCancellation(undefined);
  announceCancellation("not an address");
  expect(process.listenerCount("SIGINT")).toBe(before);
  expect(existsSync(cancellationMarker(engine))).toBe(false);
});
