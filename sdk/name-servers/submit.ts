/**
 * `submitNameServerChange`: one SaveBatchTaskForModifyingDomainDns call - the domains and their new name servers
 * (or Alibaba Cloud DNS) - answered by the TaskNo to wait on (`waitForTask`). The write alone: `submitOrResume`
 * with NAME_SERVER_CHANGE (./operation) also finds the same change already submitted, gates and reads back.
 *
 * A write is retried only when the service cannot have acted on it (../tasks/write): after a 5xx, a timeout, a
 * dropped connection or a 200 that is no answer the change may have been submitted, so it is not repeated; the
 * error says so, and `findTask` finds it if it was.
 */
import type { DomainActionApi, NameServerChange, SubmittedChange } from "./models";
import { write } from "../tasks/write";
import { NAME_SERVER_CHANGE, submitQuery } from "./operation";
import { validateNameServerChange } from "./validate";

export { SUBMIT_ACTION, SUBMIT_RAM_ACTION, submitQuery } from "./operation";

/**
 * Submits the change and resolves to its TaskNo. Validates first (ValidationError naming the field); a key
 * without `domain:DnsModification` gets a DomainApiError that says so.
 *
 * @example
 * const { taskNo } = await submitNameServerChange(client, { domainNames: ["example.com"], nameServers: ["ns1.example.net", "ns2.example.net"] });
 * await waitForTask(client, { taskNo });
 */
export async function submitNameServerChange(
  api: DomainActionApi,
  change: NameServerChange,
  options: { signal?: AbortSignal; userClientIp?: string; timeoutMs?: number } = {},
): Promise<SubmittedChange> {
  const valid = validateNameServerChange(change);
  return write(api, NAME_SERVER_CHANGE, submitQuery(valid, options.userClientIp), { signal: options.signal, timeoutMs: options.timeoutMs ?? 60_000 },
    "Look for its task (findTask; `domain-tasks set-ns` and the DomainNameServers resource do this on their next run) before submitting it again.");
}
