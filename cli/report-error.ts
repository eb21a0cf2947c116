/**
 * Turns an error from a command into what the user reads on stderr and the exit code a pipeline sees
 * (usage errors are reported by cli/run.ts without loading this module or the SDK's errors).
 * API errors show their Code and RequestId (what Alibaba Cloud support asks for); nothing shows a secret.
 */
import { AbortError, CredentialsError, DomainApiError, PagingError, TaskNotFoundError, ValidationError } from "../sdk/errors";
import { ExitCode } from "./exit-codes";
import { usageHint } from "./help";

export interface ErrorReport {
  exitCode: ExitCode;
  /** Lines for stderr, without trailing newlines. */
  lines: string[];
}

const PREFIX = "domain-tasks:";

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
    return { exitCode: ExitCode.USAGE, lines: [`${PREFIX} ${error.message}`, usageHint(command)] };
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
  if (CredentialsError.isInstance(error)) {
    return { exitCode: ExitCode.API_ERROR, lines: [`${PREFIX} no usable credentials: ${error.message}`] };
  }
  if (PagingError.isInstance(error)) {
    return { exitCode: ExitCode.API_ERROR, lines: [`${PREFIX} ${error.message}`, `  RequestId:  ${error.requestId ?? "(unknown)"}`] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: ExitCode.API_ERROR, lines: [`${PREFIX} unexpected error: ${message}`] };
};
