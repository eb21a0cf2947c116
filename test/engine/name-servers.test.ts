/**
 * DomainNameServers under the real engine: one submit per change of name servers, whatever the engine does
 * around it - a rerun with nothing changed, a change, and a `pulumi` killed with SIGKILL right after the submit
 * (the state keeps a pending operation; the user then runs `pulumi refresh` and `pulumi up`). The emulator's
 * request log counts every SaveBatchTaskForModifyingDomainDns.
 */
import { NAME_SERVERS_TOKEN } from "../../provider/name-servers/token";
import { ENGINE_KEY, requestsOf, useEmulator } from "./support/emulator";
import { program } from "./support/programs";
import { passed } from "./support/run";
import { killHard, when } from "./support/signals";
import { EngineStack } from "./support/stack";

const emulator = useEmulator();
const SUBMIT = "SaveBatchTaskForModifyingDomainDns";

const nameServersProgram = program(
  "name-servers-engine",
  `import * as pulumi from "@pulumi/pulumi";
import { DomainNameServers } from "pulumi-alicloud-domain-tasks";

const config = new pulumi.Config();
const change = new DomainNameServers("name-servers", {
  domainNames: config.requireObject<string[]>("domains"),
  nameServers: config.requireObject<string[]>("nameServers"),
  timeoutSeconds: 600,
  minDelaySeconds: 1,
  maxDelaySeconds: 2,
});
export const taskNo = change.taskNo;
export const status = change.status;
export const currentNameServers = change.currentNameServers;
`,
);

/** A stack changing `domains`, each registered in the emulator, its change finishing `finishAfter` s after the submit. */
async function nameServersStack(domains: string[], finishAfter: number): Promise<EngineStack> {
  for (const domainName of domains) emulator.current.addDomain({ domainName, changeStartAfterSeconds: 0, changeFinishAfterSeconds: finishAfter });
  return EngineStack.create({
    files: nameServersProgram,
    emulator: emulator.current,
    credential: ENGINE_KEY,
    config: { domains: JSON.stringify(domains), nameServers: JSON.stringify(["ns1.first.example.net", "ns2.first.example.net"]) },
  });
}

const submits = () => requestsOf(emulator.current, SUBMIT).length;

describe("up, a rerun and a change", () => {
  const domains = ["ns-a.example.com", "ns-b.example.com"];
  let stack: EngineStack;
  let firstTaskNo: string;

  beforeAll(async () => {
    stack = await nameServersStack(domains, 1);
  });

  it("up submits the change once and records the name servers the registry then lists", async () => {
    const before = submits();
    passed(await stack.up());
    expect(submits() - before).toBe(1);
    const outputs = await stack.outputs();
    expect(outputs.status).toBe("EXECUTE_SUCCESS");
    expect(outputs.currentNameServers).toEqual(Object.fromEntries(domains.map((d) => [d, ["ns1.first.example.net", "ns2.first.example.net"]])));
    firstTaskNo = outputs.taskNo as string;
    expect(requestsOf(emulator.current, "QueryTaskDetailList", firstTaskNo).length).toBeGreaterThan(0);
  });

  it("a rerun with nothing changed submits nothing, and a preview shows no change", async () => {
    const before = submits();
    passed(await stack.up());
    passed(await stack.preview("--expect-no-changes"));
    expect(submits()).toBe(before);
    expect((await stack.outputs()).taskNo).toBe(firstTaskNo);
  });

  it("new name servers: one more submit, and the state follows", async () => {
    const before = submits();
    await stack.setConfig({ nameServers: JSON.stringify(["ns1.second.example.net", "ns2.second.example.net"]) });
    passed(await stack.up());
    expect(submits() - before).toBe(1);
    const outputs = await stack.outputs();
    expect(outputs.taskNo).not.toBe(firstTaskNo);
    expect(Object.values(outputs.currentNameServers as Record<string, string[]>)).toEqual(
      domains.map(() => ["ns1.second.example.net", "ns2.second.example.net"]),
    );
  });
});

/** Runs `up` until the emulator logged a submit, then SIGKILLs pulumi; returns the state the killed run left. */
async function killedAfterSubmit(stack: EngineStack) {
  const before = submits();
  const up = stack.start(["up", "--yes", "--skip-preview"]);
  await when(up, () => submits() > before, "the change was submitted");
  await killHard(up);
  expect(submits() - before).toBe(1);
  return stack.state();
}

/**
 * What a user does next. The killed run still holds the DIY backend's lock, which `pulumi cancel` releases; then
 * `pulumi up` (the engine warns about the pending operation, runs the create again and keeps warning until a
 * refresh clears the pending create), or `pulumi refresh` first - told to clear a pending create, as it must be
 * when it is not interactive.
 */
const RECOVERIES: Record<string, string[][]> = {
  "cancel, up, then refresh --clear-pending-creates": [
    ["cancel", "--yes"],
    ["up", "--yes", "--skip-preview"],
    ["refresh", "--yes", "--skip-preview", "--clear-pending-creates"],
  ],
  "cancel, refresh --clear-pending-creates, then up": [
    ["cancel", "--yes"],
    ["refresh", "--yes", "--skip-preview", "--clear-pending-creates"],
    ["up", "--yes", "--skip-preview"],
  ],
};

const recoveries = Object.entries(RECOVERIES).map(([name, steps], i) => [name, steps, i] as const);

describe.each(recoveries)("pulumi killed with SIGKILL right after the first submit; the user runs %s", (_, recovery, i) => {
  const domains = [`killed-${i}-a.example.com`, `killed-${i}-b.example.com`];
  let stack: EngineStack;

  beforeAll(async () => {
    stack = await nameServersStack(domains, 4);
  });

  it("the state keeps the create as pending, and no DomainNameServers", async () => {
    const state = await killedAfterSubmit(stack);
    expect(state.pending_operations?.map((p) => [p.type, p.resource.type])).toEqual([["creating", NAME_SERVERS_TOKEN]]);
    expect(state.resources?.filter((r) => r.type === NAME_SERVERS_TOKEN)).toEqual([]);
  });

  it("the next runs wait on the change already submitted: never a second submit", async () => {
    const before = submits();
    for (const args of recovery) passed(await stack.pulumi(args));
    expect(submits()).toBe(before);
    const outputs = await stack.outputs();
    expect(outputs.status).toBe("EXECUTE_SUCCESS");
    expect(requestsOf(emulator.current, "QueryTaskDetailList", outputs.taskNo as string).length).toBeGreaterThan(0);
    expect((await stack.state()).pending_operations ?? []).toEqual([]);
    passed(await stack.preview("--expect-no-changes"));
  });
});

describe("pulumi killed with SIGKILL right after the submit of a change to existing name servers", () => {
  const domains = ["killed-update.example.com"];
  let stack: EngineStack;

  beforeAll(async () => {
    stack = await nameServersStack(domains, 4);
    passed(await stack.up());
    await stack.setConfig({ nameServers: JSON.stringify(["ns1.after-kill.example.net", "ns2.after-kill.example.net"]) });
  });

  it("the state keeps the update as pending, and the resource as it was", async () => {
    const state = await killedAfterSubmit(stack);
    expect(state.pending_operations?.map((p) => [p.type, p.resource.type])).toEqual([["updating", NAME_SERVERS_TOKEN]]);
    const [resource] = state.resources?.filter((r) => r.type === NAME_SERVERS_TOKEN) ?? [];
    expect(resource.outputs?.nameServers).toEqual(["ns1.first.example.net", "ns2.first.example.net"]);
  });

  it("cancel and up finish the change without a second submit", async () => {
    const before = submits();
    passed(await stack.pulumi(["cancel", "--yes"]));
    passed(await stack.up());
    expect(submits()).toBe(before);
    expect((await stack.outputs()).currentNameServers).toEqual({ "killed-update.example.com": ["ns1.after-kill.example.net", "ns2.after-kill.example.net"] });
  });
});
