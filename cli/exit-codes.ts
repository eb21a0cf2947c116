/**
 * The exit codes of `domain-tasks`, one meaning each, so a pipeline can branch on them - and the one place that
 * decides which ending gets which code: a signal, a standard output that failed or was closed, several tasks'
 * verdicts together (cli/run.ts, cli/main.ts, cli/report-error.ts and the commands ask here).
 * They follow the conventions of `kubectl wait`, `gh run watch --exit-status` and shells (130 = 128 + SIGINT,
 * 141 = 128 + SIGPIPE: what a shell reports for `yes | head`).
 */
import { WAIT_DEFAULTS } from "../sdk/waiter/defaults";
import { formatDefaultSeconds } from "./duration";

export const ExitCode = {
  /** The condition was met (`--for success`: every detail succeeded; `--for completion`: every detail finished). */
  OK: 0,
  /** The condition is false and cannot become true: a detail failed (`--for success`). */
  CONDITION_FALSE: 1,
  /**
   * Usage or bad input: an unknown flag, a malformed value, a missing TaskNo (nothing was sent); or, from `wait`,
   * a TaskNo the service still shows no details for after the
   * not-found grace (WAIT_DEFAULTS.notFoundGraceSeconds: a wrong TaskNo, or the wrong --product).
   */
  USAGE: 2,
  /**
   * The Domain API, the credentials or the environment failed: the message carries the API's Code and
   * RequestId; or standard output could not be written (a full disk, `> /dev/full`), so what the command printed
   * is incomplete: 3 then, whatever the verdict was.
   */
  API_ERROR: 3,
  /** The timeout ran out while details were still open; the last counts are printed. */
  TIMEOUT: 4,
  /** Interrupted (Ctrl-C / SIGINT): polling stopped at once. */
  INTERRUPTED: 130,
  /**
   * The reader of standard output closed it early (EPIPE: `get T -o jsonl | head`): not an API failure. Under
   * `set -o pipefail` (GitHub Actions' bash) a pipeline can tell it apart, as it can `yes | head`'s 141.
   */
  OUTPUT_CLOSED: 141,
  /** Terminated (SIGTERM, as CI runners and `timeout` send): polling stopped at once, as for Ctrl-C. */
  TERMINATED: 143,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The code for a stop by a signal (a second one leaves at once with it). */
export const exitCodeForSignal = (name: "SIGINT" | "SIGTERM"): ExitCode => (name === "SIGTERM" ? ExitCode.TERMINATED : ExitCode.INTERRUPTED);

/**
 * The code once standard output failed (`errno`, its error code): a closed pipe is 141, anything else (a full disk)
 * 3 - whatever the verdict was, since the output is incomplete; a signal's 130/143 stands.
 */
export const exitCodeAfterOutputFailure = (code: number, errno: string | undefined): number => {
  if (code === ExitCode.INTERRUPTED || code === ExitCode.TERMINATED) return code;
  return errno === "EPIPE" ? ExitCode.OUTPUT_CLOSED : ExitCode.API_ERROR;
};

/** Worst first: the verdict a pipeline must see when several tasks' verdicts disagree. */
const PRECEDENCE: readonly number[] = [ExitCode.CONDITION_FALSE, ExitCode.API_ERROR, ExitCode.USAGE, ExitCode.TIMEOUT, ExitCode.OK];

/** One code for several tasks (`wait T1 T2`, `--since`): 1 if any failed, else 3, else 2, else 4, else 0. */
export const combinedExitCode = (codes: readonly number[]): number =>
  PRECEDENCE.find((code) => codes.includes(code)) ?? ExitCode.API_ERROR;

/** One line per code, for `--help` and docs/cli.md (generated). */
export const EXIT_CODE_HELP = `Exit codes:
  0    condition met (--for success: every detail succeeded; --for completion: every detail finished)
  1    condition false: a detail failed (--for success)
  2    usage or bad input (unknown flag, malformed value, empty TaskNo; wait: no details for the TaskNo after ${formatDefaultSeconds(WAIT_DEFAULTS.notFoundGraceSeconds)})
  3    API or credential error (Code and RequestId printed), answers that never verified, or stdout could not be written
  4    timed out with details still open (last counts printed)
  130  interrupted (Ctrl-C)
  141  the reader closed stdout early (EPIPE, e.g. | head): not an API failure
  143  terminated (SIGTERM)`;
