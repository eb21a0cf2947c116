/**
 * A loopback HTTP server that misbehaves on purpose, for testing that a client's time limits hold and that
 * it closes what it abandons. Raw TCP (node:net), so nothing in Node's HTTP server smooths the behaviour over.
 *
 * Behaviours, chosen per request:
 * - `silent`: accept the connection, read the request, never answer;
 * - `trickle`: send a status line and headers (Content-Length larger than will ever come), then one byte
 *   per `intervalMs` of the body, forever;
 * - `cut`: a status line, headers and the first bytes of a body, then the connection is reset;
 * - `answer`: a complete answer (status, headers, body) on a keep-alive connection the server never closes
 *   (an answer "then holds the connection"); a 204/304 gets no body, a 3xx may carry a Location.
 * The server counts connections, and open ones, so a test can assert the client destroyed its socket.
 */
import * as net from "node:net";

export type HostileBehaviour =
  | { kind: "silent" }
  | { kind: "trickle"; status?: number; intervalMs?: number }
  | { kind: "cut"; status?: number }
  | { kind: "answer"; status: number; body?: string; headers?: Record<string, string> };

/** What the server saw of one request. */
export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  target: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
}

export interface HostileServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections still open now. */
  readonly open: number;
  readonly requests: SeenRequest[];
  /** Resolves once no connection is open, or rejects after `withinMs` naming how many still are. */
  whenAllClosed(withinMs: number): Promise<void>;
  /** Destroys every open connection and stops listening. */
  close(): Promise<void>;
}

const REASONS: Record<number, string> = { 200: "OK", 204: "No Content", 302: "Found", 304: "Not Modified", 403: "Forbidden", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" };

const head = (status: number, headers: Record<string, string>): string =>
  `HTTP/1.1 ${status} ${REASONS[status] ?? "Status"}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;

const parseHead = (text: string): SeenRequest => {
  const [line, ...rest] = text.split("\r\n");
  const [method = "", target = ""] = line.split(" ");
  const headers: Record<string, string> = {};
  for (const h of rest) {
    const i = h.indexOf(":");
    if (i > 0) headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
  }
  return { method, target, headers };
};

/** Start a server on 127.0.0.1 that treats each request as `behaviour` says (a function may vary it per request). */
export const startHostileServer = (behaviour: HostileBehaviour | ((request: SeenRequest, n: number) => HostileBehaviour)): Promise<HostileServer> => {
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: SeenRequest[] = [];
  let accepted = 0;
  const behave = (socket: net.Socket, req: SeenRequest) => {
    const b = typeof behaviour === "function" ? behaviour(req, requests.length) : behaviour;
    if (b.kind === "silent") return;
    if (b.kind === "trickle") {
      socket.write(head(b.status ?? 200, { "content-type": "application/json", "content-length": "1000000" }));
      const timer = setInterval(() => socket.write(" "), b.intervalMs ?? 1000);
      timers.add(timer);
      socket.on("close", () => (clearInterval(timer), timers.delete(timer)));
      return;
    }
    if (b.kind === "cut") {
      socket.write(head(b.status ?? 200, { "content-type": "application/json", "content-length": "1000" }) + '{"RequestId":"R-cut",');
      setTimeout(() => socket.resetAndDestroy(), 20);
      return;
    }
    const body = b.status === 204 || b.status === 304 ? "" : (b.body ?? "");
    const headers = { "content-type": "application/json;charset=utf-8", "content-length": String(Buffer.byteLength(body)), connection: "keep-alive", ...b.headers };
    socket.write(head(b.status, headers) + body);
  };
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString("latin1");
      // Requests from the client under test have no body worth reading: act on each complete head.
      for (let end = buffered.indexOf("\r\n\r\n"); end >= 0; end = buffered.indexOf("\r\n\r\n")) {
        const req = parseHead(buffered.slice(0, end));
        buffered = buffered.slice(end + 4).replace(/^0\r\n\r\n/, "");
        requests.push(req);
        behave(socket, req);
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        get accepted() {
          return accepted;
        },
        get open() {
          return sockets.size;
        },
        requests,
        whenAllClosed: async (withinMs) => {
          const until = Date.now() + withinMs;
          while (sockets.size > 0) {
            if (Date.now() > until) throw new Error(`${sockets.size} connection(s) still open after ${withinMs} ms`);
            await new Promise((r) => setTimeout(r, 10));
          }
        },
        close: () =>
          new Promise<void>((done) => {
            timers.forEach(clearInterval);
            sockets.forEach((s) => s.destroy());
            server.close(() => done());
          }),
      });
    });
  });
};
