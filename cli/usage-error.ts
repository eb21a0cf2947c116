/**
 * A mistake in how the command was invoked. It is reported as one line naming the flag, the value and the
 * fix, then a usage hint, and exits 2 before anything is sent to the API.
 */
export class UsageError extends Error {
  /** The command whose usage line to show (`get`, `wait`, ...); undefined for the top level. */
  readonly command?: string;
  constructor(message: string, command?: string) {
    super(message);
    this.name = "UsageError";
    this.command = command;
  }
}

/** Quotes a value the user gave, so empty strings and spaces are visible in the message. */
export const quote = (value: string): string => JSON.stringify(value);
