/**
 * The write-side matrix's cases (issue 22), one per way a service, a gateway or a second run bends a submit-and-
 * wait: each names the class it belongs to, the faults and quirks in force (the emulator's: every one reproducible
 * offline), what happened before the run (an earlier change, a page of other tasks), the change asked, and what
 * must hold on every surface - whether the gate may pass (never falsely: a pass always comes with every domain
 * reading back the asked name servers), and how many tasks the runs may create (never two for one change).
 */
import type { FaultConfig } from "../../emulator";

export const DOMAINS = ["d1.example.com", "d2.example.com", "d3.example.com"];
export const OTHER_DOMAIN = "other.example.com";
export const OLD_NS = ["ns1.old.example", "ns2.old.example"];
export const ASKED_NS = ["ns13.asked.example", "ns14.asked.example"];
export const OTHER_NS = ["ns11.other.example", "ns12.other.example"];

/** A name-server change as the cases write it. */
export interface Change {
  domainNames: string[];
  nameServers?: string[];
  aliyunDns?: boolean;
}

export const ASKED: Change = { domainNames: DOMAINS.slice(0, 2), nameServers: ASKED_NS };

/** What a case may do before the run, through a plain client (its writes are not the run's). */
export interface Setup {
  /** Submits a change and returns its TaskNo (without waiting). */
  submit(change: Change): Promise<string>;
  /** Seeds a finished task of other domains (CHG_DNS unless told), to fill the task list. */
  seedOther(count: number): void;
  /** Lets the emulator's time pass (a virtual clock moves; real time sleeps). */
  pass(ms: number): Promise<void>;
}

export interface WriteCase {
  name: string;
  /** The issue's class: 1 false passes, 2 the listing, 3 second submits, 4 time, 6 errors after an accepted write. */
  issueClass: 1 | 2 | 3 | 4 | 6;
  faults?: FaultConfig;
  setup?: (s: Setup) => Promise<void>;
  change?: Change;
  /** "rerun": the same run twice, the second after the first finished; "afterNoWait": first without waiting, then with. */
  runs?: "once" | "rerun" | "afterNoWait";
  /** Whether the (last) run must pass, must not, or may go either way (it may never pass falsely). */
  pass: "must" | "never" | "either";
  /** Tasks the runs may create in all. */
  writes: number;
  /** Seconds the runs get (their --timeout). Default 60. */
  timeoutSeconds?: number;
  /**
   * Seconds a change takes from its submission (the domains' changeFinishAfterSeconds; it starts at a third of
   * that): long enough for an earlier change to be still open when a real process starts. Default 0.6.
   */
  changeSeconds?: number;
  /** Surfaces the case does not apply to, with why. */
  skip?: Partial<Record<"cli" | "provider", string>>;
}


const SAME_NS_OPEN = async (s: Setup) => void (await s.submit(ASKED));

export const WRITE_CASES: WriteCase[] = [
  { name: "an honest service", issueClass: 1, pass: "must", writes: 1 },
  { name: "details listed one by one (3 domains)", issueClass: 1, faults: { writeQuirks: { detailsAppearEverySeconds: 1 } }, change: { domainNames: DOMAINS, nameServers: ASKED_NS }, pass: "must", writes: 1 },
  { name: "an open change of the same domains to other name servers", issueClass: 1, setup: async (s) => void (await s.submit({ ...ASKED, nameServers: OTHER_NS })), changeSeconds: 4, pass: "must", writes: 1 },
  { name: "an open change of the same domains to Alibaba Cloud DNS", issueClass: 1, setup: async (s) => void (await s.submit({ domainNames: ASKED.domainNames, aliyunDns: true })), changeSeconds: 4, pass: "must", writes: 1 },
  { name: "an open change to name servers, asked Alibaba Cloud DNS", issueClass: 1, setup: SAME_NS_OPEN, change: { domainNames: ASKED.domainNames, aliyunDns: true }, changeSeconds: 4, pass: "must", writes: 1 },
  {
    name: "a gateway answering the TaskNo of an earlier write (other domains)",
    issueClass: 1,
    faults: { writeQuirks: { staleTaskNo: true } },
    setup: async (s) => {
      await s.submit({ domainNames: [OTHER_DOMAIN], nameServers: OTHER_NS });
      await s.pass(5000);
    },
    pass: "never",
    writes: 1,
  },
  {
    name: "a gateway answering the TaskNo of an earlier change of the same domains to other name servers",
    issueClass: 1,
    faults: { writeQuirks: { staleTaskNo: true }, domainQuirks: { dnsListLagSeconds: 30 } },
    setup: async (s) => {
      await s.submit({ ...ASKED, nameServers: OTHER_NS });
      await s.pass(40_000);
    },
    pass: "never",
    writes: 1,
    timeoutSeconds: 20,
  },

  { name: "the service applies a smaller page size than asked; the same change on a later page", issueClass: 2,
    faults: { taskListQuirks: { pageSizeCap: 3 } }, setup: async (s) => { await s.submit(ASKED); s.seedOther(10); }, changeSeconds: 4, pass: "must", writes: 0 },
  { name: "a page size applied but another echoed", issueClass: 2,
    faults: { taskListQuirks: { pageSizeCap: 4, echoedPageSize: 100 } }, setup: async (s) => { await s.submit(ASKED); s.seedOther(10); }, changeSeconds: 4, pass: "must", writes: 0 },
  { name: "NextPage false on every page; the same change on the last page", issueClass: 2,
    faults: { taskListQuirks: { pageSizeCap: 3, nextPageAlwaysFalse: true } }, setup: async (s) => { await s.submit(ASKED); s.seedOther(7); }, changeSeconds: 4, pass: "must", writes: 0 },
  { name: "NextPage true on every page", issueClass: 2, faults: { taskListQuirks: { nextPageAlwaysTrue: true } }, setup: SAME_NS_OPEN, changeSeconds: 4, pass: "must", writes: 0 },
  { name: "TotalItemNum short of the tasks listed (NextPage disagrees)", issueClass: 2,
    faults: { taskListQuirks: { pageSizeCap: 3, totalItemNumOffset: -4 } }, setup: async (s) => { await s.submit(ASKED); s.seedOther(7); }, changeSeconds: 4, pass: "never", writes: 0 },
  { name: "TotalItemNum over the tasks listed", issueClass: 2, faults: { taskListQuirks: { totalItemNumOffset: 2 } }, setup: SAME_NS_OPEN, changeSeconds: 4, pass: "never", writes: 0 },
  { name: "a service clock 5 s ahead, windows by the exact second", issueClass: 2,
    faults: { taskListQuirks: { clockAheadSeconds: 5, exactWindow: true } }, setup: SAME_NS_OPEN, changeSeconds: 4, pass: "must", writes: 0 },

  { name: "the same change open, listed with TaskNum 0", issueClass: 3, faults: { taskListQuirks: { taskNumZeroForSeconds: 3600 } }, setup: SAME_NS_OPEN, changeSeconds: 4, pass: "must", writes: 0 },
  { name: "the same change open, its details lagging", issueClass: 3, faults: { writeQuirks: { detailsAppearEverySeconds: 1 } }, setup: SAME_NS_OPEN, changeSeconds: 4, pass: "must", writes: 0 },
  { name: "the same change open, listed COMPLETE", issueClass: 3, faults: { taskListQuirks: { completeWhileOpen: true } }, setup: SAME_NS_OPEN, changeSeconds: 4, pass: "must", writes: 0 },
  { name: "the same change open, TaskType in lower case", issueClass: 3, faults: { taskListQuirks: { taskTypeSpelling: "lowerCase" } }, setup: SAME_NS_OPEN, changeSeconds: 4, pass: "must", writes: 0 },
  { name: "the same change open, TaskType padded", issueClass: 3, faults: { taskListQuirks: { taskTypeSpelling: "padded" } }, setup: SAME_NS_OPEN, changeSeconds: 4, pass: "must", writes: 0 },
  { name: "a rerun after the change finished", issueClass: 3, runs: "rerun", pass: "must", writes: 1 },
  { name: "a rerun after the change finished, listed COMPLETE with TaskNum 0", issueClass: 3, runs: "rerun",
    faults: { taskListQuirks: { completeWhileOpen: true, taskNumZeroForSeconds: 3600 } }, pass: "must", writes: 1 },
  { name: "a run without waiting, then one with", issueClass: 3, runs: "afterNoWait", pass: "must", writes: 1, skip: { provider: "a resource always waits" } },

  { name: "QueryTaskList throttled on every request", issueClass: 4,
    faults: { rules: [{ fault: "throttling", actions: ["QueryTaskList"], every: 1, timeLeftMs: 2000 }] }, pass: "never", writes: 0, timeoutSeconds: 5 },
  { name: "many candidates, each read slowly", issueClass: 4,
    faults: { latencyMs: 150, taskListQuirks: { taskNumZeroForSeconds: 3600 } }, setup: async (s) => s.seedOther(40), pass: "never", writes: 0, timeoutSeconds: 4 },

  { name: "a 5xx after the write was accepted", issueClass: 6, faults: { rules: [{ fault: "internalError", actions: ["SaveBatchTaskForModifyingDomainDns"], every: 1, afterWrite: true }] }, pass: "must", writes: 1 },
  { name: "an empty 200 after the write was accepted", issueClass: 6, faults: { rules: [{ fault: "emptyBody", actions: ["SaveBatchTaskForModifyingDomainDns"], every: 1, afterWrite: true }] }, pass: "must", writes: 1 },
  { name: "an HTML 200 after the write was accepted", issueClass: 6, faults: { rules: [{ fault: "html200", actions: ["SaveBatchTaskForModifyingDomainDns"], every: 1, afterWrite: true }] }, pass: "must", writes: 1 },
  { name: "the connection dropped after the write was accepted", issueClass: 6, faults: { rules: [{ fault: "dropConnection", actions: ["SaveBatchTaskForModifyingDomainDns"], every: 1, afterWrite: true }] }, pass: "must", writes: 1 },
  { name: 'a success body with Code "200"', issueClass: 6, faults: { writeQuirks: { successCode200: true } }, pass: "must", writes: 1 },
  { name: "the write throttled twice before it is accepted", issueClass: 6, faults: { rules: [{ fault: "throttling", actions: ["SaveBatchTaskForModifyingDomainDns"], from: 1, count: 2, timeLeftMs: 100 }] }, pass: "must", writes: 1 },
];
