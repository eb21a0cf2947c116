/**
 * Admin HTTP endpoints, served only when the emulator is started with `admin: true`, so tests in other processes
 * and users' pipelines can seed tasks, switch faults and read the counters:
 *   POST   /__emulator/tasks   TaskSpec JSON  -> 200 {"TaskNo": "..."}
 *   PUT    /__emulator/faults  FaultConfig    -> 200 {"ok": true}
 *   GET    /__emulator/domains/NAME           -> 200 DomainState (the registry's state of a registered domain), or 404
 *   GET    /__emulator/stats                  -> 200 EmulatorStats
 *   DELETE /__emulator/stats                  -> 204
 * A bad body answers 400 {"Code": "InvalidSpec", "Message": "<field>: <problem>"}.
 */
import type { Reply } from "./reply";
import { EmulatorSpecError } from "./spec-schemas";
import type { DomainState, EmulatorStats } from "./types";

export const ADMIN_PREFIX = "/__emulator/";

export interface AdminDeps {
  addTask(spec: unknown): string;
  setFaults(config: unknown): void;
  domainState(domainName: string): DomainState | undefined;
  stats(): EmulatorStats;
  resetStats(): void;
}

const json = (status: number, body: unknown): Reply => ({ kind: "json", status, body });

const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString("utf8") || "null");
  } catch (error) {
    throw new EmulatorSpecError("JSON body", (error as Error).message);
  }
};

const DOMAINS_PREFIX = "GET /__emulator/domains/";

export const handleAdminRequest = (method: string, path: string, body: Buffer, deps: AdminDeps): Reply => {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  if (route.startsWith(DOMAINS_PREFIX)) return domainReply(decodeURIComponentSafe(route.slice(DOMAINS_PREFIX.length)), deps);
  try {
    switch (route) {
      case "POST /__emulator/tasks":
        return json(200, { TaskNo: deps.addTask(parseJson(body)) });
      case "PUT /__emulator/faults":
        deps.setFaults(parseJson(body));
        return json(200, { ok: true });
      case "GET /__emulator/stats":
        return json(200, deps.stats());
      case "DELETE /__emulator/stats":
        deps.resetStats();
        return { kind: "empty", status: 204 };
      default:
        return json(404, {
          Code: "NotFound",
          Message: `No admin endpoint ${route}. Use POST /__emulator/tasks, PUT /__emulator/faults, GET /__emulator/domains/NAME, GET or DELETE /__emulator/stats.`,
        });
    }
  } catch (error) {
    if (error instanceof Error) return json(400, { Code: "InvalidSpec", Message: error.message });
    throw error;
  }
};

const decodeURIComponentSafe = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const domainReply = (domainName: string, deps: AdminDeps): Reply => {
  const state = deps.domainState(domainName);
  return state
    ? json(200, state)
    : json(404, { Code: "DomainNotExist", Message: `No domain ${JSON.stringify(domainName)} is registered in the emulator. Add it with a scenario's "domains" or Emulator.addDomain.` });
};
