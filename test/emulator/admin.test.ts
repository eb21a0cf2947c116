/** The admin HTTP endpoints: served only with `admin: true`, refused like an unknown action otherwise. */
import { VirtualClock } from "../../sdk/clock";
import { startEmulator, type Emulator } from "../../emulator";
import { detailsOf, page } from "./helpers";

let admin: Emulator;
let plain: Emulator;
const clock = new VirtualClock();

beforeAll(async () => {
  admin = await startEmulator({ admin: true, clock });
  plain = await startEmulator();
});
afterAll(async () => {
  await admin.close();
  await plain.close();
});

const send = (emulator: Emulator, method: string, path: string, body?: unknown) =>
  fetch(`${emulator.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { "content-type": "application/json" } });

it("seeds a task with POST /__emulator/tasks and serves it", async () => {
  const response = await send(admin, "POST", "/__emulator/tasks", { taskNo: "T-ADMIN", taskType: "ORDER_RENEW", details: [{ domainName: "x.example.com", finishAfterSeconds: 30 }] });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ TaskNo: "T-ADMIN" });
  expect(detailsOf(await page(admin, "T-ADMIN", 1, 10))[0]).toMatchObject({ TaskType: "ORDER_RENEW", TaskStatus: "EXECUTING" });
  clock.advance(30_000);
  expect(detailsOf(await page(admin, "T-ADMIN", 1, 10))[0].TaskStatus).toBe("EXECUTE_SUCCESS");
  const generated = (await (await send(admin, "POST", "/__emulator/tasks", { batch: { count: 3 } })).json()) as { TaskNo: string };
  expect(generated.TaskNo).toMatch(/^[0-9a-f-]{36}$/);
});

it("refuses a bad task spec with 400, naming the field", async () => {
  const response = await send(admin, "POST", "/__emulator/tasks", { details: [{ domain: "typo.example.com" }] });
  expect(response.status).toBe(400);
  const body = (await response.json()) as { Code: string; Message: string };
  expect(body.Code).toBe("InvalidSpec");
  expect(body.Message).toContain("details.0.domainName");
  const duplicate = await send(admin, "POST", "/__emulator/tasks", { taskNo: "T-ADMIN", details: [{ domainName: "y.example.com" }] });
  expect(duplicate.status).toBe(400);
  expect(((await duplicate.json()) as { Message: string }).Message).toContain("already exists");
  expect((await fetch(`${admin.url}/__emulator/tasks`, { method: "POST", body: "{not json" })).status).toBe(400);
});

it("switches faults with PUT /__emulator/faults and reads and resets counters via /__emulator/stats", async () => {
  expect((await send(admin, "DELETE", "/__emulator/stats")).status).toBe(204);
  expect((await send(admin, "PUT", "/__emulator/faults", { rules: [{ fault: "throttling", every: 2 }] })).status).toBe(200);
  await page(admin, "T-ADMIN", 1, 10);
  await page(admin, "T-ADMIN", 2, 10).catch(() => undefined);
  const stats = (await (await send(admin, "GET", "/__emulator/stats")).json()) as { total: number; byStatus: Record<string, number> };
  expect(stats.total).toBe(2);
  expect(stats.byStatus).toEqual({ "200": 1, "400": 1 });
  expect((await send(admin, "PUT", "/__emulator/faults", { rules: [{ fault: "nope", every: 1 }] })).status).toBe(400);
  expect((await send(admin, "PUT", "/__emulator/faults", {})).status).toBe(200);
  expect((await send(admin, "GET", "/__emulator/nothing")).status).toBe(404);
});

it("refuses the admin endpoints like an unknown action when admin is off", async () => {
  for (const [method, path] of [["POST", "/__emulator/tasks"], ["GET", "/__emulator/stats"], ["PUT", "/__emulator/faults"]]) {
    const response = await send(plain, method, path, method === "GET" ? undefined : { details: [{ domainName: "a.example.com" }] });
    expect(response.status).toBe(404);
    // No Format: the gateway answers XML, as it would any such request.
    expect(await response.text()).toContain("<Code>InvalidAction.NotFound</Code>");
  }
  expect(plain.stats().total).toBe(3);
});
