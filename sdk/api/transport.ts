/**
 * One HTTP exchange with a deadline that holds whatever the server does.
 *
 * Why the client sends its signed requests itself rather than through @alicloud/openapi-client's `callApi`:
 * openapi-client (through tea-typescript and httpx) takes no AbortSignal and no agent of ours, its "read
 * timeout" is an idle timer that a server trickling one byte a second keeps restarting, and when a body read
 * times out it rejects but leaves the socket open in a shared keep-alive agent, so an abandoned request keeps
 * the process alive. Wrapping it could only release the caller, never the socket. So openapi-client's own
 * utilities still sign (./signed-request), and this module sends: an http(s).Agent owned by one client, a
 * connect timer, one timer for the whole answer (headers and body), and on a timeout or an abort the request
 * and its socket are destroyed. Timers are unref'd: they never keep a process alive, the socket does until
 * they destroy it.
 */
import * as http from "node:http";
import * as https from "node:https";
import type { SignedRequest } from "./signed-request";

/** What came back: status, headers and the whole body. */
export interface HttpAnswer {
  statusCode: number;
  statusMessage: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Limits of one exchange, in real milliseconds. */
export interface SendLimits {
  /** Until the TCP (and TLS) connection is up. */
  connectTimeoutMs: number;
  /** From the connection to the last byte of the body: one bound for the whole answer, never restarted. */
  readTimeoutMs: number;
  /** The time left to the caller's deadline; no timer above runs past it. */
  budgetMs: number;
  /** A body larger than this is refused (a page of 1000 details is about 1 MB). */
  maxBodyBytes: number;
}

/** Why an exchange ended without an answer. */
export type TransportFailureKind = "connectTimeout" | "readTimeout" | "deadline" | "aborted" | "socket" | "tooLarge";

/** An exchange that failed below HTTP: what was known when it ended (status, bytes), and the socket error if any. */
export class TransportFailure extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    /** HTTP status if the headers had arrived; 0 otherwise. */
    readonly statusCode: number,
    readonly bytesReceived: number,
    readonly elapsedMs: number,
    /** The limit that ran out, in ms (timeouts only). */
    readonly limitMs: number,
    readonly socketError?: NodeJS.ErrnoException,
  ) {
    super(socketError?.message ?? kind);
    this.name = "TransportFailure";
  }
  /** True when a response had started (the status line and headers arrived). */
  get responseStarted(): boolean {
    return this.statusCode > 0;
  }
}

/** A keep-alive agent for one client; its idle sockets are unref'd by Node, so they never hold the process. */
export const newAgent = (protocol: "http" | "https"): http.Agent =>
  protocol === "https" ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });

/**
 * Send `req` over `agent` and read the whole answer, or fail with a TransportFailure no later than
 * `limits.budgetMs` from now. `signal` aborting destroys the exchange at once (kind "aborted").
 */
export const send = (req: SignedRequest, agent: http.Agent, limits: SendLimits, signal?: AbortSignal): Promise<HttpAnswer> =>
  new Promise<HttpAnswer>((resolve, reject) => {
    const started = Date.now();
    if (signal?.aborted) return reject(new TransportFailure("aborted", 0, 0, 0, 0));
    const lib = req.url.protocol === "https:" ? https : http;
    const outgoing = lib.request(req.url, { method: req.method, headers: req.headers, agent });
    // First, before anything can destroy it: a destroyed request emits 'error' later, and unheard that would crash.
    outgoing.on("error", (err: NodeJS.ErrnoException) => fail("socket", 0, err));
    let statusCode = 0;
    let bytes = 0;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const finish = (failure?: TransportFailure, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      signal?.removeEventListener("abort", onAbort);
      if (failure) {
        // Destroying the request destroys its socket: nothing of an abandoned exchange stays open.
        outgoing.destroy();
        reject(failure);
      } else resolve(answer!);
    };
    const fail = (kind: TransportFailureKind, limitMs = 0, err?: NodeJS.ErrnoException) =>
      finish(new TransportFailure(kind, statusCode, bytes, Date.now() - started, limitMs, err));
    const after = (ms: number, kind: TransportFailureKind, limitMs: number) => {
      const t = setTimeout(() => fail(kind, limitMs), Math.max(0, ms));
      t.unref();
      timers.push(t);
    };
    const onAbort = () => fail("aborted");
    signal?.addEventListener("abort", onAbort, { once: true });

    // The deadline bounds everything; the connect and read limits are capped by it (the smaller one names the failure).
    const budget = Math.max(0, limits.budgetMs);
    after(budget, "deadline", budget);
    if (limits.connectTimeoutMs < budget) after(limits.connectTimeoutMs, "connectTimeout", limits.connectTimeoutMs);
    const connected = () => {
      timers.splice(1).forEach(clearTimeout); // drop the connect timer, keep the deadline
      const left = budget - (Date.now() - started);
      if (limits.readTimeoutMs < left) after(limits.readTimeoutMs, "readTimeout", limits.readTimeoutMs);
    };
    outgoing.once("socket", (socket) => {
      // A reused keep-alive socket is already connected; a new one says so by 'connect' (TLS: 'secureConnect').
      if (!socket.connecting) connected();
      else socket.once(req.url.protocol === "https:" ? "secureConnect" : "connect", connected);
    });
    outgoing.on("response", (res) => {
      statusCode = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limits.maxBodyBytes) return fail("tooLarge", limits.maxBodyBytes);
        chunks.push(chunk);
      });
      res.on("error", (err: NodeJS.ErrnoException) => fail("socket", 0, err));
      res.on("aborted", () => fail("socket", 0, Object.assign(new Error("the response was cut off"), { code: "ECONNRESET" })));
      res.on("end", () =>
        finish(undefined, { statusCode, statusMessage: res.statusMessage ?? "", headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    outgoing.end(req.body);
  });
