/**
 * The DomainTask dynamic provider: what runs inside Pulumi's dynamic-provider host when a DomainTask is
 * checked, diffed, created, read, updated or deleted. It is not serialized: the resource serializes a
 * small loader (./serialized-provider) that requires this module by package name inside the host, so no
 * client, credential or socket ever lands in the state.
 *
 * - `create` and `update` wait for the task as `waitFor` says: `success` (wait until every detail has
 *   finished, then fail listing every failed domain unless all succeeded; `failFast` stops at the first
 *   failure instead), `completion` (record whatever it came to) or `none` (record the state now).
 * - `read` (refresh) reads the task once more (verified), so the state follows the task (drift is logged) -
 *   but never backwards: a recorded failure stays failed unless the service shows the detail retried, and a
 *   read listing fewer details than recorded keeps the recorded outcome, saying so.
 * - `delete` only forgets the resource: a Domain API task cannot be deleted.
 */
import type * as pulumi from "@pulumi/pulumi";
import { log as pulumiLog } from "@pulumi/pulumi";
import { DomainTaskClient, type ClientOptions, type DomainTaskApi } from "../sdk/api/client";
import type { TaskQuery } from "../sdk/api/schemas";
import { systemClock, type Clock } from "../sdk/clock";
import { clientOptionsFromStackConfig } from "../sdk/config";
import { AbortError, TimeoutError } from "../sdk/errors";
import type { FailedDetail, TaskOutcome } from "../sdk/outcome";
import { readTaskOutcome } from "../sdk/read";
import { identityOf } from "../sdk/read/ledger";
import { waitForTask } from "../sdk/waiter";
import { deploymentCancellation } from "./cancellation";
import { connectionOptions } from "./connection";
import { diffInputs } from "./diff";
import { checkInputs, parseInputs, type DomainTaskInputs } from "./inputs";
import { cancelledMessage, taskFailedMessage, timeoutMessage, withTaskContext } from "./messages";
import { FAILED_KEPT, keepLastOutcome, toState, type DomainTaskState } from "./outputs";
import { throttledProgress } from "./progress";

/** What the provider needs from the outside world; tests replace parts of it. */
export interface DomainTaskProviderOptions {
  /** Builds the API client for one operation. Default: `new DomainTaskClient(options)`. */
  createApi?: (options: ClientOptions) => DomainTaskApi;
  /** Time for the waiter and the progress throttle. Default: the system clock. */
  clock?: Clock;
  /** Where progress and drift lines go. Default: `pulumi.log.info`. */
  log?: (message: string) => void;
  /** Minimum spacing of progress lines. Default 5 s. */
  progressIntervalMs?: number;
}

/**
 * A state as the engine hands it back: one this provider wrote, or an older version did (which may lack
 * fields added since), so every field is optional when read.
 */
export type StoredState = Partial<DomainTaskState>;

/**
 * The provider methods, typed by Pulumi's own interface: checked inputs in, the state out. Inputs arrive as
 * the engine stored them (`check` sees whatever the program passed: it is what checks them), so the methods
 * take them as bags and parse them; what they return is checked against DomainTaskState.
 */
export class DomainTaskProvider implements pulumi.dynamic.ResourceProvider<DomainTaskInputs, StoredState> {
  private configured: ClientOptions = {};
  private readonly createApi: (options: ClientOptions) => DomainTaskApi;
  private readonly clock: Clock;
  private readonly log: (message: string) => void;
  private readonly progressIntervalMs?: number;

  constructor(options: DomainTaskProviderOptions = {}) {
    this.createApi = options.createApi ?? ((o) => new DomainTaskClient(o));
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? ((m) => void pulumiLog.info(m));
    this.progressIntervalMs = options.progressIntervalMs;
  }

  /** Reads the stack config (decrypted by the engine) once per provider process. */
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    this.configured = clientOptionsFromStackConfig((key) => req.config.get(key));
  }

  async check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult<DomainTaskInputs>> {
    const outcome = checkInputs(news, this.configured);
    // Without `inputs` the host keeps the news as they came, which is what a failed check should show.
    return outcome.ok ? { inputs: outcome.inputs } : { failures: outcome.failures };
  }

  async diff(_id: string, olds: StoredState, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
    const { changes, replaces, deleteBeforeReplace } = diffInputs(olds, news);
    return { changes, replaces, deleteBeforeReplace };
  }

  async create(props: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult<DomainTaskState>> {
    const inputs = parseInputs(props);
    return { id: inputs.taskNo, outs: await this.evaluate(inputs) };
  }

  async update(_id: string, olds: StoredState, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult<DomainTaskState>> {
    return { outs: await this.evaluate(parseInputs(news), olds) };
  }

  /** Refresh: one more verified look at the task, never a wait, and never one that rewrites history. */
  async read(id: string, props: StoredState = {}): Promise<pulumi.dynamic.ReadResult<StoredState>> {
    const previous = props;
    // Reading an existing task by ID (`new DomainTask(name, args, { id })`): the ID is the TaskNo.
    const inputs = parseInputs({ taskNo: id, ...props });
    const outcome = await this.observe(inputs, rememberedFailures(previous)).catch((err) => Promise.reject(withTaskContext(inputs.taskNo, err)));
    const recorded = previous.total ?? 0;
    if (outcome.total < recorded) {
      // Old details age out, or the answer was partial: what the task came to is still what the state says.
      this.log(outcome.total === 0
        ? `DomainTask ${inputs.taskNo}: the task is no longer listed by the Domain API; keeping its last known outcome`
        : `DomainTask ${inputs.taskNo}: the Domain API now lists ${outcome.total} of the ${recorded} details recorded; keeping the recorded outcome`);
      return { id, props: keepLastOutcome(inputs, previous, this.clock.now()) };
    }
    const recordedFailures = previous.counts?.EXECUTE_FAILURE ?? 0;
    if (outcome.counts.EXECUTE_FAILURE < recordedFailures && (previous.failedOmitted ?? 0) > 0 && outcome.complete) {
      // Failures beyond those the state lists cannot be traced one by one: fewer now, with nothing retrying,
      // is not evidence that they succeeded.
      this.log(`DomainTask ${inputs.taskNo}: the Domain API now counts ${outcome.counts.EXECUTE_FAILURE} failed details where ` +
        `${recordedFailures} were recorded, with none retrying; keeping the recorded outcome`);
      return { id, props: keepLastOutcome(inputs, previous, this.clock.now()) };
    }
    const state = toState(inputs, outcome, this.clock.now(), previous);
    if (previous.status !== undefined && previous.status !== state.status) {
      this.log(`DomainTask ${inputs.taskNo}: status was ${previous.status}, is now ${state.status}`);
    }
    for (const anomaly of outcome.anomalies) this.log(`DomainTask ${inputs.taskNo}: ${anomaly}`);
    return { id, props: state };
  }

  /** A task cannot be deleted: deleting the resource only removes it from the stack's state. */
  async delete(): Promise<void> {}

  /** Waits as `inputs.waitFor` says and returns the state; throws when the task failed or time ran out. */
  private async evaluate(inputs: DomainTaskInputs, previous?: StoredState): Promise<DomainTaskState> {
    const outcome = await (inputs.waitFor === "none" ? this.observe(inputs) : this.wait(inputs)).catch((err) =>
      Promise.reject(withTaskContext(inputs.taskNo, err)),
    );
    if (inputs.waitFor === "success" && !outcome.succeeded) throw new Error(taskFailedMessage(outcome));
    return toState(inputs, outcome, this.clock.now(), previous);
  }

  /** One verified read, holding no more details than the state keeps. */
  private observe(inputs: DomainTaskInputs, remembered?: ReadonlyMap<string, FailedDetail>): Promise<TaskOutcome> {
    const api = this.createApi(connectionOptions(this.configured, inputs));
    return readTaskOutcome(api, queryOf(inputs), { keepDetails: inputs.maxDetails, keepFailed: FAILED_KEPT, remembered });
  }

  /**
   * Waits until every detail is terminal, so a failed task's error lists every failed domain (as the CLI's
   * `wait` does by default). With `failFast` (and `waitFor: "success"`) it stops at the first failed detail
   * a verified read shows instead: success is out of reach then, and the deployment stops without waiting
   * for the rest.
   */
  private async wait(inputs: DomainTaskInputs): Promise<TaskOutcome> {
    const api = this.createApi(connectionOptions(this.configured, inputs));
    const report = throttledProgress({ clock: this.clock, log: this.log, intervalMs: this.progressIntervalMs });
    const cancellation = deploymentCancellation();
    try {
      return await waitForTask(api, queryOf(inputs), {
        maxWaitSeconds: inputs.timeoutSeconds,
        minDelaySeconds: inputs.minDelaySeconds,
        maxDelaySeconds: inputs.maxDelaySeconds,
        until: inputs.failFast && inputs.waitFor === "success" ? "firstFailure" : "complete",
        keepDetails: inputs.maxDetails,
        keepFailed: FAILED_KEPT,
        clock: this.clock,
        onProgress: report,
        signal: cancellation.signal,
      });
    } catch (err) {
      if (TimeoutError.isInstance(err)) {
        throw new Error(timeoutMessage(inputs.taskNo, inputs.timeoutSeconds, err.lastState), { cause: err });
      }
      if (AbortError.isInstance(err) && cancellation.signal.aborted) throw new Error(cancelledMessage(inputs.taskNo), { cause: err });
      throw err;
    } finally {
      cancellation.stop();
    }
  }
}

/** The failures a state recorded, by identity: a refresh keeps them failed unless it sees them retried. */
const rememberedFailures = (state: StoredState): ReadonlyMap<string, FailedDetail> => {
  const failures = new Map<string, FailedDetail>();
  for (const f of state.failed ?? []) {
    const key = identityOf(f);
    if (key !== undefined) failures.set(key, f);
  }
  return failures;
};

const queryOf = (inputs: DomainTaskInputs): TaskQuery => ({
  taskNo: inputs.taskNo,
  ...(inputs.domainName !== undefined && { domainName: inputs.domainName }),
  ...(inputs.instanceId !== undefined && { instanceId: inputs.instanceId }),
  ...(inputs.lang !== undefined && { lang: inputs.lang }),
});

/** A fresh provider; the loader in the host calls this once per serialized provider. */
export const createDomainTaskProvider = (options?: DomainTaskProviderOptions): DomainTaskProvider =>
  new DomainTaskProvider(options);
