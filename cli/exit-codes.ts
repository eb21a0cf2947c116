/**
 * The exit codes of `domain-tasks`, one meaning each, so a pipeline can branch on them.
 * They follow the conventions of `kubectl wait`, `gh run watch --exit-status` and shells (130 = 128 + SIGINT).
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
   * RequestId; or standard output could not be written (a full disk, `> /dev/full`, a reader that closed the
   * pipe), so what the command printed is incomplete: 3 then, whatever the verdict was.
   */
  API_ERROR: 3,
  /** The timeout ran out while details were still open; the last counts are printed. */
  TIMEOUT: 4,
  /** Interrupted (Ctrl-C / SIGINT): polling stopped at once. */
  INTERRUPTED: 130,
  /** Terminated (SIGTERM, as CI runners and `timeout` send): polling stopped at once, as for Ctrl-C. */
  TERMINATED: 143,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One line per code, for `--help` and docs/cli.md (generated). */
export const EXIT_CODE_HELP = `Exit codes:
  0    condition met (--for success: every detail succeeded; --for completion: every detail finished)
  1    condition false: a detail failed (--for success)
  2    usage or bad input (unknown flag, malformed value, empty TaskNo; wait: no details for the TaskNo after ${formatDefaultSeconds(WAIT_DEFAULTS.notFoundGraceSeconds)})
  3    API or credential error (Code and RequestId printed), or stdout could not be written
  4    timed out with details still open (last counts printed)
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)`;
