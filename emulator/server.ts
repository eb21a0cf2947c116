/**
 * HTTP plumbing: read the body, hand the request to the gateway (or the admin endpoints), wait the configured
 * latency, write the reply or drop the socket. Tracks every socket and timer so `close()` ends keep-alive
 * connections too and leaves no open handles behind.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { toIncomingApiRequest, type IncomingApiRequest } from "./incoming";
import type { Reply } from "./reply";
import { toXml } from "./xml";

/** Bodies above this are refused: QueryTaskDetailList requests are a few hundred bytes. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface RequestHandler {
  (req: IncomingApiRequest): { reply: Reply; latencyMs: number };
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

const writeReply = (res: ServerResponse, reply: Reply): void => {
  if (reply.kind === "drop") {
    res.socket?.destroy();
    return;
  }
  if (reply.kind === "json") {
    // Encoded once: a 1000-detail page is ~350 KB, and byteLength plus end(string) would walk it twice.
    const xml = reply.xmlRoot !== undefined;
    const body = Buffer.from(xml ? toXml(reply.xmlRoot!, reply.body) : JSON.stringify(reply.body));
    const headers: Record<string, string | number> = {
      ...reply.headers,
      "content-type": xml ? "application/xml;charset=utf-8" : "application/json;charset=utf-8",
      "content-length": body.length,
    };
    if (reply.requestId) headers["x-acs-request-id"] = reply.requestId;
    res.writeHead(reply.status, headers).end(body);
  } else if (reply.kind === "html") {
    res.writeHead(reply.status, { "content-type": "text/html", "content-length": Buffer.byteLength(reply.body) }).end(reply.body);
  } else {
    res.writeHead(reply.status).end();
  }
};

export const listen = (host: string, port: number, handle: RequestHandler): Promise<RunningServer> => {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.socket.destroy();
      else chunks.push(chunk);
    });
    req.on("end", () => {
      const { reply, latencyMs } = handle(toIncomingApiRequest(req, Buffer.concat(chunks), receivedAt));
      if (latencyMs <= 0) return writeReply(res, reply);
      const timer = setTimeout(() => {
        timers.delete(timer);
        writeReply(res, reply);
      }, latencyMs);
      timers.add(timer);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const timer of timers) clearTimeout(timer);
            timers.clear();
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
};
