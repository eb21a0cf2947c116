/** What a provider needs from the outside world (tests replace parts of it), and the client its resources call. */
import type { ClientOptions, DomainTaskApi } from "../../sdk/api/client";
import type { Clock } from "../../sdk/clock";
import type { DomainActionApi } from "../../sdk/name-servers/models";

/** What a resource's operations call the Domain API through: a DomainTaskClient fits. */
export type ResourceApi = DomainTaskApi & DomainActionApi;

export interface ProviderOptions {
  /** Builds the API client for one operation. Default: `new DomainTaskClient(options)`. */
  createApi?: (options: ClientOptions) => ResourceApi;
  /** Time for the waiter and the progress throttle. Default: the system clock. */
  clock?: Clock;
  /** Where progress and drift lines go. Default: the adapter's own log (`pulumi.log.info`, the engine's log). */
  log?: (message: string) => void;
  /** Minimum spacing of progress lines. Default 5 s. */
  progressIntervalMs?: number;
}
