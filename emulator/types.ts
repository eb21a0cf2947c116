/**
 * The emulator's public shapes: how it is started, what a scenario looks like, which faults and quirks it can
 * inject and what it counts. Plain interfaces only; behaviour lives in the modules that use them.
 */

/** A key pair the emulator accepts. `securityToken` set makes it an STS key: requests must carry that token. */
export interface EmulatorCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** A disabled key: every request is refused with InvalidAccessKeyId.Inactive (400). */
  inactive?: boolean;
  /** An STS key whose token has expired: refused with InvalidSecurityToken.Expired (400) once the token matches. */
  securityTokenExpired?: boolean;
  /**
   * A key RAM does not grant domain:QueryDomainTask (the action behind QueryTaskDetailList): correctly signed
   * requests are refused with this code, HTTP 403.
   */
  permissionDenied?: "Forbidden.RAM" | "NoPermission";
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
  /**
   * The region whose host the emulator stands in for, which error bodies name as HostId: "ap-southeast-1" answers
   * as domain-intl.aliyuncs.com, like the real routing. Default: the host of the version called (docs/emulator.md).
   */
  region?: string;
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
  /** The registry's state of a registered domain now (`clock.now()`), or undefined when the account has none of that name. */
  domainState(domainName: string): DomainState | undefined;
  /** Replaces the fault configuration (latency, rules, quirks) and restarts the request count rules use. */
  setFaults(faults: FaultConfig): void;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Stops listening and ends every open connection, keep-alive ones included. */
  close(): Promise<void>;
}

/** The tasks to seed, as a scenario file holds them (see docs/emulator.md). */
export interface Scenario {
  /** A JSON schema URL for editors; ignored. */
  $schema?: string;
  /** What the scenario is for, for whoever reads the file; ignored. */
  description?: string;
  tasks: TaskSpec[];
  /** Faults and quirks to start with, unless `EmulatorOptions.faults` (or `--faults`) gives others. */
  faults?: FaultConfig;
  /** Domains registered in the account: the write actions change these, QueryDomainByDomainName and QueryDnsHost read them. */
  domains?: DomainSpec[];
  /** Name-server host names the registry does not know: a change to any of them fails (EPP 2303). */
  unregisteredNameServers?: string[];
}

/**
 * A domain registered in the emulated account: its registrar settings to begin with, and how a change of it goes.
 * Every change (name servers, locks, WHOIS privacy, DNS hosts, contacts) takes effect when its task detail
 * succeeds; `Emulator.domainState` reads the registry's state back (docs/emulator-actions.md).
 */
export interface DomainSpec {
  domainName: string;
  /** Its name servers to begin with. Default Alibaba Cloud DNS's: dns1.hichina.com, dns2.hichina.com. */
  nameServers?: string[];
  /** Default: derived from the name (`S<year><10 hex>`), unique in the account. */
  instanceId?: string;
  /**
   * The update prohibition lock (clientUpdateProhibited): true OPEN, false CLOSE (the default), "NONE_SETTING" never
   * set. While OPEN, a name-server or contact change fails (EPP 2304).
   */
  updateProhibited?: boolean | "NONE_SETTING";
  /** The transfer prohibition lock (clientTransferProhibited): true OPEN, false CLOSE (the default), "NONE_SETTING". */
  transferProhibited?: boolean | "NONE_SETTING";
  /** WHOIS privacy (DomainNameProxyService) is on. Default false. */
  privacy?: boolean;
  /**
   * Whether the registrar's privacy service is offered for this domain, overriding the rule by TLD (unsupported for
   * the TLDs whose registries forbid privacy and proxy registrations, e.g. .us, .in, .eu; see docs/emulator-actions.md).
   */
  privacySupported?: boolean;
  /** The domain expired a week ago (in its renewal grace period): every change fails (EPP 2304). */
  expired?: boolean;
  /**
   * Days until it expires (default 365); zero or negative: it expired that many days ago - within 30 days it is in
   * its renewal grace period (DomainStatus "1"), after that in redemption ("2"). Changes of an expired domain fail.
   * Not together with `expired`.
   */
  expiresInDays?: number;
  /** Its DNS hosts (glue records) to begin with: `dnsName` is the label under the domain ("ns1" for ns1.example.com). */
  dnsHosts?: DnsHostSpec[];
  /** Seconds after a submission when this domain's change starts (default 1) and finishes (default 3). */
  changeStartAfterSeconds?: number;
  changeFinishAfterSeconds?: number;
}

/** A DNS host (glue record) of a registered domain. */
export interface DnsHostSpec {
  /** The host's label under the domain, e.g. "ns1". */
  dnsName: string;
  /** 1-13 IPv4 or IPv6 addresses. */
  ips: string[];
}

/** The registry's state of one domain at a moment, as `Emulator.domainState` and GET /__emulator/domains/NAME show it. */
export interface DomainState {
  domainName: string;
  instanceId: string;
  nameServers: string[];
  transferProhibitionLock: "OPEN" | "CLOSE" | "NONE_SETTING";
  updateProhibitionLock: "OPEN" | "CLOSE" | "NONE_SETTING";
  /** WHOIS privacy (DomainNameProxyService). */
  privacy: boolean;
  dnsHosts: DnsHostSpec[];
  /** RegistrantProfileId per contact type, once a contact change has succeeded. */
  contacts: { registrant?: number; admin?: number; billing?: number; tech?: number };
  /** Task-clock ms. */
  expiresAt: number;
  /** "1" renewal grace period, "2" redemption, "3" normal (QueryDomainByDomainName's DomainStatus). */
  domainStatus: "1" | "2" | "3";
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
  /** Quirks for this task's answers for as long as it exists, laid over FaultConfig.quirks (FaultConfig.taskQuirks override them). */
  quirks?: Quirks;
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
  /** Quirks for every task. */
  quirks?: Quirks;
  /**
   * Quirks for one task, by TaskNo: laid over `quirks` field by field for that task's answers, so one task of a
   * run can misbehave while the others answer honestly.
   */
  taskQuirks?: Record<string, Quirks>;
  /** Quirks of QueryTaskList's answers (see TaskListQuirks). */
  taskListQuirks?: TaskListQuirks;
  /** Quirks of the write actions' answers and of the tasks they create (see WriteQuirks). */
  writeQuirks?: WriteQuirks;
  /** Quirks of QueryDomainByDomainName's answers (see DomainQuirks). */
  domainQuirks?: DomainQuirks;
}

/**
 * How a busy service or a gateway bends QueryTaskList (issue 22): every one a way a client that trusts one
 * answer would miss a task - and so submit a change twice, or let a failed task through a `--since` gate.
 */
export interface TaskListQuirks {
  /** A task younger than this many seconds is listed with TaskNum 0 (its details not yet counted). */
  taskNumZeroForSeconds?: number;
  /** A task is listed COMPLETE (code 3) from the moment it is created, while its details are still open. */
  completeWhileOpen?: boolean;
  /** TaskType in another spelling: "lowerCase" (`chg_dns`) or "padded" (` CHG_DNS `). */
  taskTypeSpelling?: "lowerCase" | "padded";
  /** The service's clock runs this many seconds ahead: CreateTime shows it, and the window is compared by it. */
  clockAheadSeconds?: number;
  /**
   * The window is applied to the exact BeginCreateTime/EndCreateTime, against CreateTime's whole seconds,
   * instead of widened to whole days (the documented behaviour).
   */
  exactWindow?: boolean;
  /** The server applies min(PageSize, cap) but echoes the PageSize asked for (TotalPageNum and NextPage follow it). */
  pageSizeCap?: number;
  /** The server applies the PageSize asked for but echoes this one. */
  echoedPageSize?: number;
  /** TotalItemNum reported off by this much (TotalPageNum follows it; NextPage stays real). */
  totalItemNumOffset?: number;
  /** NextPage: true on every page, the last included. */
  nextPageAlwaysTrue?: boolean;
  /** NextPage: false on every page, while more pages hold tasks. */
  nextPageAlwaysFalse?: boolean;
}

/** How a write's answer, or the task it creates, departs from the contract. */
export interface WriteQuirks {
  /**
   * Answers with the TaskNo of the task this action created before (a gateway or cache replaying an earlier
   * answer); the new task is still created under its own TaskNo. The first write answers its own.
   */
  staleTaskNo?: boolean;
  /** A success body also carries `Code: "200"` and `Success: true`, as some Alibaba Cloud gateways answer. */
  successCode200?: boolean;
  /**
   * The created task's details are listed one at a time: one more every this many seconds (the first after
   * that long), TotalItemNum counting those listed.
   */
  detailsAppearEverySeconds?: number;
}

/** How QueryDomainByDomainName departs from the contract. */
export interface DomainQuirks {
  /** DnsList shows a change only this many seconds after its detail succeeded (a registry read that lags). */
  dnsListLagSeconds?: number;
}

/**
 * What a fault rule does to a request: an API error (Throttling.User with its rate-limit headers, 500, 503, the
 * Domain API's ParameterIllegal, NetworkIOError and TaskIsBeingProcessed), an HTML 502, a dropped connection, or a
 * 200 that is no answer at all (an empty body, an HTML page) as a gateway sends it.
 */
export type FaultKind =
  | "throttling"
  | "internalError"
  | "serviceUnavailable"
  | "parameterIllegal"
  | "networkIOError"
  | "taskIsBeingProcessed"
  | "html502"
  | "dropConnection"
  | "emptyBody"
  | "html200";

/**
 * Which requests fail. Each action numbers its requests from 1 in the order received (the count restarts on
 * `setFaults`). `every: N` hits requests N, 2N, ...; `from`/`count` hits the burst from .. from+count-1 (`count`
 * absent: every request from `from` on). The first matching rule wins.
 */
export interface FaultRule {
  fault: FaultKind;
  /** The actions the rule applies to, e.g. ["QueryTaskList"]; "*" is every action. Default ["QueryTaskDetailList"]. */
  actions?: string[];
  /**
   * For a write action: carry the write out (its task is created), then answer with the fault - a gateway or
   * connection failing after the service accepted the change. Default false: refused before anything happens.
   */
  afterWrite?: boolean;
  every?: number;
  from?: number;
  count?: number;
  /** `throttling` only: the TimeLeft (ms) its `x-ratelimit-user-api` header tells the client to wait (default 1000). */
  timeLeftMs?: number;
  /** `throttling` only: the HTTP status, 400 (default) or 429 - throttling is seen with both. */
  httpStatus?: 400 | 429;
}

/**
 * Departures from the documented contract. Those before `hiddenDetails` are what the service's own samples show
 * (each with its source in docs/emulator.md); the rest are integrity quirks: hostile but plausible answers - a
 * gateway, a cache or a busy service misbehaving - that a client must never turn into a pass (issue 9). All off by
 * default. "Answer number" below counts the answered QueryTaskDetailList requests for one task, from 1, restarting
 * on `setFaults`. QueryDomainByDomainName and QueryTaskList take the global `quirks` only (they name no task).
 */
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
  /** A PageSize above 1000 is served as 1000 (and echoed so) instead of refused with InvalidPageSize. */
  clampPageSize?: boolean;
  /**
   * The order details are listed in. Default: the order the task was seeded in, stable between requests (paging
   * needs a stable order; nothing public says which one the service uses). "reverse"; "shuffled": a fixed
   * permutation per task; "reshuffled": a new permutation on every answer (paging then skips and repeats).
   */
  listingOrder?: "reverse" | "shuffled" | "reshuffled";
  /** Fields without a value are sent as "" (TaskResult, FailReason, ErrorMsg), as older SDK samples show, instead of left out. */
  absentAsEmptyString?: boolean;
  /** A finished detail's ErrorMsg ends with a space ("The operation is successful. "), as the XML samples show it. */
  trailingSpaceErrorMsg?: boolean;
  /** Pages carry no NextPage and no PrePage (QueryTaskDetailList and QueryTaskList), as the English samples show. */
  omitPagingFlags?: boolean;
  /** QueryDomainByDomainName's `DnsList.Dns` is one comma-joined string in the list (`["ns1,ns2"]`), as doc 121704 shows. */
  commaJoinedDnsList?: boolean;

  /**
   * These details are never served, while TotalItemNum (and TotalPageNum) still count them: the last `last`
   * details of the task's listing, and every detail of the `domains` listed. Pages are cut from what remains,
   * so the last page runs short.
   */
  hiddenDetails?: { last?: number; domains?: string[] };
  /**
   * The listing rotates by this many more positions on each answer for the task (answer n starts at position
   * (n-1)*k), so paging skips some details and repeats others.
   */
  shiftingPages?: number;
  /** These page numbers, and every page from `from` on, come back with no details; the paging fields are unchanged. */
  emptyPages?: { pages?: number[]; from?: number };
  /**
   * The server applies min(PageSize, cap) but echoes the PageSize asked for, and computes TotalPageNum and
   * NextPage from the echoed one: a client trusting them stops early.
   */
  pageSizeCap?: number;
  /** The server applies the PageSize asked for but echoes this one, and computes TotalPageNum and NextPage from it. */
  echoedPageSize?: number;
  /**
   * TotalItemNum reported as this value (0, negative, anything), with the details still served. TotalPageNum
   * follows the reported value; NextPage stays true while real pages remain.
   */
  totalItemNum?: number;
  /** TotalItemNum reported off by this much (details still served; TotalPageNum follows, NextPage stays real). */
  totalItemNumOffset?: number;
  /** Every `every`-th detail of the task (by position, from 1) carries `taskNo` (default FOREIGN_TASK_NO), not its own. */
  foreignTaskNo?: { every: number; taskNo?: string };
  /** The DomainName filter is ignored: every detail (within the other filters) is answered. */
  ignoreDomainNameFilter?: boolean;
  /** The InstanceId filter is ignored. */
  ignoreInstanceIdFilter?: boolean;
  /** The TaskStatus filter is ignored: answers are exactly those of the same query without TaskStatus. */
  ignoreTaskStatusFilter?: boolean;
  /** A query with a TaskStatus filter is answered with TotalItemNum 0 and no details. */
  emptyTaskStatusAnswers?: boolean;
  /**
   * Failed details are sent with TaskStatus and TaskStatusCode disagreeing: "statusSaysSuccess" sends
   * TaskStatus "EXECUTE_SUCCESS" with TaskStatusCode 3; "codeSaysSuccess" sends "EXECUTE_FAILURE" with code 2.
   * The TaskStatus filter still selects on the real status.
   */
  failureStatusMismatch?: "statusSaysSuccess" | "codeSaysSuccess";
  /** Each failed detail is sent with the TaskDetailNo of the task's first succeeding detail. */
  failuresReuseTaskDetailNo?: boolean;
  /**
   * A failed detail reads EXECUTING (code 1, no FailReason) on every even-numbered answer for its task, and
   * EXECUTE_FAILURE again on odd ones. The TaskStatus filter follows what is shown.
   */
  failureFlicker?: boolean;
  /**
   * Counts disagree with the list: TaskStatus-filtered queries select and show the real statuses (TaskStatus=3
   * lists the failures), but a query without TaskStatus shows failed details as EXECUTE_SUCCESS (code 2, no FailReason).
   */
  failuresListedAsSuccess?: boolean;
  /** Only the first N details of the task's listing exist for every query, consistently (TotalItemNum counts N). */
  partialListing?: number;
  /**
   * The details are listed one at a time as the task ages: one more every this many seconds after the task was
   * created (TotalItemNum counts those listed), as a service whose details lag behind the task. WriteQuirks'
   * `detailsAppearEverySeconds` sets it on the tasks a write creates.
   */
  listedOneEverySeconds?: number;
  /** `Data` carries no TaskDetail key at all (`"Data": {}`), whatever TotalItemNum says. */
  omitTaskDetail?: boolean;
}

/** The TaskNo `foreignTaskNo` details carry unless told another. */
export const FOREIGN_TASK_NO = "0f0f0f0f-dead-4bee-8f00-000000000000";

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
  /** QueryTaskDetailList: the TaskNo asked. A write: the TaskNo of the task it created (absent when it created none). */
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
