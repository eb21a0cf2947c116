/**
 * Child process of the provider benchmark. The dynamic-provider host harness (test/provider/fixture.ts,
 * test/provider/host.ts: Pulumi's real host spawned and driven over gRPC) is test code, not part of the
 * build, so it is loaded here through ts-node at run time instead of being compiled into dist/.
 *
 * Measures: the size of the serialized `__provider`, and creating 50 DomainTask resources (tasks already
 * complete, so the time is the provider's own overhead: deserialize, configure, one poll, the outcome)
 * one after another and 10 at a time (as `pulumi up --parallel 10` would). Prints one JSON line.
 */
import * as path from "node:path";
import { register } from "ts-node";

const ROOT = path.resolve(__dirname, "..", "..");
export const RESOURCES = 50;

/** The part of test/provider/fixture.ts this worker uses (declared here so tsc does not compile test code). */
interface Fixture {
  startBench(): Promise<{
    provider: string;
    emulator: { resetStats(): void; stats(): { byAction: Record<string, number> }; url: string };
    host: { create(properties: Record<string, unknown>): Promise<{ id: string; properties: Record<string, unknown> }> };
    addTask(spec: { details: { domainName: string; taskResult?: string }[] }): string;
    inputs(extra: Record<string, unknown>): Record<string, unknown>;
    close(): Promise<void>;
  }>;
}

async function main(): Promise<void> {
  register({ transpileOnly: true, project: path.join(ROOT, "tsconfig.json") });
  // A computed path, so tsc does not pull test code into the build.
  const fixturePath = path.join(ROOT, "test", "provider", "fixture.ts");
  const { startBench } = (await import(fixturePath)) as Fixture;
  const startedAt = process.hrtime.bigint();
  const bench = await startBench();
  const startupMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  try {
    const seed = () => bench.addTask({ details: [{ domainName: "example.com", taskResult: "ok" }] });
    const create = async () => {
      const reply = await bench.host.create(bench.inputs({ taskNo: seed() }));
      if (reply.properties.succeeded !== true) throw new Error(`create did not succeed: ${JSON.stringify(reply.properties.status)}`);
    };
    const clockMs = async (fn: () => Promise<void>) => {
      const t = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    bench.emulator.resetStats();
    const firstMs = await clockMs(create); // cold: the host deserializes the provider and builds a client
    const firstRequests = bench.emulator.stats().byAction.QueryTaskDetailList ?? 0;
    bench.emulator.resetStats();
    const sequentialMs = await clockMs(async () => {
      for (let i = 0; i < RESOURCES; i++) await create();
    });
    const sequentialRequests = bench.emulator.stats().byAction.QueryTaskDetailList ?? 0;
    bench.emulator.resetStats();
    const parallelMs = await clockMs(async () => {
      for (let i = 0; i < RESOURCES; i += 10) await Promise.all(Array.from({ length: 10 }, create));
    });
    const parallelRequests = bench.emulator.stats().byAction.QueryTaskDetailList ?? 0;
    process.stdout.write(`${JSON.stringify({
      providerBytes: Buffer.byteLength(bench.provider),
      startupMs, firstMs, firstRequests, sequentialMs, sequentialRequests, parallelMs, parallelRequests,
    })}\n`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
