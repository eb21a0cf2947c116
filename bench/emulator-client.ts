/** A client for an in-process emulator, isolated from the machine's environment and credential files. */
import { DEFAULT_CREDENTIAL, type Emulator } from "../emulator";
import { DomainTaskClient, type ClientOptions } from "../sdk/api/client";

export const benchClient = (emulator: Pick<Emulator, "url">, options: ClientOptions = {}): DomainTaskClient =>
  new DomainTaskClient({ endpoint: emulator.url, credentials: { ...DEFAULT_CREDENTIAL }, env: {}, ...options });

/** QueryTaskDetailList requests the emulator answered since its stats were last reset. */
export const apiRequests = (emulator: Emulator): number => emulator.stats().byAction.QueryTaskDetailList ?? 0;
