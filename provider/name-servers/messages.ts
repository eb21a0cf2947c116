/** The errors a DomainNameServers deployment stops with: which domains, what happened, what to do. */
import { MAX_LISTED_FAILURES } from "../messages";
import type { OutcomeOutputs } from "../core/outcome-outputs";

export const changeFailedMessage = (taskNo: string, outcome: OutcomeOutputs): string => {
  if (outcome.counts.EXECUTE_FAILURE === 0 && !outcome.verified) {
    return `DomainNameServers: the answers about task ${taskNo} could not be verified, so its success cannot be trusted: ` +
      `${outcome.anomalies.join("; ") || "the service contradicted itself"}. Run \`pulumi up\` again: it waits on the same task.`;
  }
  const lines = [`DomainNameServers: the name-server change (task ${taskNo}) failed for ${outcome.failed.length} of ${outcome.total} domains:`];
  for (const f of outcome.failed.slice(0, MAX_LISTED_FAILURES)) {
    lines.push(`  - ${f.domainName || "(no domain name)"}: FailReason: ${f.failReason || "(none)"}; ErrorMsg: ${f.errorMsg || "(none)"}`);
  }
  if (outcome.failed.length > MAX_LISTED_FAILURES) lines.push(`  ... and ${outcome.failed.length - MAX_LISTED_FAILURES} more.`);
  lines.push("Fix the cause for each domain (e.g. remove the update lock, renew it, register the name server) and run `pulumi up` again: it submits a new change.");
  return lines.join("\n");
};

export const timedOutMessage = (why: string): string =>
  `DomainNameServers: ${why}. Raise timeoutSeconds; running \`pulumi up\` again resumes the wait on the same task ` +
  "(it is found by its domains, not submitted again).";

export const notAppliedMessage = (taskNo: string, domain: string, wanted: readonly string[], actual: readonly string[]): string =>
  `DomainNameServers: task ${taskNo} succeeded, but the registry lists ${domain}'s name servers as ${actual.join(", ") || "(none)"}, ` +
  `not ${wanted.join(", ")}. Another change may have overridden it: run \`pulumi refresh\`, then \`pulumi up\`.`;
