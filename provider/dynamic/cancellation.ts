/**
 * Ctrl-C reaching a wait. On the first Ctrl-C (or SIGTERM) `pulumi` lets operations in flight finish, and tells
 * each provider to stop with a Cancel call - which Pulumi's dynamic-provider host ignores (its `cancel` does
 * nothing, @pulumi/pulumi 3.248 to 3.276), so a DomainTask waiting on a task of several hours would hold the run
 * for hours. The engine also tells the language host to stop, and the language host interrupts the program
 * (SIGINT). So the program - where the resources are declared - passes the word on: on SIGINT or SIGTERM it leaves
 * a marker named after the engine's address, and the provider host, which the engine started with that same
 * address as its last argument, polls for the marker while it waits and stops the wait when it appears. A marker
 * older than the provider host belongs to an earlier run that had the same address, and is ignored.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What a wait the deployment's cancellation stopped says (after the resource's name). */
export const CANCELLED_MESSAGE =
  "the deployment was cancelled (Ctrl-C or SIGTERM) while waiting; the task goes on at the Domain API. Run `pulumi up` " +
  "again to wait for it (a DomainNameServers finds its change by its domains and never submits it twice).";

/** How often a provider host looks for the marker. */
const POLL_MS = 500;

/** A gRPC address as the engine passes it: 127.0.0.1:PORT, localhost:PORT or [::1]:PORT. */
const ENGINE_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\]):\d{1,5}$/i;

/** The marker for the deployment whose engine listens at `engineAddress`. */
export const cancellationMarker = (engineAddress: string): string =>
  join(tmpdir(), "pulumi-alicloud-domain-tasks", `cancelled-${engineAddress.replace(/[^\w.-]/g, "_")}`);

let announcing = false;

/**
 * In the program: from now on a SIGINT or SIGTERM leaves the marker for this deployment, then ends the program as
 * the signal would have (unless the program handles the signal itself). Does nothing outside a deployment (no
 * engine address: mocks, the testing kit) and when called again.
 */
export function announceCancellation(engineAddress = process.env.PULUMI_NODEJS_ENGINE): void {
  if (announcing || !engineAddress || !ENGINE_ADDRESS.test(engineAddress)) return;
  announcing = true;
  const marker = cancellationMarker(engineAddress);
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      mkdirSync(join(marker, ".."), { recursive: true });
      writeFileSync(marker, JSON.stringify({ pid: process.pid, signal, at: new Date().toISOString() }));
    } catch {
      // A marker that cannot be written only means the wait runs on, as without it.
    }
    if (process.listenerCount(signal) === 1) {
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

/**
 * In the provider host: an AbortSignal that fires when this deployment is cancelled (see the module comment), and
 * `stop()` to end the polling (it never keeps the host alive). Outside Pulumi's dynamic-provider host it never fires.
 */
export function deploymentCancellation(argv: readonly string[] = process.argv): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  const engineAddress = argv[argv.length - 1] ?? "";
  const inHost = argv.some((arg) => /dynamic-provider/.test(arg)) && ENGINE_ADDRESS.test(engineAddress);
  if (!inHost) return { signal: controller.signal, stop: () => undefined };
  const marker = cancellationMarker(engineAddress);
  const hostStartedMs = Date.now() - process.uptime() * 1000;
  const timer = setInterval(() => {
    try {
      if (existsSync(marker) && statSync(marker).mtimeMs >= hostStartedMs) {
        clearInterval(timer);
        controller.abort();
      }
    } catch {
      // Removed while we looked: not cancelled.
    }
  }, POLL_MS);
  timer.unref();
  return { signal: controller.signal, stop: () => clearInterval(timer) };
}
