/**
 * The Domain API emulator: QueryTaskDetailList and the registrar actions over HTTP on loopback, signed and answered
 * like the real service (see docs/emulator.md, docs/emulator-actions.md). Start it in-process with `startEmulator()`, or as a process with
 * `domain-tasks emulator` (emulator/command.ts).
 */
import { DomainRegistry } from "./actions";
import { describeDomain } from "./actions/domain-state";
import { handleAdminRequest, ADMIN_PREFIX } from "./admin";
import { REQUEST_WINDOW_MS } from "./auth";
import { FaultPlan } from "./faults";
import { handleApiRequest } from "./gateway";
import { NonceCache } from "./nonce-cache";
import { loadScenario } from "./scenario-file";
import { listen } from "./server";
import { parseDomainSpec, parseFaultConfig, parseTaskSpec } from "./spec-schemas";
import { StatsRecorder } from "./stats";
import { TaskStore } from "./task-store";
import { DEFAULT_CREDENTIAL, type DomainSpec, type DomainState, type Emulator, type EmulatorOptions, type FaultConfig, type NowSource, type TaskSpec } from "./types";

// The public surface (`pulumi-alicloud-domain-tasks/emulator`): startEmulator below and these types. Not
// EmulatorSpecError: its module declares zod schemas, which must stay out of the published declarations
// (a bad spec's error still says what is wrong; match it by `err.name === "EmulatorSpecError"`).
export {
  DEFAULT_CREDENTIAL,
  FOREIGN_TASK_NO,
  type BatchSpec,
  type DetailSpec,
  type DnsHostSpec,
  type DomainQuirks,
  type DomainSpec,
  type DomainState,
  type Emulator,
  type EmulatorCredential,
  type EmulatorOptions,
  type EmulatorStats,
  type FaultConfig,
  type FaultRule,
  type Quirks,
  type RequestRecord,
  type Scenario,
  type TaskListQuirks,
  type TaskSpec,
  type WriteQuirks,
} from "./types";

const realTime: NowSource = { now: () => Date.now() };

/** Starts an emulator and resolves once it listens. Close it with `close()` (tests: in afterAll). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? realTime;
  const credentials = new Map((options.credentials ?? [DEFAULT_CREDENTIAL]).map((c) => [c.accessKeyId, { ...c }]));
  const auth = { credentials, requestClock: options.requestClock ?? realTime, nonces: new NonceCache(REQUEST_WINDOW_MS) };
  const store = new TaskStore(clock);
  const stats = new StatsRecorder();
  const scenario = options.scenario === undefined ? undefined : loadScenario(options.scenario);
  // The options' faults win over the scenario's: a caller switching a scenario's quirks off passes `faults: {}`.
  let plan = new FaultPlan(parseFaultConfig(options.faults ?? scenario?.faults ?? {}));

  const addTask = (spec: TaskSpec | unknown): string => store.add(parseTaskSpec(spec));
  const setFaults = (faults: FaultConfig | unknown): void => {
    plan = new FaultPlan(parseFaultConfig(faults));
  };
  const registry = new DomainRegistry(() => clock.now(), scenario?.unregisteredNameServers);
  const addDomain = (spec: DomainSpec | unknown): void => registry.add(parseDomainSpec(spec));
  const domainState = (domainName: string): DomainState | undefined => describeDomain(registry, domainName, clock.now());
  for (const domain of scenario?.domains ?? []) addDomain(domain);
  for (const task of scenario?.tasks ?? []) addTask(task);
  const actions = { registry, clientIps: new Map<string, string>(), lastCreated: new Map<string, string>() };

  const host = options.host ?? "127.0.0.1";
  const server = await listen(host, options.port ?? 0, (req) => {
    if (options.admin && req.path.startsWith(ADMIN_PREFIX)) {
      const reply = handleAdminRequest(req.method, req.path, req.body, { addTask, setFaults, domainState, stats: () => stats.snapshot(), resetStats: () => stats.reset() });
      return { reply, latencyMs: 0 };
    }
    const { reply, record } = handleApiRequest(req, { auth, store, clock, faults: () => plan, region: options.region, actions });
    stats.record(record);
    return { reply, latencyMs: plan.config.latencyMs ?? 0 };
  });

  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  const endpoint = `${urlHost}:${server.port}`;
  return {
    url: `http://${endpoint}`,
    endpoint,
    port: server.port,
    addTask,
    addDomain,
    domainState,
    setFaults,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    close: () => server.close(),
  };
}
