/**
 * DomainTaskClient: one call, QueryTaskDetailList, done properly. It validates the request, waits for the
 * rate limiter, signs (ACS3-HMAC-SHA256 by default, V1 HMAC-SHA1 on request) and sends through
 * @alicloud/openapi-client, retries transient failures, parses the body with the wire schema, and throws
 * typed errors.
 *
 * The AccessKey lives only in private (#) fields, so a client that is logged, inspected or serialized
 * shows no secret.
 */
import OpenApi, { Config as OpenApiConfig, OpenApiRequest, Params } from "@alicloud/openapi-client";
import type Credential from "@alicloud/credentials";
import { RuntimeOptions } from "@alicloud/tea-util";
import { abortable, type Clock, systemClock, throwIfAborted } from "../clock";
import { resolveCredentials, type StaticCredentials } from "../credentials";
import { resolveEndpoint, type Product, type ResolvedEndpoint } from "../endpoint";
import { DomainApiError, ValidationError } from "../errors";
import { RateLimiter } from "../rate-limit";
import { retryPolicy, withRetry, type RetryOptions } from "../retry";
import { toDomainApiError } from "./error-mapping";
import { keepStatusOfNonJsonErrors } from "./http-status";
import { toWireQuery } from "./request";
import { parseTaskDetailPage } from "./response";
import type { QueryTaskDetailListRequest, TaskDetailPage } from "./schemas";

/** Per-call options. */
export interface CallOptions {
  /** Stops the call promptly with an AbortError. */
  signal?: AbortSignal;
  /** The call, retries included, settles within this many milliseconds (a caller's deadline). */
  timeoutMs?: number;
}

/** What the pager and the waiter need from a client. Implement it to put them on another transport. */
export interface DomainTaskApi {
  /** One page of one task's details. */
  queryTaskDetailList(request: QueryTaskDetailListRequest, options?: CallOptions): Promise<TaskDetailPage>;
}

/** How to reach and authenticate to the Domain API. Every field is optional. */
export interface ClientOptions {
  /** `https://host`, `http://127.0.0.1:PORT` or `host[:port]` (https). Overrides product and region. */
  endpoint?: string;
  /** `domain` (mainland, default) or `domain-intl`; also decides the API version for a custom endpoint. */
  product?: Product;
  /** Region: `ap-southeast-1` selects domain-intl. Default: env ALICLOUD_REGION, then ALIBABA_CLOUD_REGION. */
  region?: string;
  /** An AccessKey pair [+ STS token]. Default: env, profile, then the @alicloud/credentials default chain. */
  credentials?: StaticCredentials;
  /** A named profile (aliyun CLI config, then ~/.alibabacloud/credentials). Default: env ALICLOUD_PROFILE. */
  profile?: string;
  /** `v3` (ACS3-HMAC-SHA256, default) or `v1` (HMAC-SHA1 `Signature` query parameter). */
  signatureVersion?: "v3" | "v1";
  /** Allow plain http to a host that is not loopback. */
  allowInsecureHttp?: boolean;
  /** Retry limits; see RetryOptions. `{ maxAttempts: 1 }` turns retry off. */
  retry?: RetryOptions;
  /** At most this many requests per second from this client (retries included). Default: no limit. */
  rateLimit?: number;
  /** Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Default 10000 ms: a 1000-item page can be large. */
  readTimeoutMs?: number;
  /** Time source for retry backoff and the rate limiter. Default: the system clock. */
  clock?: Clock;
  /** Environment to read settings from. Default process.env. */
  env?: Record<string, string | undefined>;
  /** Random source for backoff jitter, [0, 1). Default Math.random. */
  random?: () => number;
}

/** Region from options, then ALICLOUD_REGION, then ALIBABA_CLOUD_REGION. */
export const resolveRegion = (options: Pick<ClientOptions, "region" | "env">): string | undefined => {
  const env = options.env ?? process.env;
  return [options.region, env.ALICLOUD_REGION, env.ALIBABA_CLOUD_REGION].map((r) => r?.trim()).find((r) => !!r);
};

const ACTION = "QueryTaskDetailList";

/** The values to redact from error text: the secret and token in use (cached by the provider, no I/O). */
const secretsOf = (credential: Credential): Promise<(string | undefined)[]> =>
  credential.getCredential().then(
    (m) => [m.accessKeySecret, m.securityToken],
    () => [],
  );

/**
 * The real Domain API client.
 *
 * @example
 * const client = new DomainTaskClient({ region: "cn-hangzhou" });
 * const page = await client.queryTaskDetailList({ taskNo, pageNum: 1, pageSize: 1000 });
 */
export class DomainTaskClient implements DomainTaskApi {
  /** Where requests go, e.g. `https://domain.aliyuncs.com`. */
  readonly endpoint: string;
  /** `domain` or `domain-intl`. */
  readonly product: Product;
  readonly region: string | undefined;
  readonly signatureVersion: "v3" | "v1";

  readonly #options: ClientOptions;
  readonly #resolved: ResolvedEndpoint;
  readonly #retry: Required<RetryOptions>;
  readonly #clock: Clock;
  readonly #limiter: RateLimiter | undefined;
  #api: Promise<{ api: OpenApi; credential: Credential }> | undefined;

  /** Resolves the endpoint and checks options now; credentials are resolved at the first request. */
  constructor(options: ClientOptions = {}) {
    const env = options.env ?? process.env;
    this.region = resolveRegion(options);
    this.#resolved = resolveEndpoint({ ...options, region: this.region }, env);
    this.endpoint = this.#resolved.url;
    this.product = this.#resolved.product;
    this.signatureVersion = options.signatureVersion ?? "v3";
    if (this.signatureVersion !== "v3" && this.signatureVersion !== "v1") {
      throw new ValidationError(
        "signatureVersion",
        options.signatureVersion,
        `signatureVersion must be "v3" (ACS3-HMAC-SHA256, the default) or "v1" (HMAC-SHA1); got ${JSON.stringify(options.signatureVersion)}.`,
      );
    }
    for (const field of ["connectTimeoutMs", "readTimeoutMs"] as const) {
      const v = options[field];
      if (v !== undefined && !(Number.isFinite(v) && v > 0)) {
        throw new ValidationError(field, v, `${field} must be a positive number of milliseconds; got ${String(v)}.`);
      }
    }
    this.#retry = retryPolicy(options.retry);
    this.#clock = options.clock ?? systemClock;
    this.#limiter = options.rateLimit !== undefined ? new RateLimiter(options.rateLimit, this.#clock) : undefined;
    this.#options = { ...options, env };
  }

  /** Built once, at the first call; a failed credential lookup is not cached, so it is retried next call. */
  #openApi(): Promise<{ api: OpenApi; credential: Credential }> {
    if (this.#api) return this.#api;
    keepStatusOfNonJsonErrors();
    this.#api = (async () => {
      const { credential } = await resolveCredentials(this.#options);
      const api = new OpenApi(
        new OpenApiConfig({
          credential,
          endpoint: this.#resolved.host,
          protocol: this.#resolved.protocol,
          regionId: this.region,
          connectTimeout: this.#options.connectTimeoutMs ?? 5000,
          readTimeout: this.#options.readTimeoutMs ?? 10_000,
          // openapi-client's "v2" algorithm is the V1 (HMAC-SHA1) RPC signature; unset means ACS3-HMAC-SHA256.
          signatureAlgorithm: this.signatureVersion === "v1" ? "v2" : undefined,
        }),
      );
      return { api, credential };
    })();
    this.#api.catch(() => (this.#api = undefined));
    return this.#api;
  }

  /** One page. Validates first (ValidationError), retries transient failures, throws DomainApiError. */
  async queryTaskDetailList(
    request: QueryTaskDetailListRequest,
    options: { signal?: AbortSignal } = {},
  ): Promise<TaskDetailPage> {
    const query = toWireQuery(request);
    const { signal } = options;
    throwIfAborted(signal);
    const { api, credential } = await abortable(this.#openApi(), signal);
    const params = new Params({
      action: ACTION,
      version: this.#resolved.version,
      protocol: this.#resolved.protocol,
      pathname: "/",
      method: "POST",
      authType: "AK",
      style: "RPC",
      reqBodyType: "formData",
      bodyType: "json",
    });
    const runtime = new RuntimeOptions({ autoretry: false });
    return withRetry(
      async () => {
        await this.#limiter?.acquire(signal);
        try {
          const res = await abortable(api.callApi(params, new OpenApiRequest({ query: { ...query } }), runtime), signal);
          return parseTaskDetailPage(res.body, Number(res.statusCode) || 200);
        } catch (err) {
          throw toDomainApiError(err, this.endpoint, await secretsOf(credential));
        }
      },
      this.#retry,
      { clock: this.#clock, signal, random: this.#options.random },
    );
  }

  /**
   * One call of another Domain API action (RPC, POST, business parameters in the query string) through this
   * client's credentials, signing, rate limit, retry and error mapping; sdk/name-servers builds on it. `parse`
   * turns a 2xx body into the result. `retryable` narrows which failures are retried: a write must not be
   * repeated after a failure the service may already have acted on.
   */
  async callAction<T>(
    action: string,
    query: Record<string, string>,
    parse: (body: unknown, statusCode: number) => T,
    options: { signal?: AbortSignal; retryable?: (err: DomainApiError) => boolean } = {},
  ): Promise<T> {
    const { signal, retryable } = options;
    throwIfAborted(signal);
    const { api, credential } = await abortable(this.#openApi(), signal);
    const params = new Params({
      action, version: this.#resolved.version, protocol: this.#resolved.protocol, pathname: "/", method: "POST",
      authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
    });
    return withRetry(
      async () => {
        await this.#limiter?.acquire(signal);
        let res: { body?: unknown; statusCode?: unknown };
        try {
          res = await abortable(api.callApi(params, new OpenApiRequest({ query: { ...query } }), new RuntimeOptions({ autoretry: false })), signal);
        } catch (err) {
          const mapped = toDomainApiError(err, this.endpoint, await secretsOf(credential));
          if (DomainApiError.isInstance(mapped) && mapped.retryable && retryable && !retryable(mapped)) {
            throw new DomainApiError(mapped.message, { ...mapped, retryable: false }, { cause: mapped.cause });
          }
          throw mapped;
        }
        return parse(res.body, Number(res.statusCode) || 200);
      },
      this.#retry,
      { clock: this.#clock, signal, random: this.#options.random },
    );
  }

  /** Shown by console.log / util.inspect: where it talks to, never the AccessKey. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `DomainTaskClient { endpoint: '${this.endpoint}', product: '${this.product}', signatureVersion: '${this.signatureVersion}' }`;
  }

  /** What JSON.stringify shows: no credentials. */
  toJSON(): Record<string, unknown> {
    return { endpoint: this.endpoint, product: this.product, region: this.region, signatureVersion: this.signatureVersion };
  }
}
