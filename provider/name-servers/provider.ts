/**
 * The DomainNameServers dynamic provider: what runs in Pulumi's dynamic-provider host (loaded by package name, as
 * the DomainTask's is, so no client or credential is ever serialized).
 *
 * - `create` submits SaveBatchTaskForModifyingDomainDns and waits until every domain's detail succeeded - unless a
 *   change for exactly these domains was already submitted (a run interrupted after its submit): then it waits on
 *   that task instead, and submits only if that task did not leave the name servers asked for. Never twice.
 * - `update` does the same when `nameServers` or `aliyunDns` changed; other inputs change in place.
 * - `read` (refresh) asks the registry for each domain's name servers: drift shows as a change to `nameServers`.
 * - `delete` leaves the name servers as they are: a registrar cannot "delete" them.
 * - `check` and `diff` send nothing, so `pulumi preview` never submits.
 */
import type * as pulumi from "@pulumi/pulumi";
import { log as pulumiLog } from "@pulumi/pulumi";
import { DomainTaskClient, type ClientOptions } from "../../sdk/api/client";
import { systemClock, type Clock } from "../../sdk/clock";
import { clientOptionsFromStackConfig } from "../../sdk/config";
import type { NameServerApi, TaskInfo } from "../../sdk/name-servers/models";
import { findTask } from "../../sdk/name-servers/find-task";
import { queryDomainNameServers, sameNameServers } from "../../sdk/name-servers/query-domain";
import { submitNameServerChange } from "../../sdk/name-servers/submit";
import { AbortError } from "../../sdk/errors";
import { deploymentCancellation } from "../cancellation";
import { connectionOptions } from "../connection";
import { checkNameServersInputs, parseNameServersInputs, type NameServersInputs } from "./inputs";
import { diffNameServers } from "./diff";
import { changeCancelledMessage, changeFailedMessage, notAppliedMessage, timedOutMessage } from "./messages";
import { echoInputs, idOf, type NameServersState } from "./state";
import { ChangeTimedOut, waitForChange, type ChangeOutcome } from "./wait";

/** How far back a create looks for a change it may already have submitted. QueryTaskList filters by whole days. */
export const LOOKBACK_MS = 24 * 3600 * 1000;

/** Domains read at once on refresh and after a change: a batch of hundreds must not burst into throttling. */
const READ_CONCURRENCY = 4;

/** Hosts of Alibaba Cloud DNS, for drift of a domain set to `aliyunDns: true` (its exact hosts vary by account). */
const ALIYUN_DNS_HOST = /\.(hichina|alidns)\.com$/i;

export interface NameServersProviderOptions {
  /** Builds the API client for one operation. Default: `new DomainTaskClient(options)`. */
  createApi?: (options: ClientOptions) => NameServerApi;
  clock?: Clock;
  log?: (message: string) => void;
  progressIntervalMs?: number;
  /** Called right after a change was submitted, with its TaskNo (tests interrupt a create here). */
  onSubmitted?: (taskNo: string) => void;
}

interface Applied {
  taskNo: string;
  outcome: ChangeOutcome;
  current: Record<string, string[]>;
}

export class DomainNameServersProvider implements pulumi.dynamic.ResourceProvider {
  private configured: ClientOptions = {};
  private readonly createApi: (options: ClientOptions) => NameServerApi;
  private readonly clock: Clock;
  private readonly log: (message: string) => void;

  constructor(private readonly options: NameServersProviderOptions = {}) {
    this.createApi = options.createApi ?? ((o) => new DomainTaskClient(o));
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? ((m) => void pulumiLog.info(m));
  }

  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.configured = clientOptionsFromStackConfig((key) => req.config.get(key));
  }

  async check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    const outcome = checkNameServersInputs(news);
    return outcome.ok ? { inputs: outcome.inputs } : { inputs: news, failures: outcome.failures };
  }

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces } = diffNameServers(olds, news);
    return { changes, replaces, deleteBeforeReplace: false };
  }

  async create(props: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const inputs = parseNameServersInputs(props);
    return { id: idOf(inputs.domainNames), outs: await this.apply(inputs) };
  }

  async update(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
    const inputs = parseNameServersInputs(news);
    if (diffNameServers(olds, news).resubmit) return { outs: await this.apply(inputs) };
    return { outs: { ...(olds as unknown as NameServersState), ...echoInputs(inputs) } };
  }

  /** Refresh: what the registry lists now. A domain whose name servers differ from the inputs shows as drift. */
  async read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    const previous = props as Partial<NameServersState>;
    const domainNames = previous.domainNames ?? id.split(",");
    const api = this.api(previous as Partial<NameServersInputs>);
    const current = await this.currentOf(api, domainNames);
    const state: Record<string, unknown> = { ...previous, domainNames, currentNameServers: current };
    const drifted = domainNames.find((d) => !this.matches(previous, current[d]));
    if (drifted !== undefined) {
      this.log(`DomainNameServers ${id}: ${drifted} has name servers ${current[drifted].join(", ")}, not the ones in the state; \`pulumi up\` changes them back`);
      // Recorded as the inputs now in effect, so the next preview shows a change to `nameServers` and `up` submits it.
      state.nameServers = current[drifted];
      state.aliyunDns = null;
    }
    return { id, props: state };
  }

  /** Name servers stay as they are: deleting the resource only removes it from the stack. */
  async delete(id: string): Promise<void> {
    this.log(`DomainNameServers ${id}: removed from the stack; the domains keep their name servers`);
  }

  private api(inputs: Partial<NameServersInputs>): NameServerApi {
    const location = { endpoint: inputs.endpoint ?? undefined, product: inputs.product ?? undefined, region: inputs.region ?? undefined };
    return this.createApi(connectionOptions(this.configured, location as never));
  }

  /** Makes the change (or finds the one already made) and waits for it. */
  private async apply(inputs: NameServersInputs): Promise<NameServersState> {
    const api = this.api(inputs);
    const context = (err: unknown) => Promise.reject(err instanceof Error && err.message.startsWith("DomainNameServers") ? err : new Error(`DomainNameServers ${idOf(inputs.domainNames)}: ${(err as Error).message}`, { cause: err }));
    const applied = await this.applyWith(api, inputs).catch(context);
    return { ...echoInputs(inputs), taskNo: applied.taskNo, ...applied.outcome, currentNameServers: applied.current };
  }

  private async applyWith(api: NameServerApi, inputs: NameServersInputs): Promise<Applied> {
    const earlier = await this.submittedBefore(api, inputs);
    if (earlier) {
      this.log(`DomainNameServers ${idOf(inputs.domainNames)}: task ${earlier.task.taskNo} was already submitted for these domains; waiting on it instead of submitting again`);
      const settled = await this.settle(api, earlier.task.taskNo, inputs, earlier.current);
      if (inputs.domainNames.every((d) => this.matches(inputs, settled.current[d]))) return settled;
      this.log(`DomainNameServers ${idOf(inputs.domainNames)}: task ${earlier.task.taskNo} did not set these name servers; submitting the change`);
    }
    const { taskNo } = await submitNameServerChange(api, { domainNames: inputs.domainNames, nameServers: inputs.nameServers, aliyunDns: inputs.aliyunDns, lang: inputs.lang });
    this.log(`DomainNameServers ${idOf(inputs.domainNames)}: submitted the change as task ${taskNo}`);
    this.options.onSubmitted?.(taskNo);
    const settled = await this.settle(api, taskNo, inputs);
    const wrong = inputs.domainNames.find((d) => !this.matches(inputs, settled.current[d]));
    if (wrong !== undefined) throw new Error(notAppliedMessage(taskNo, wrong, inputs.nameServers ?? ["Alibaba Cloud DNS"], settled.current[wrong]));
    return settled;
  }

  /**
   * A change for exactly these domains submitted within LOOKBACK_MS: one still open, or the latest finished one if
   * the domains already have the name servers asked for (it was this change, and it went through; `current` is
   * what the registry listed then, so it is not read twice).
   */
  private async submittedBefore(api: NameServerApi, inputs: NameServersInputs): Promise<{ task: TaskInfo; current?: Record<string, string[]> } | undefined> {
    const now = this.clock.now();
    const found = await findTask(api, { domainNames: inputs.domainNames, sinceMs: now - LOOKBACK_MS }, { nowMs: now });
    const open = found.find((t) => t.taskStatus !== "COMPLETE");
    if (open) return { task: open };
    if (found.length === 0) return undefined;
    const current = await this.currentOf(api, inputs.domainNames);
    return inputs.domainNames.every((d) => this.matches(inputs, current[d])) ? { task: found[0], current } : undefined;
  }

  /** Waits for the task, fails with each failed domain's reason, then reads the domains' name servers. */
  private async settle(api: NameServerApi, taskNo: string, inputs: NameServersInputs, known?: Record<string, string[]>): Promise<Applied> {
    let outcome: ChangeOutcome;
    const cancellation = deploymentCancellation();
    try {
      outcome = await waitForChange(api, taskNo, inputs, {
        clock: this.clock,
        log: this.log,
        progressIntervalMs: this.options.progressIntervalMs,
        signal: cancellation.signal,
      });
    } catch (err) {
      if (err instanceof ChangeTimedOut) throw new Error(timedOutMessage(err.message), { cause: err });
      if (AbortError.isInstance(err) && cancellation.signal.aborted) throw new Error(changeCancelledMessage(taskNo), { cause: err });
      throw err;
    } finally {
      cancellation.stop();
    }
    if (!outcome.succeeded) throw new Error(changeFailedMessage(taskNo, outcome));
    return { taskNo, outcome, current: known ?? (await this.currentOf(api, inputs.domainNames)) };
  }

  /** Each domain's name servers now, READ_CONCURRENCY requests at a time (one request per domain). */
  private async currentOf(api: NameServerApi, domainNames: readonly string[]): Promise<Record<string, string[]>> {
    const current: Record<string, string[]> = {};
    let next = 0;
    const worker = async () => {
      while (next < domainNames.length) {
        const domain = domainNames[next++];
        current[domain] = (await queryDomainNameServers(api, domain)).nameServers;
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, domainNames.length) }, worker));
    return Object.fromEntries(domainNames.map((d) => [d, current[d]]));
  }

  /** Whether `actual` is what the inputs ask for (any order: registries reorder). */
  private matches(inputs: { nameServers?: string[] | null; aliyunDns?: boolean | null }, actual: readonly string[] | undefined): boolean {
    if (!actual) return false;
    if (inputs.aliyunDns === true) return actual.length > 0 && actual.every((h) => ALIYUN_DNS_HOST.test(h));
    return sameNameServers(inputs.nameServers ?? [], actual);
  }
}

/** A fresh provider; the loader in the host calls this once per serialized provider. */
export const createDomainNameServersProvider = (options?: NameServersProviderOptions): DomainNameServersProvider =>
  new DomainNameServersProvider(options);
