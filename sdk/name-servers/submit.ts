/**
 * `submitNameServerChange`: one SaveBatchTaskForModifyingDomainDns call - the domains and their new name servers
 * (or Alibaba Cloud DNS) - answered by the TaskNo to wait on (`waitForTask`).
 *
 * A write is retried only when the service cannot have acted on it: throttling (refused before processing) and a
 * refused connection. After a 5xx, a timeout or a dropped connection the change may or may not have been
 * submitted, so it is not repeated; the error says so, and `findTask` finds it if it was.
 */
import { TRANSPORT_CODES } from "../api/error-mapping";
import { DomainApiError } from "../errors";
import type { DomainActionApi, NameServerChange, SubmittedChange } from "./models";
import { withRamAdvice } from "./permissions";
import { validateNameServerChange } from "./validate";
import { parseSubmitted } from "./wire";

export const SUBMIT_ACTION = "SaveBatchTaskForModifyingDomainDns";
/** The RAM action SaveBatchTaskForModifyingDomainDns needs. */
export const SUBMIT_RAM_ACTION = "domain:DnsModification";

/** Failures after which the service cannot have acted on the request. */
const neverProcessed = (err: DomainApiError): boolean =>
  err.code.startsWith("Throttling") || err.code === "Rejected.Throttling" || err.code === TRANSPORT_CODES.connectionRefused;

/** Failures after which it may have. */
const maybeProcessed = (err: DomainApiError): boolean =>
  err.statusCode >= 500 || (err.statusCode === 0 && ![TRANSPORT_CODES.connectionRefused, TRANSPORT_CODES.hostNotFound, TRANSPORT_CODES.tls].includes(err.code as never));

/** The wire query: every list flattened to `Name.1`, `Name.2`, ... as the official SDKs send it. */
export const submitQuery = (change: NameServerChange, userClientIp?: string): Record<string, string> => {
  const query: Record<string, string> = { AliyunDns: String(change.aliyunDns === true) };
  change.domainNames.forEach((name, i) => (query[`DomainName.${i + 1}`] = name));
  (change.nameServers ?? []).forEach((host, i) => (query[`DomainNameServer.${i + 1}`] = host));
  if (change.lang) query.Lang = change.lang;
  if (userClientIp) query.UserClientIp = userClientIp;
  return query;
};

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
  options: { signal?: AbortSignal; userClientIp?: string } = {},
): Promise<SubmittedChange> {
  const valid = validateNameServerChange(change);
  try {
    return await api.callAction(SUBMIT_ACTION, submitQuery(valid, options.userClientIp), parseSubmitted, { signal: options.signal, retryable: neverProcessed });
  } catch (err) {
    if (DomainApiError.isInstance(err) && maybeProcessed(err)) {
      throw new DomainApiError(
        `${err.message} The change may have been submitted before this failure: look for its task (findTask; ` +
          "`domain-tasks set-ns` and the DomainNameServers resource do this on their next run) before submitting it again.",
        { ...err, retryable: false },
        { cause: err },
      );
    }
    throw withRamAdvice(err, SUBMIT_RAM_ACTION, "change name servers");
  }
}
