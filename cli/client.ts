/**
 * Builds the SDK client from the global flags. Credentials come from the environment and the default chain;
 * `--access-key-id` may name the key, but its secret is only read from the environment or standard input,
 * never from a flag value (which would land in shell history and process listings).
 */
import { DomainTaskClient, type ClientOptions } from "../sdk/api/client";
import { ENV_SECRET_KEY, ENV_SECURITY_TOKEN, firstSet } from "../sdk/credentials";
import { AbortError } from "../sdk/errors";
import { retryLine } from "./debug";
import type { Io } from "./io";
import { UsageError, quote } from "./usage-error";

export interface GlobalOptions {
  endpoint?: string;
  product?: "domain" | "domain-intl";
  region?: string;
  profile?: string;
  accessKeyId?: string;
  secretFromStdin: boolean;
}

const text = (values: Record<string, string | boolean>, name: string, command?: string): string | undefined => {
  const value = values[name];
  if (typeof value !== "string") return undefined;
  if (value.trim() === "") throw new UsageError(`--${name} ${quote(value)} is empty: give a value or leave the flag out.`, command);
  return value.trim();
};

/** Reads and checks the global flags. */
export const parseGlobalOptions = (values: Record<string, string | boolean>, command?: string): GlobalOptions => {
  const product = text(values, "product", command);
  if (product !== undefined && product !== "domain" && product !== "domain-intl") {
    throw new UsageError(`--product ${quote(product)} is not a Domain API product: use domain or domain-intl.`, command);
  }
  const options: GlobalOptions = {
    endpoint: text(values, "endpoint", command),
    product,
    region: text(values, "region", command),
    profile: text(values, "profile", command),
    accessKeyId: text(values, "access-key-id", command),
    secretFromStdin: values["secret-from-stdin"] === true,
  };
  if (options.secretFromStdin && !options.accessKeyId) {
    throw new UsageError("--secret-from-stdin needs --access-key-id: the secret read from stdin belongs to that key.", command);
  }
  return options;
};

/**
 * The first line of `stream`, or everything up to its end. Stops at once when `signal` fires: a Ctrl-C while
 * stdin is open but silent (a pipe nobody writes to, a terminal) must interrupt, not wait for a second one.
 */
const readFirstLine = (stream: NodeJS.ReadableStream, signal: AbortSignal): Promise<string> =>
  new Promise((resolve, reject) => {
    let data = "";
    const finish = (error?: unknown): void => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", finish);
      signal.removeEventListener("abort", onAbort);
      stream.pause();
      if (error !== undefined) reject(error);
      else resolve(data.split(/\r?\n/)[0]);
    };
    const onData = (chunk: unknown): void => {
      data += String(chunk);
      if (data.includes("\n")) finish();
    };
    const onEnd = (): void => finish();
    const onAbort = (): void => finish(new AbortError("interrupted while reading the secret from standard input"));
    if (signal.aborted) return onAbort();
    stream.on("data", onData);
    stream.once("end", onEnd);
    stream.once("error", finish);
    signal.addEventListener("abort", onAbort, { once: true });
  });

/** The explicit key pair, when --access-key-id was given; undefined means "use the default chain". */
const explicitCredentials = async (options: GlobalOptions, io: Io): Promise<ClientOptions["credentials"]> => {
  if (!options.accessKeyId) return undefined;
  const secret = options.secretFromStdin
    ? (await readFirstLine(io.stdin, io.signal)).trim()
    : firstSet(io.env, [ENV_SECRET_KEY, "ALIBABA_CLOUD_ACCESS_KEY_SECRET"]) ?? "";
  if (!secret) {
    // Bad input (exit 2), found before anything is sent: the flag was given, its other half was not.
    throw new UsageError(
      `--access-key-id ${quote(options.accessKeyId)} was given without its secret: ` +
        (options.secretFromStdin
          ? "standard input was empty; pipe the secret in, e.g. from your secret store."
          : "set ALICLOUD_SECRET_KEY or ALIBABA_CLOUD_ACCESS_KEY_SECRET, or pass it on standard input with --secret-from-stdin."),
    );
  }
  const securityToken = firstSet(io.env, [ENV_SECURITY_TOKEN, "ALIBABA_CLOUD_SECURITY_TOKEN"]);
  return { accessKeyId: options.accessKeyId, accessKeySecret: secret, ...(securityToken ? { securityToken } : {}) };
};

/** A client for the resolved endpoint and credentials; with `--debug`, it tells stderr of each retry. */
export const createClient = async (options: GlobalOptions, io: Io, values: Readonly<Record<string, string | boolean>> = {}): Promise<DomainTaskClient> => {
  const credentials = await explicitCredentials(options, io);
  return new DomainTaskClient({
    endpoint: options.endpoint,
    product: options.product,
    region: options.region,
    profile: options.profile,
    credentials,
    env: io.env,
    ...(values.debug === true && { onRetry: (retry) => void io.stderr.write(retryLine(retry)) }),
  });
};
