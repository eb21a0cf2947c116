/**
 * Small user programs, one per package entry, and the compiler settings users really have. Each program
 * names the entry's main exports in types and values, so a missing or mistyped export fails the typecheck,
 * and `main` touches each value at run time, so a named export the module loader cannot see fails the run.
 */

/** One program per entry, keyed by the export subpath. Imports use `.js`, which every resolution mode accepts. */
export const PROGRAMS: Record<string, string> = {
  ".": `
import * as pulumi from "@pulumi/pulumi";
import {
  DomainTask, DomainTaskClient, getTaskDetails, getTaskDetailsOutput, listTaskDetails, paginateTaskDetails,
  summarizeTask, TimeoutError, waitForTask,
  type DomainTaskArgs, type DomainTaskState, type GetTaskDetailsResult, type TaskDetail, type TaskOutcome, type WaitMode,
  DomainNameServers, type DomainNameServersArgs, type NameServersState,
} from "pulumi-alicloud-domain-tasks";
const waitFor: WaitMode = "success";
const args: DomainTaskArgs = { taskNo: "T-1", waitFor, timeoutSeconds: 60 };
export const gate = (): DomainTask => new DomainTask("gate", args);
export const status = (): pulumi.Output<string> => getTaskDetailsOutput({ taskNo: "T-1" }).status;
export const read = (): Promise<GetTaskDetailsResult> => getTaskDetails({ taskNo: "T-1" });
export const wait = (client: DomainTaskClient): Promise<TaskOutcome> => waitForTask(client, { taskNo: "T-1" });
export const succeeded = (state: DomainTaskState, details: TaskDetail[]): boolean => state.succeeded && summarizeTask("T-1", details).succeeded;
export const values = [DomainTask, DomainTaskClient, getTaskDetails, getTaskDetailsOutput, listTaskDetails, paginateTaskDetails, summarizeTask, TimeoutError, waitForTask, DomainNameServers];
const nsArgs: DomainNameServersArgs = { domainNames: ["example.com"], nameServers: ["ns1.example.net", "ns2.example.net"] };
export const nameServers = (): DomainNameServers => new DomainNameServers("ns", nsArgs);
export const current = (state: NameServersState): Record<string, string[]> => state.currentNameServers;
`,
  "./sdk": `
import {
  AbortError, CredentialsError, DomainApiError, DomainTaskClient, DomainTaskError, InconsistentAnswerError, listTaskDetails, PagingError,
  paginateTaskDetails, readTaskOutcome, summarizeTask, TaskNotFoundError, TimeoutError, ValidationError, WAIT_DEFAULTS, waitForTask, waitForTasks,
  type ClientOptions, type DomainTaskApi, type PagerOptions, type QueryTaskDetailListRequest, type TaskDetail,
  type TaskDetailPage, type TaskQuery, type TaskStatus, type TaskWaitResult, type WaitOptions, type WaitProgress, type WaitState,
} from "pulumi-alicloud-domain-tasks/sdk";
import {
  findTask, queryDomainNameServers, submitNameServerChange,
  type DomainNameServersInfo, type FindTaskQuery, type NameServerApi, type NameServerChange, type SubmittedChange, type TaskInfo,
} from "pulumi-alicloud-domain-tasks/sdk";
const options: ClientOptions = { endpoint: "http://127.0.0.1:1", credentials: { accessKeyId: "id", accessKeySecret: "secret" } };
export const client = (): DomainTaskApi => new DomainTaskClient(options);
export const page = (api: DomainTaskApi, request: QueryTaskDetailListRequest): Promise<TaskDetailPage> => api.queryTaskDetailList(request);
export async function failed(api: DomainTaskApi, query: TaskQuery, pager: PagerOptions): Promise<TaskDetail[]> {
  const out: TaskDetail[] = [];
  for await (const detail of paginateTaskDetails(api, query, pager)) if (detail.taskStatus === ("EXECUTE_FAILURE" satisfies TaskStatus)) out.push(detail);
  return out;
}
export const wait = (api: DomainTaskApi, onProgress: (p: WaitProgress) => void): Promise<string> => {
  const opts: WaitOptions = { maxWaitSeconds: 60, onProgress };
  return waitForTask(api, { taskNo: "T-1" }, opts).then((o) => o.status);
};
export const retryable = (e: unknown): boolean => DomainApiError.isInstance(e) && e.retryable;
export const verdict = (api: DomainTaskApi): Promise<boolean> =>
  readTaskOutcome(api, { taskNo: "T-1" }).then((o) => o.verified && o.succeeded, (e: unknown) => !InconsistentAnswerError.isInstance(e) && false);
export const many = (api: DomainTaskApi): Promise<TaskWaitResult[]> => waitForTasks(api, [{ taskNo: "T-1" }, { taskNo: "T-2" }], { until: "firstFailure" });
export const lastState = (e: TimeoutError): WaitState | undefined => e.lastState;
export const values = [AbortError, CredentialsError, DomainApiError, DomainTaskError, InconsistentAnswerError, listTaskDetails, PagingError, readTaskOutcome,
  summarizeTask, TaskNotFoundError, TimeoutError, ValidationError, waitForTasks, WAIT_DEFAULTS, findTask, queryDomainNameServers, submitNameServerChange];
const change: NameServerChange = { domainNames: ["example.com"], aliyunDns: true };
export const submit = (api: NameServerApi): Promise<SubmittedChange> => submitNameServerChange(api, change);
export const dns = (api: NameServerApi): Promise<DomainNameServersInfo> => queryDomainNameServers(api, "example.com");
export const found = (api: NameServerApi, query: FindTaskQuery): Promise<TaskInfo[]> => findTask(api, query);
`,
  "./emulator": `
import { DEFAULT_CREDENTIAL, startEmulator, type Emulator, type EmulatorOptions, type Scenario, type TaskSpec } from "pulumi-alicloud-domain-tasks/emulator";
const task: TaskSpec = { taskNo: "T-1", details: [{ domainName: "example.com" }] };
const scenario: Scenario = { tasks: [task] };
const options: EmulatorOptions = { scenario, credentials: [DEFAULT_CREDENTIAL] };
export const start = (): Promise<Emulator> => startEmulator(options);
export const values = [startEmulator, DEFAULT_CREDENTIAL.accessKeyId];
`,
  "./provider": `
import { createDomainTaskProvider, DomainTask, DOMAIN_TASK_TOKEN, type DomainTaskArgs } from "pulumi-alicloud-domain-tasks/provider";
import { createDomainNameServersProvider, DomainNameServers, NAME_SERVERS_TOKEN } from "pulumi-alicloud-domain-tasks/provider";
export const args: DomainTaskArgs = { taskNo: "T-1" };
export const values = [createDomainTaskProvider, DomainTask, DOMAIN_TASK_TOKEN, createDomainNameServersProvider, DomainNameServers, NAME_SERVERS_TOKEN];
`,
  "./policies": `
import { domainTaskSucceeded, taskOutcomePolicy, waitForSuccessPolicy, DOMAIN_TASK_TOKEN } from "pulumi-alicloud-domain-tasks/policies";
export const policies = [taskOutcomePolicy(), waitForSuccessPolicy()];
export const values = [domainTaskSucceeded, DOMAIN_TASK_TOKEN];
`,
  "./testing": `
import * as pulumi from "@pulumi/pulumi";
import { outputOf, startTestStack, toProviderInputs, type Registration, type TestStack, type TestStackOptions } from "pulumi-alicloud-domain-tasks/testing";
const options: TestStackOptions = { project: "p", config: { taskNo: "T-1" }, resources: { "command:local:Command": () => ({ stdout: "{}" }) } };
export const start = (): Promise<TestStack> => startTestStack(options);
export const value = (o: pulumi.Output<string>): Promise<string> => outputOf(o);
export const names = (stack: TestStack): string[] => stack.registrations.map((r: Registration) => r.name);
export const values = [outputOf, startTestStack, toProviderInputs];
`,
};

/** The program file for an entry: `root.ts`, `sdk.ts`, ... */
export const programFile = (entry: string): string => `${entry === "." ? "root" : entry.slice(2)}.ts`;

/** Imports every program and checks that each exported value is there (run after compiling). */
export const mainProgram = (entries: string[]): string => `
${entries.map((e, i) => `import { values as v${i} } from "./${programFile(e).replace(/\.ts$/, ".js")}";`).join("\n")}
const entries: unknown[][] = [${entries.map((_, i) => `v${i}`).join(", ")}];
const missing = entries.flat().filter((v) => v === undefined || v === null).length;
console.log(missing === 0 ? "loaded " + entries.length + " entries" : missing + " values missing");
`;

/** What `pulumi new typescript` writes: node10 resolution, strict, no esModuleInterop, no skipLibCheck. */
export const STOCK_TEMPLATE = {
  strict: true,
  outDir: "bin",
  target: "es2020",
  module: "commonjs",
  moduleResolution: "node",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
};

/** A CommonJS program on Node's own resolution (package `exports`). */
export const NODE16 = { strict: true, target: "es2022", module: "node16", moduleResolution: "node16", outDir: "bin" };

/** An ES module program (`"type": "module"`). */
export const NODENEXT_ESM = { strict: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext", outDir: "bin" };
