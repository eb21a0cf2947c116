/**
 * Turns an error from a command into what the user reads on stderr and the exit code a pipeline sees
 * (usage errors are reported by cli/run.ts without loading this module or the SDK's errors).
 * API errors show their Code and RequestId (what Alibaba Cloud support asks for); nothing shows a secret.
 */
import { AbortError, CredentialsError, DomainApiError, InconsistentAnswerError, PagingError, TaskNotFoundError, ValidationError } from "../sdk/errors";
import { TimeoutError } from "../sdk/waiter/timeout-error";
import { ExitCode } from "./exit-codes";
import { usageHint } from "./help";

export interface ErrorReport {
  exitCode: ExitCode;
  /** Lines for stderr, without trailing newlines. */
  lines: string[];
}

const PREFIX = "domain-tasks:";
/** Contradictions listed one a line; the rest are counted. */
const LISTED_PROBLEMS = 5;

/**
 * The flag (or argument) that sets each SDK option: the SDK's messages name its options, the user typed
 * flags. camelCase names are unambiguous and replaced wherever they occur; plain words (endpoint, region)
 * only where they open the message as the failing field, since they also occur as ordinary words.
 */
const FLAG_FOR_OPTION: Record<string, string> = {
  maxWaitSeconds: "--timeout",
  minDelaySeconds: "--min-delay",
  maxDelaySeconds: "--max-delay",
  pageSize: "--page-size",
  taskNo: "<taskNo>",
  taskStatus: "--status",
  domainName: "--domain",
  instanceId: "--instance",
  lang: "--lang",
  endpoint: "--endpoint",
  product: "--product",
  region: "--region",
  profile: "--profile",
};

/** A ValidationError's message in the command's own terms: "--timeout must be ...", not "maxWaitSeconds ...". */
export const inFlagTerms = (error: ValidationError): string => {
  let message = error.message;
  for (const [option, flag] of Object.entries(FLAG_FOR_OPTION)) {
    if (/[A-Z]/.test(option)) message = message.replace(new RegExp(`\\b${option}\\b`, "g"), flag);
    else if (option === error.field) message = message.replace(new RegExp(`^${option}\\b`), flag);
  }
  return message;
};

export const reportError = (error: unknown, command?: string): ErrorReport => {
  if (AbortError.isInstance(error)) {
    return { exitCode: ExitCode.INTERRUPTED, lines: [`${PREFIX} interrupted; stopped polling.`] };
  }
  // A TaskNo the service never showed a detail for: bad input (exit 2), but the command line itself was fine,
  // so no usage line; the message says what to check.
  if (TaskNotFoundError.isInstance(error)) {
    return { exitCode: ExitCode.USAGE, lines: [`${PREFIX} ${error.message}`] };
  }
  if (ValidationError.isInstance(error)) {
    return { exitCode: ExitCode.USAGE, lines: [`${PREFIX} ${inFlagTerms(error)}`, usageHint(command)] };
  }
  if (InconsistentAnswerError.isInstance(error)) {
    // Every answer was well-formed; together they do not add up. Say how, one contradiction a line.
    const lines = [`${PREFIX} not verified: ${error.message}`, `  Reads:      ${error.reads}`];
    for (const problem of error.problems.slice(0, LISTED_PROBLEMS)) lines.push(`  - ${problem}`);
    if (error.problems.length > LISTED_PROBLEMS) lines.push(`  ... and ${error.problems.length - LISTED_PROBLEMS} more`);
    return { exitCode: ExitCode.API_ERROR, lines };
  }
  if (DomainApiError.isInstance(error)) {
    const lines = [`${PREFIX} the Domain API call failed: ${error.message}`,
      `  Code:       ${error.code}`,
      `  RequestId:  ${error.requestId ?? "(none: no response from the service)"}`,
      `  HTTP:       ${error.statusCode || "(no response)"}`];
    if (error.hostId) lines.push(`  HostId:     ${error.hostId}`);
    if (error.attempts > 1) lines.push(`  Attempts:   ${error.attempts}`);
    if (error.recommend) lines.push(`  Recommend:  ${error.recommend}`);
    return { exitCode: ExitCode.API_ERROR, lines };
  }
  if (TimeoutError.isInstance(error)) {
    return { exitCode: ExitCode.TIMEOUT, lines: [`${PREFIX} ${error.message}`] };
  }
  if (CredentialsError.isInstance(error)) {
    return { exitCode: ExitCode.API_ERROR, lines: [`${PREFIX} no usable credentials: ${error.message}`] };
  }
  if (PagingError.isInstance(error)) {
    return { exitCode: ExitCode.API_ERROR, lines: [`${PREFIX} ${error.message}`, `  RequestId:  ${error.requestId ?? "(unknown)"}`] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: ExitCode.API_ERROR, lines: [`${PREFIX} unexpected error: ${message}`] };
};
