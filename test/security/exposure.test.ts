/**
 * What is exposed on the network: plain http:// only to loopback unless explicitly allowed (the request
 * carries the AccessKey ID, a signature and possibly an STS token); the emulator listens on loopback by
 * default; its admin endpoints (seed tasks, change faults) exist only when enabled.
 */
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { startEmulator, type Emulator } from "../../emulator";
import { parseEmulatorArgs } from "../../emulator/command-args";
import { DomainTaskClient } from "../../sdk/api/client";
import { ValidationError } from "../../sdk/errors";

const construct = (endpoint: string, allowInsecureHttp?: boolean) => () =>
  new DomainTaskClient({ endpoint, allowInsecureHttp, env: {}, credentials: { accessKeyId: "id", accessKeySecret: "secret-value-123" } });

describe("plain http is refused to anything but loopback, unless allowed", () => {
  it.each([
    "http://203.0.113.7",
    "http://203.0.113.7:8080",
    "http://domain.aliyuncs.com",
    "http://127.0.0.1.nip.io:8080",
    "http://localhost.example.com",
    "http://0.0.0.0:8080",
    "http://[::ffff:203.0.113.7]",
    "HTTP://203.0.113.7",
  ])("%s is refused naming the endpoint and the way to allow it", (endpoint) => {
    let error: unknown;
    try {
      construct(endpoint)();
    } catch (e) {
      error = e;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe("endpoint");
    expect((error as Error).message).toContain("allowInsecureHttp");
  });

  it.each(["http://203.0.113.7", "http://domain.aliyuncs.com:8080"])("%s is accepted with allowInsecureHttp", (endpoint) => {
    expect(construct(endpoint, true)().endpoint).toBe(endpoint);
  });

  it.each(["http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:3000", "http://[::1]:8080", "https://203.0.113.7", "domain.aliyuncs.com"])(
    "%s is accepted (loopback, or https)", (endpoint) => {
      expect(() => construct(endpoint)()).not.toThrow();
    });
});

describe("the emulator", () => {
  let emulator: Emulator;
  afterEach(() => emulator?.close());

  it("listens on loopback by default, in-process and as a command", async () => {
    emulator = await startEmulator();
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(parseEmulatorArgs([]).host).toBe("127.0.0.1");
    // And is not reachable on this machine's other addresses.
    const external = Object.values(networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal);
    if (external) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: external.address, port: emulator.port }, () => {
          socket.destroy();
          resolve("connected");
        });
        socket.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
      });
      expect(outcome).toBe("ECONNREFUSED");
    }
  });

  const admin = (url: string) =>
    fetch(`${url}/__emulator/tasks`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ taskNo: "SEEDED", details: [{ domainName: "x.example.com" }] }) });

  it("serves no admin endpoint unless enabled", async () => {
    emulator = await startEmulator();
    const res = await admin(emulator.url);
    expect(res.status).not.toBe(200);
    expect(await res.text()).not.toContain("SEEDED");
    for (const [method, route] of [["GET", "stats"], ["PUT", "faults"], ["DELETE", "stats"]]) {
      const r = await fetch(`${emulator.url}/__emulator/${route}`, { method, body: method === "PUT" ? "{}" : undefined });
      expect(r.status).toBeGreaterThanOrEqual(400);
    }
    expect(() => emulator.addTask({ taskNo: "SEEDED", details: [{ domainName: "x.example.com" }] })).not.toThrow(); // the POST created nothing
  });

  it("serves them when enabled", async () => {
    emulator = await startEmulator({ admin: true });
    const res = await admin(emulator.url);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ TaskNo: "SEEDED" });
  });
});
