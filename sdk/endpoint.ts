/**
 * Where requests go: the product (`domain` or `domain-intl`), its API version, and the host and protocol.
 *
 * The Domain API has no regional hosts: `domain.aliyuncs.com` serves mainland accounts and
 * `domain-intl.aliyuncs.com` international ones (the official SDKs map region `ap-southeast-1` to it).
 * An explicit endpoint (option, or env `ALIBABA_CLOUD_DOMAIN_ENDPOINT`) overrides both, which is how the
 * emulator is reached. Plain HTTP is allowed only to loopback unless the caller opts in, because the
 * request carries a security token and a signature over the query.
 */
import { ValidationError } from "./errors";

/** The two products that serve QueryTaskDetailList, with their API versions and public hosts. */
export const PRODUCTS = {
  domain: { host: "domain.aliyuncs.com", version: "2018-01-29" },
  "domain-intl": { host: "domain-intl.aliyuncs.com", version: "2017-12-18" },
} as const;
/** `domain` (mainland site, domain.aliyuncs.com) or `domain-intl` (international site). */
export type Product = keyof typeof PRODUCTS;

/** Regions whose accounts are served by the international product. */
const INTL_REGIONS: ReadonlySet<string> = new Set(["ap-southeast-1"]);

/** Env var holding an endpoint override, e.g. `http://127.0.0.1:8080` for the emulator. */
export const ENDPOINT_ENV = "ALIBABA_CLOUD_DOMAIN_ENDPOINT";

/** What `resolveEndpoint` reads; a subset of the client options. */
export interface EndpointOptions {
  /** `https://host`, `http://127.0.0.1:PORT`, or bare `host[:port]` (meaning https). */
  endpoint?: string;
  /** Which product's API version to speak. Default: `domain-intl` for region ap-southeast-1, else `domain`. */
  product?: Product;
  region?: string;
  /** Allow plain http to a host that is not loopback. */
  allowInsecureHttp?: boolean;
}

/** A resolved endpoint, in the shape @alicloud/openapi-client wants it. */
export interface ResolvedEndpoint {
  product: Product;
  /** API version sent with every request. */
  version: string;
  protocol: "HTTP" | "HTTPS";
  /** `host[:port]`, as openapi-client's `config.endpoint`. */
  host: string;
  /** For messages and `DomainTaskClient.endpoint`: `https://domain.aliyuncs.com`. */
  url: string;
}

/**
 * True for a literal loopback address - 127.0.0.0/8, ::1, ::ffff:127.x.y.z - or `localhost` itself: traffic
 * that never leaves the machine. Any other name is not, even `*.localhost`: it goes through the resolver,
 * which may send it anywhere. Accepts a URL hostname (`[::1]`) or a bare host (`::1`, `127.1`); the one
 * definition for the SDK's plain-http rule, the DomainTask check and the emulator's bind address.
 */
export const isLoopbackHost = (host: string): boolean => {
  const bare = host.trim().replace(/^\[|\]$/g, "");
  let hostname: string;
  try {
    // The URL parser writes every literal one way: 127.1 -> 127.0.0.1, [::ffff:127.0.0.1] -> [::ffff:7f00:1].
    hostname = new URL(`http://${bare.includes(":") ? `[${bare}]` : bare}/`).hostname.toLowerCase();
  } catch {
    return false;
  }
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname) ||
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(hostname);
};

const productFor = (options: EndpointOptions): Product => {
  if (options.product !== undefined) {
    if (!(options.product in PRODUCTS)) {
      throw new ValidationError(
        "product",
        options.product,
        `product must be "domain" or "domain-intl"; got ${JSON.stringify(options.product)}.`,
      );
    }
    return options.product;
  }
  return options.region !== undefined && INTL_REGIONS.has(options.region) ? "domain-intl" : "domain";
};

/** The endpoint for messages, with any user:password@ part masked. */
const mask = (raw: string): string => raw.replace(/\/\/[^/@]*@/, "//***@");
const shown = (raw: string): string => JSON.stringify(mask(raw));

const parseEndpoint = (raw: string, field: string): URL => {
  const text = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ValidationError(
      field,
      mask(raw),
      `${field} ${shown(raw)} is not a valid endpoint; use "https://host", "http://127.0.0.1:PORT" or "host[:port]".`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ValidationError(field, mask(raw), `${field} ${shown(raw)} must use http or https, not ${url.protocol}`);
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username || url.password) {
    throw new ValidationError(
      field,
      mask(raw),
      `${field} ${shown(raw)} must be a scheme, host and port only (the API path is always "/"); ` +
        `drop the path, query and credentials.`,
    );
  }
  return url;
};

/**
 * Resolve the endpoint: explicit `endpoint`, else env `ALIBABA_CLOUD_DOMAIN_ENDPOINT`, else the product's
 * public host. Throws ValidationError for a malformed endpoint or plain http to a non-loopback host.
 */
export const resolveEndpoint = (
  options: EndpointOptions,
  env: Record<string, string | undefined> = process.env,
): ResolvedEndpoint => {
  const product = productFor(options);
  const { version, host } = PRODUCTS[product];
  const fromEnv = env[ENDPOINT_ENV]?.trim() ? env[ENDPOINT_ENV] : undefined;
  const raw = options.endpoint ?? fromEnv;
  if (raw === undefined) return { product, version, protocol: "HTTPS", host, url: `https://${host}` };

  const field = options.endpoint !== undefined ? "endpoint" : ENDPOINT_ENV;
  const url = parseEndpoint(raw, field);
  const protocol = url.protocol === "http:" ? "HTTP" : "HTTPS";
  if (protocol === "HTTP" && !isLoopbackHost(url.hostname) && !options.allowInsecureHttp) {
    throw new ValidationError(
      field,
      mask(raw),
      `${field} ${shown(raw)} uses plain http to a host that is not loopback; requests would travel ` +
        `unencrypted. Use https://; or, if you really mean it, opt in with allowInsecureHttp: true (SDK ` +
        `client options) or alicloud-domain-tasks:insecure true (Pulumi stack config). The domain-tasks ` +
        `command has no such opt-in: it allows plain http to loopback only.`,
    );
  }
  return { product, version, protocol, host: url.host, url: `${url.protocol}//${url.host}` };
};
