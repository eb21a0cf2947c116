/**
 * The emulator in its own process (`node dist/emulator/command.js --admin`), driven through its admin
 * endpoints. The paging benchmarks use it so that the emulator's work (building 1000-detail JSON pages)
 * runs on the other core, as the real service's would, instead of competing with the client under test
 * for one event loop.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type { EmulatorStats, FaultConfig, TaskSpec } from "../emulator";

const COMMAND = path.join(__dirname, "..", "emulator", "command.js");

export interface EmulatorProcess {
  url: string;
  addTask(spec: TaskSpec): Promise<string>;
  setFaults(faults: FaultConfig): Promise<void>;
  stats(): Promise<EmulatorStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

const admin = async (url: string, method: string, route: string, body?: unknown): Promise<unknown> => {
  const res = await fetch(`${url}/__emulator/${route}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`emulator admin ${method} ${route}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
};

const readUrl = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        child.stdout!.off("data", onData);
        child.stdout!.resume();
        resolve(match[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`emulator process exited with ${code} before listening: ${out}`)));
  });

export async function startEmulatorProcess(latencyMs = 0): Promise<EmulatorProcess> {
  const args = [COMMAND, "--admin", ...(latencyMs ? ["--latency", String(latencyMs)] : [])];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const url = await readUrl(child);
  return {
    url,
    addTask: async (spec) => ((await admin(url, "POST", "tasks", spec)) as { TaskNo: string }).TaskNo,
    setFaults: async (faults) => void (await admin(url, "PUT", "faults", faults)),
    stats: async () => (await admin(url, "GET", "stats")) as EmulatorStats,
    resetStats: async () => void (await admin(url, "DELETE", "stats")),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
