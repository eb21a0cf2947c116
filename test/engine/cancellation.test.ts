/**
 * Ctrl-C under the real engine. SIGINT to `pulumi up` while a DomainTask waits on a task that runs for hours: the
 * run ends promptly instead of waiting the task out (pulumi's first Ctrl-C lets in-flight operations finish, and
 * Pulumi's dynamic-provider host ignores the Cancel call the engine sends it), the state is consistent - no
 * pending operation, no half-created DomainTask - and once the task has finished the next `up` completes.
 */
import { VirtualClock } from "../../sdk/clock";
import { NAME_SERVERS_TOKEN } from "../../provider/name-servers/token";
import { DOMAIN_TASK_TOKEN } from "../../provider/token";
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { passed } from "./support/run";
import { when } from "./support/signals";
import { program } from "./support/programs";
import { EngineStack } from "./support/stack";

// The emulator's tasks progress by this clock: the task below finishes when the test says so, not in an hour.
const clock = new VirtualClock(Date.now());
const emulator = useEmulator({ clock });
const HOUR = 3600;

describe.each(["SIGINT", "SIGTERM"] as const)("%s to pulumi up while a DomainTask waits", (signal) => {
  let stack: EngineStack;
  let taskNo: string;

  beforeAll(async () => {
    taskNo = emulator.current.addTask({ details: [{ domainName: `cancel-${signal.toLowerCase()}.example.com`, startAfterSeconds: 0, finishAfterSeconds: HOUR }] });
    stack = await EngineStack.create({ example: "quickstart", emulator: emulator.current, credential: ENGINE_KEY, config: { taskNo, timeoutSeconds: String(2 * HOUR) } });
  });

  it("ends the run without waiting the task out, and says why", async () => {
    // A run still going after this long has waited on: the harness kills it and the test fails on the signal.
    const up = stack.start(["up", "--yes", "--skip-preview"], 120_000);
    await when(up, () => requestsOf(emulator.current, "QueryTaskDetailList", taskNo).length > 0, "the DomainTask started waiting");
    process.kill(up.child.pid as number, signal);
    const result = await up.result;
    expect(result.signal).toBeNull();
    expect(result.stderr).not.toContain("[engine suite] killed");
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(new RegExp(`DomainTask ${taskNo}: .*the deployment was cancelled \\(Ctrl-C or SIGTERM\\) while waiting`));
  });

  it("leaves the state consistent: no pending operation and no DomainTask", async () => {
    const state = await stack.state();
    expect(state.pending_operations ?? []).toEqual([]);
    expect(state.resources?.filter((r) => r.type === DOMAIN_TASK_TOKEN) ?? []).toEqual([]);
  });

  it("the next up completes once the task has finished", async () => {
    clock.advance(HOUR * 1000);
    passed(await stack.up());
    expect((await stack.outputs()).status).toBe("EXECUTE_SUCCESS");
  });
});

describe("SIGINT to pulumi up while a DomainNameServers waits on its change", () => {
  const domainName = "cancel-name-servers.example.com";
  let stack: EngineStack;
  const submits = () => requestsOf(emulator.current, "SaveBatchTaskForModifyingDomainDns").length;

  beforeAll(async () => {
    emulator.current.addDomain({ domainName, changeStartAfterSeconds: 0, changeFinishAfterSeconds: HOUR });
    stack = await EngineStack.create({
      files: program(
        "cancel-name-servers",
        `import { DomainNameServers } from "pulumi-alicloud-domain-tasks";
const change = new DomainNameServers("name-servers", {
  domainNames: ["${domainName}"],
  nameServers: ["ns1.cancel.example.net", "ns2.cancel.example.net"],
  timeoutSeconds: 7200,
});
export const status = change.status;
`,
      ),
      emulator: emulator.current,
      credential: ENGINE_KEY,
    });
  });

  it("ends the run after the submit without waiting the change out; the state holds no half-created resource", async () => {
    const before = submits();
    const up = stack.start(["up", "--yes", "--skip-preview"], 120_000);
    await when(up, () => submits() > before && requestsOf(emulator.current, "QueryTaskDetailList").length > 0, "the change was submitted and waited on");
    process.kill(up.child.pid as number, "SIGINT");
    const result = await up.result;
    expect(result.signal).toBeNull();
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(new RegExp(`DomainNameServers ${domainName}: .*the deployment was cancelled \\(Ctrl-C or SIGTERM\\) while waiting`));
    const state = await stack.state();
    expect(state.pending_operations ?? []).toEqual([]);
    expect(state.resources?.filter((r) => r.type === NAME_SERVERS_TOKEN) ?? []).toEqual([]);
  });

  it("the next up waits on the change already submitted: one submit in all", async () => {
    const before = submits();
    clock.advance(HOUR * 1000);
    passed(await stack.up());
    expect(submits()).toBe(before);
    expect((await stack.outputs()).status).toBe("EXECUTE_SUCCESS");
  });
});
