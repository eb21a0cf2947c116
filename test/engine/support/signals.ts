/**
 * Interrupting a running `pulumi` the way users and CI runners do: SIGINT (Ctrl-C) or SIGKILL (a runner's step
 * killed), once something has happened - the emulator logged a request, say.
 */
import { descendantsOf, killAll } from "./processes";
import type { Running } from "./run";

/** Resolves once `happened()` holds (checked every 100 ms); rejects when `running` ends first. */
export async function when(running: Running, happened: () => boolean, what: string): Promise<void> {
  let ended = false;
  void running.result.then(() => (ended = true), () => (ended = true));
  while (!happened()) {
    if (ended) throw new Error(`pulumi ended before ${what}:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * SIGKILLs `pulumi` alone, as a killed CI step would, then the processes it had started (its language host,
 * program and provider hosts, each in a process group of its own, which a real runner's teardown would end too).
 */
export async function killHard(running: Running): Promise<void> {
  const pid = running.child.pid as number;
  const started = descendantsOf(pid);
  process.kill(pid, "SIGKILL");
  await running.result;
  killAll(started);
}
