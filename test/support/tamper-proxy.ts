/**
 * A loopback HTTP proxy in front of the emulator that rewrites QueryTaskDetailList answers on their way back -
 * a hostile service written apart from the emulator's own quirks, reachable by every surface (the SDK, the
 * built CLI, the dynamic-provider host) as an ordinary endpoint. Requests pass through byte for byte (the
 * Host header included, so the emulator still verifies V3 signatures); every other action's answer too.
 */
import * as http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One QueryTaskDetailList answer on its way back: the request's parameters, its body (wire JSON), its number. */
export interface WireAnswer {
  /** The request's query parameters: TaskNo, PageNum, PageSize, TaskStatus, DomainName... (decoded strings). */
  params: Record<string, string | undefined>;
  /** The answer as the emulator wrote it (RequestId, TotalItemNum, Data.TaskDetail[]...). */
  body: WireBody;
  /** 1 for the first QueryTaskDetailList answer the proxy passed back, and so on. */
  n: number;
}

export interface WireBody {
  TotalItemNum: number;
  PageSize: number;
  Data: { TaskDetail: WireDetail[] };
  [field: string]: unknown;
}

export type WireDetail = Record<string, unknown> & { TaskDetailNo: string; DomainName: string; TaskStatus: string; TaskStatusCode: number };

/** Returns the body to send instead (or nothing, to send it as it was). */
export type Tamper = (answer: WireAnswer) => WireBody | void;

export interface TamperProxy {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** QueryTaskDetailList answers passed back so far. */
  readonly answers: number;
  close(): Promise<void>;
}

const queryOf = (url: string): Record<string, string> => {
  const q = url.indexOf("?");
  return q < 0 ? {} : Object.fromEntries(new URLSearchParams(url.slice(q + 1)));
};

export const startTamperProxy = (target: string, tamper: Tamper): Promise<TamperProxy> => {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  let answers = 0;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const params = queryOf(req.url ?? "/");
      const action = (req.headers["x-acs-action"] as string | undefined) ?? params.Action;
      const upstream = http.request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
        const body: Buffer[] = [];
        answer.on("data", (c: Buffer) => body.push(c));
        answer.on("end", () => {
          let out = Buffer.concat(body);
          if (action === "QueryTaskDetailList" && answer.statusCode === 200) {
            const parsed = JSON.parse(out.toString("utf8")) as WireBody;
            const changed = tamper({ params, body: parsed, n: ++answers });
            if (changed) out = Buffer.from(JSON.stringify(changed));
          }
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "content-length": String(out.length) });
          res.end(out);
        });
      });
      upstream.on("error", () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        get answers() {
          return answers;
        },
        close: () =>
          new Promise<void>((done) => {
            sockets.forEach((s) => s.destroy());
            agent.destroy();
            server.close(() => done());
          }),
      });
    });
  });
};
