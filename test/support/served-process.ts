/**
 * A process that serves gRPC on a port it prints as the first line of its stdout (Pulumi's dynamic-provider host,
 * our plugin): spawned, its port read, everything else it prints collected, and stopped.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export interface ServedProcess {
  child: ChildProcess;
  port: number;
  /** Everything printed after the port, stdout and stderr. */
  output(): string;
  /** Resolves once `text` was printed (a log line and the reply of the call that logged it travel apart). */
  printed(text: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startServedProcess(command: string, args: readonly string[], options: SpawnOptions, what: string): Promise<ServedProcess> {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const port = await readPort(child, (text) => (output += text), what);
  return {
    child,
    port,
    output: () => output,
    async printed(text, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (Date.now() > deadline) throw new Error(`${what} did not print ${JSON.stringify(text)}; it printed:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () => stop(child),
  };
}

/** Resolves with the port printed as the first stdout line; keeps collecting the rest. */
function readPort(child: ChildProcess, collect: (text: string) => void, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    let port: number | undefined;
    child.stdout!.on("data", (chunk: Buffer) => {
      if (port !== undefined) return collect(chunk.toString());
      buffered += chunk.toString();
      const newline = buffered.indexOf("\n");
      if (newline < 0) return;
      port = Number(buffered.slice(0, newline).trim());
      collect(buffered.slice(newline + 1));
      if (Number.isInteger(port) && port > 0) resolve(port);
      else reject(new Error(`${what} printed ${JSON.stringify(buffered)} instead of its port`));
    });
    child.once("exit", (code) => reject(new Error(`${what} exited with ${code} before printing its port`)));
    child.once("error", reject);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
