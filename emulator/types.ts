/**
 * The emulator's public shapes: how it is started, what a scenario looks like, which faults and quirks it can
 * inject and what it counts. Plain interfaces only; behaviour lives in the modules that use them.
 */

/** A key pair the emulator accepts. `securityToken` set makes it an STS key: requests must carry that token. */
export interface EmulatorCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** RAM actions this key lacks (e.g. "domain:DnsModification"): calls needing one answer 403 Forbidden.RAM. */
  deniedActions?: string[];
}

/** The throwaway key pair the emulator accepts unless told otherwise. Not a secret: it only opens the emulator. */
export const DEFAULT_CREDENTIAL: EmulatorCredential = Object.freeze({
  accessKeyId: "emulator-access-key-id",
  accessKeySecret: "emulator-access-key-secret",
});

/** Something that tells the time in milliseconds since the epoch (a VirtualClock from sdk/clock fits). */
export interface NowSource {
  now(): number;
}

/** How `startEmulator` runs: where it listens, which keys it accepts, what it seeds, which clock drives tasks. */
export interface EmulatorOptions {
  /** Interface to bind. Default "127.0.0.1" (loopback only). */
  host?: string;
  /** Port to bind. Default 0 (any free port; read it back from `Emulator.port`). */
  port?: number;
  /** Accepted key pairs. Default `[DEFAULT_CREDENTIAL]`. */
  credentials?: EmulatorCredential[];
  /** Tasks to seed at start: a Scenario object or the path of a JSON file holding one. */
  scenario?: Scenario | string;
  /**
   * Drives task progression only (WAITING_EXECUTE -> EXECUTING -> terminal). Default real time.
   * Share a VirtualClock with the SDK's waiter to run a long wait in milliseconds.
   */
  clock?: NowSource;
  /**
   * Checks request timestamps (15-minute window) and expires remembered nonces. Default real time, because
   * clients such as @alicloud/openapi-client stamp requests with the real time whatever `clock` says.
   */
  requestClock?: NowSource;
  /** Faults and quirks to start with; replace them later with `setFaults`. */
  faults?: FaultConfig;
  /** Serve the admin HTTP endpoints under /__emulator/ (default off). */
  admin?: boolean;
}

/** A running emulator, as `startEmulator` resolves it. */
export interface Emulator {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** "127.0.0.1:PORT": `config.endpoint` for @alicloud/openapi-client (with `protocol: "HTTP"`). */
  endpoint: string;
  port: number;
  /** Seeds a task now (`clock.now()`) and returns its TaskNo. Throws ValidationError-style errors on a bad spec. */
  addTask(spec: TaskSpec): string;
  /** Registers a domain in the account (see DomainSpec). */
  addDomain(spec: DomainSpec): void;
  /** Replaces the fault configuration (latency, rules, quirks) and restarts the request count rules use. */
  setFaults(faults: FaultConfig): void;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Stops listening and ends every open connection, keep-alive ones included. */
  close(): Promise<void>;
}

/** The tasks to seed, as a scenario file holds them (see the README, "Scenarios"). */
export interface Scenario {
  /** A JSON schema URL for editors; ignored. */
  $schema?: string;
  /** What the scenario is for, for whoever reads the file; ignored. */
  description?: string;
  tasks: TaskSpec[];
  /** Domains registered in the account: SaveBatchTaskForModifyingDomainDns and QueryDomainByDomainName serve these. */
  domains?: DomainSpec[];
  /** Name-server host names the registry does not know: a change to any of them fails (EPP 2303). */
  unregisteredNameServers?: string[];
}

/** A domain registered in the emulated account, and how a name-server change of it goes. */
export interface DomainSpec {
  domainName: string;
  /** Its name servers to begin with. Default Alibaba Cloud DNS's: dns1.hichina.com, dns2.hichina.com. */
  nameServers?: string[];
  instanceId?: string;
  /** The update prohibition lock (clientUpdateProhibited) is on: a name-server change fails (EPP 2304). */
  updateProhibited?: boolean;
  /** The domain expired a week ago: a name-server change fails (EPP 2304). */
  expired?: boolean;
  /** Seconds after a submission when this domain's change starts (default 1) and finishes (default 3). */
  changeStartAfterSeconds?: number;
  changeFinishAfterSeconds?: number;
}

/** One task to seed: explicit `details`, a generated `batch`, or both (at least one detail in all). */
export interface TaskSpec {
  /** What the task stands for, for whoever reads the scenario; ignored. */
  description?: string;
  /** Generated (a UUID, like the real service) if absent. */
  taskNo?: string;
  /** One of the documented task types (CHG_DNS by default). */
  taskType?: string;
  /** Explicit details, one per domain. */
  details?: DetailSpec[];
  /** Many generated details; processed one after another over `durationSeconds`. */
  batch?: BatchSpec;
}

/** `count` generated details (domains from `domainTemplate`), each failing when its number is a multiple of `failEvery`. */
export interface BatchSpec {
  count: number;
  /** `{i}` is replaced by the 1-based detail number. Default "domain-{i}.example.com". */
  domainTemplate?: string;
  /** Every Nth detail fails (N, 2N, ...). */
  failEvery?: number;
  failReason?: string;
  errorMsg?: string;
  /** Completions spread evenly over this many seconds (default 0: all terminal at once). */
  durationSeconds?: number;
}

/** One detail (one domain) of a task, and when and how it finishes; times count from the moment the task is seeded. */
export interface DetailSpec {
  domainName: string;
  instanceId?: string;
  /** Seconds after the task was seeded when WAITING_EXECUTE turns EXECUTING (default 0). */
  startAfterSeconds?: number;
  /** Seconds after the task was seeded when it turns terminal (default 0 = terminal from the start). */
  finishAfterSeconds?: number;
  outcome?: "success" | "failure";
  taskResult?: string;
  failReason?: string;
  errorMsg?: string;
  tryCount?: number;
}

/** Faults and quirks for a run (`EmulatorOptions.faults`, `Emulator.setFaults`, PUT /__emulator/faults). */
export interface FaultConfig {
  /** Delay before every response, in real milliseconds. */
  latencyMs?: number;
  rules?: FaultRule[];
  quirks?: Quirks;
}

/** What a fault rule does to a request: an API error (Throttling.User, 500, 503), an HTML 502, or a dropped connection. */
export type FaultKind = "throttling" | "internalError" | "serviceUnavailable" | "html502" | "dropConnection";

/**
 * Which QueryTaskDetailList requests fail. Requests are numbered from 1 in the order received (the count restarts
 * on `setFaults`). `every: N` hits requests N, 2N, ...; `from`/`count` hits the burst from .. from+count-1
 * (`count` absent: every request from `from` on). The first matching rule wins.
 */
export interface FaultRule {
  fault: FaultKind;
  every?: number;
  from?: number;
  count?: number;
}

/** Departures from the documented contract that the real service's own samples show. */
export interface Quirks {
  /** NextPage: true even on the last page. */
  nextPageAlwaysTrue?: boolean;
  /** TotalPageNum reported off by this much. */
  totalPageNumOffset?: number;
  /** A PageNum past the end returns the last page again (instead of an empty page). */
  repeatLastPagePastEnd?: boolean;
  /** Data.TaskDetail is an object, not an array, when a page holds exactly one detail. */
  singleObjectDetail?: boolean;
  /** TaskResult is a JSON number when it is numeric. */
  numericTaskResult?: boolean;
  /** A non-empty FailReason ends with "\n". */
  trailingNewlineFailReason?: boolean;
}

/** What the emulator counted since it started or since `resetStats()`. */
export interface EmulatorStats {
  total: number;
  byAction: Record<string, number>;
  /** PageNum -> count, QueryTaskDetailList only. */
  byPage: Record<string, number>;
  /** HTTP status -> count; "0" counts dropped connections. */
  byStatus: Record<string, number>;
  /**
   * One record per request, oldest first: the first 100,000 since the start or the last `resetStats()`, so an
   * emulator left running for days stays small. The counters above keep counting past that.
   */
  requests: RequestRecord[];
}

/** One request, as the stats log it; even a rejected request is described as far as it could be read. */
export interface RequestRecord {
  action: string;
  taskNo?: string;
  pageNum?: number;
  pageSize?: number;
  taskStatus?: string;
  /** 0 when the connection was dropped without a response. */
  httpStatus: number;
  code?: string;
  fault?: string;
  /**
   * When the request arrived (Date.now(), real ms), stamped as its first bytes came in - before the body was read
   * and anything was checked, so a slow query or a loaded machine does not shift it - e.g. to check a client's
   * rate limit.
   */
  at?: number;
}
