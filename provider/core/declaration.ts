/**
 * What a resource is, to the provider core: its inputs (checked by ./check's rules), what their changes mean
 * (./diff's rules), the outputs it records, and what create, read, update and delete do - each given an
 * OperationContext with the API client for the resource's location, the clock, the log and the one wait. The
 * core (./resource-core) does the rest the same way for every resource; the dynamic provider and the plugin are
 * adapters over it. Adding a resource is adding a declaration.
 */
import type { TaskQuery } from "../../sdk/api/schemas";
import type { Clock } from "../../sdk/clock";
import type { TaskOutcome } from "../../sdk/outcome";
import type { ReadTaskOptions } from "../../sdk/read";
import type { InputRules } from "./check";
import type { RecordedLocation } from "./connection";
import type { ChangeRules, InputsDiff } from "./diff";
import type { ResourceApi } from "./provider-options";
import type { WaitRequest } from "./wait";


export type { ResourceApi } from "./provider-options";

/** What an operation of a declaration may use; the core makes one per operation. */
export interface OperationContext {
  /** A client for `location` (a resource's endpoint/product/region, or none: the provider's config). */
  api(location: RecordedLocation): ResourceApi;
  clock: Clock;
  /** Fires when the engine cancels (the plugin's Cancel): hand it to anything long-running, so it stops. */
  signal: AbortSignal;
  /** A line for the deployment's log (progress, drift, what was found). */
  log(message: string): void;
  /** One verified read (sdk/read), stopped by a cancellation. */
  read(api: ResourceApi, query: TaskQuery, options?: ReadTaskOptions): Promise<TaskOutcome>;
  /** The wait (./wait), stopped by a cancellation. */
  wait(api: ResourceApi, query: TaskQuery, request: WaitRequest): Promise<TaskOutcome>;
}

/** A resource on the core: `I` its checked inputs, `S` its state (echoed inputs and outputs, plain JSON). */
export interface ResourceDeclaration<I, S> {
  /** The type name: the token's last part, and how errors and log lines name the resource. */
  type: string;
  inputs: InputRules;
  changes: ChangeRules;
  /** Every output the state holds (inputs echoed included), for the resource classes and the schema. */
  outputNames: readonly string[];
  /** The ID a resource with these inputs gets. */
  id(inputs: I): string;
  /** How errors and log lines name one resource: "DomainTask T-1". */
  label(id: string): string;
  create(ctx: OperationContext, inputs: I): Promise<S>;
  /** Applies `diff.changed` (never a replacing change: the engine replaces instead). */
  update(ctx: OperationContext, id: string, olds: Partial<S>, inputs: I, diff: InputsDiff): Promise<S>;
  /** Refresh (and import: `state` then holds nothing but what the ID says). */
  read(ctx: OperationContext, id: string, state: Partial<S>): Promise<Partial<S>>;
  delete(ctx: OperationContext, id: string, state: Partial<S>): Promise<void>;
}
