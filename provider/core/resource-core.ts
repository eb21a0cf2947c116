/**
 * The provider core: check, diff, create, read, update and delete for any declared resource (./declaration),
 * the same way for all of them - inputs checked by the resource's rules against the provider's configuration,
 * changes diffed by its rules, operations given a context (client, clock, log, the verified read and the wait),
 * and every error an operation throws named after the resource. The dynamic provider (../dynamic) and the
 * plugin (../plugin) are thin adapters over it. Nothing here loads @pulumi/pulumi.
 */
import { DomainTaskClient, type ClientOptions } from "../../sdk/api/client";
import { systemClock, type Clock } from "../../sdk/clock";
import { clientOptionsFromStackConfig } from "../../sdk/config";
import { readTaskOutcome } from "../../sdk/read";
import { checkInputsWith, inputNamesOf, parseInputsWith, type CheckOutcome } from "./check";
import { connectionOptions } from "./connection";
import type { OperationContext, ResourceDeclaration } from "./declaration";
import { diffWith, type InputsDiff } from "./diff";
import type { ProviderOptions, ResourceApi } from "./provider-options";
import { waitForOutcome } from "./wait";

export type { ProviderOptions } from "./provider-options";

/**
 * What every resource of one provider process shares: the configuration (read once by `configure`), the client
 * factory, the clock and the log, and the cancellation that stops every wait and read in flight.
 */
export class ProviderEnvironment {
  private configured: ClientOptions = {};
  private readonly cancellation = new AbortController();
  private readonly createApi: (options: ClientOptions) => ResourceApi;
  private readonly clock: Clock;
  private readonly log: (message: string) => void;

  constructor(private readonly options: ProviderOptions = {}) {
    this.createApi = options.createApi ?? ((o) => new DomainTaskClient(o));
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? (() => undefined);
  }

  /** Reads the configuration: stack config keys (`alicloud:accessKey`, `alicloud-domain-tasks:endpoint`, ...). */
  configure(get: (key: string) => string | undefined): void {
    this.configured = clientOptionsFromStackConfig(get);
  }

  /** The configured options, for checks (whether plain http off loopback was opted into). */
  get configuration(): Readonly<ClientOptions> {
    return this.configured;
  }

  /** Stops every wait and read in flight (the engine's Cancel); later operations stop at once. */
  cancel(reason: Error): void {
    this.cancellation.abort(reason);
  }

  /** The context one operation runs in; `scope.log` (e.g. the engine's log for one resource) replaces the provider's. */
  context(scope: OperationScope = {}): OperationContext {
    const signal = this.cancellation.signal;
    const log = scope.log ?? this.log;
    const waitContext = { clock: this.clock, log, progressIntervalMs: this.options.progressIntervalMs, signal };
    return {
      api: (location) => this.createApi(connectionOptions(this.configured, location)),
      clock: this.clock,
      signal,
      log,
      read: (api, query, options) => readTaskOutcome(api, query, { ...options, signal }),
      wait: (api, query, request) => waitForOutcome(api, query, request, waitContext),
    };
  }
}

/** What one operation brings of its own: where its lines go (the plugin logs each resource's under its URN). */
export interface OperationScope {
  log?: (message: string) => void;
}

/** One resource's provider: its declaration on the shared environment. */
export class ResourceCore<I, S> {
  constructor(
    readonly declaration: ResourceDeclaration<I, S>,
    readonly environment: ProviderEnvironment,
  ) {}

  check(news: Record<string, unknown>): CheckOutcome<I> {
    return checkInputsWith<I>(this.declaration.inputs, news, this.environment.configuration);
  }

  diff(olds: Record<string, unknown>, news: Record<string, unknown>): InputsDiff {
    return diffWith(this.declaration.changes, olds, news);
  }

  async create(props: Record<string, unknown>, scope?: OperationScope): Promise<{ id: string; state: S }> {
    const inputs = this.parse(props);
    const id = this.declaration.id(inputs);
    return { id, state: await this.named(id, () => this.declaration.create(this.environment.context(scope), inputs)) };
  }

  async read(id: string, state: Record<string, unknown>, scope?: OperationScope): Promise<{ id: string; state: Partial<S> }> {
    return { id, state: await this.named(id, () => this.declaration.read(this.environment.context(scope), id, state as Partial<S>)) };
  }

  async update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>, scope?: OperationScope): Promise<S> {
    const inputs = this.parse(news);
    const diff = this.diff(olds, news);
    return this.named(id, () => this.declaration.update(this.environment.context(scope), id, olds as Partial<S>, inputs, diff));
  }

  async delete(id: string, state: Record<string, unknown>, scope?: OperationScope): Promise<void> {
    await this.named(id, () => this.declaration.delete(this.environment.context(scope), id, state as Partial<S>));
  }

  /**
   * The inputs a state stands for: the inputs it echoes, less absent ones and defaults - what an import records as
   * the resource's inputs (so the program `pulumi import` writes names only what was chosen).
   */
  inputsOf(state: Record<string, unknown>): Record<string, unknown> {
    const defaults = this.declaration.changes.defaults;
    const chosen = (key: string) => state[key] !== undefined && state[key] !== null && JSON.stringify(state[key]) !== JSON.stringify(defaults[key]);
    return Object.fromEntries(inputNamesOf(this.declaration.inputs).filter(chosen).map((k) => [k, state[k]]));
  }

  private parse(props: Record<string, unknown>): I {
    return parseInputsWith<I>(this.declaration.inputs, props);
  }

  /** Runs an operation; an error that does not name the resource yet gets its label in front, as the user sees it. */
  private async named<T>(id: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const type = this.declaration.type;
      if (message.startsWith(`${type} `) || message.startsWith(`${type}:`)) throw err instanceof Error ? err : new Error(message);
      throw new Error(`${this.declaration.label(id)}: ${message}`, { cause: err });
    }
  }
}
