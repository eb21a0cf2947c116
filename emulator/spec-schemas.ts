/**
 * Validation of everything users hand the emulator (scenario files, addTask, the admin endpoints), so a typo in
 * a scenario fails loudly with the field and the fix instead of seeding something else.
 */
import { isIP } from "node:net";
import { z } from "zod";
import { DNS_LABEL, MAX_DNS_HOST_IPS } from "./actions/dns-host-rules";
import { TASK_TYPES } from "./task-types";
import type { Proof, Same } from "../sdk/type-proofs";
import type { DomainQuirks, DomainSpec, FaultConfig, Quirks, Scenario, TaskListQuirks, TaskSpec, WriteQuirks } from "./types";

const seconds = z.number().finite().min(0);
const count = z.number().int().min(1);

const DetailSpecSchema = z.strictObject({
  domainName: z.string().trim().min(1),
  instanceId: z.string().min(1).optional(),
  startAfterSeconds: seconds.optional(),
  finishAfterSeconds: seconds.optional(),
  outcome: z.enum(["success", "failure"]).optional(),
  taskResult: z.string().optional(),
  failReason: z.string().optional(),
  errorMsg: z.string().optional(),
  tryCount: z.number().int().min(0).optional(),
});

const BatchSpecSchema = z.strictObject({
  count: count.max(5_000_000),
  domainTemplate: z.string().includes("{i}", { message: 'domainTemplate must contain "{i}", e.g. "domain-{i}.example.com"' }).optional(),
  failEvery: count.optional(),
  failReason: z.string().optional(),
  errorMsg: z.string().optional(),
  durationSeconds: seconds.optional(),
});

const QuirksSchema = z.strictObject({
  nextPageAlwaysTrue: z.boolean().optional(),
  totalPageNumOffset: z.number().int().optional(),
  repeatLastPagePastEnd: z.boolean().optional(),
  singleObjectDetail: z.boolean().optional(),
  numericTaskResult: z.boolean().optional(),
  trailingNewlineFailReason: z.boolean().optional(),
  clampPageSize: z.boolean().optional(),
  listingOrder: z.enum(["reverse", "shuffled", "reshuffled"]).optional(),
  absentAsEmptyString: z.boolean().optional(),
  trailingSpaceErrorMsg: z.boolean().optional(),
  omitPagingFlags: z.boolean().optional(),
  commaJoinedDnsList: z.boolean().optional(),
  hiddenDetails: z.strictObject({ last: z.number().int().min(0).optional(), domains: z.array(z.string().min(1)).optional() }).optional(),
  shiftingPages: z.number().int().optional(),
  emptyPages: z.strictObject({ pages: z.array(count).optional(), from: count.optional() }).optional(),
  pageSizeCap: count.optional(),
  echoedPageSize: count.optional(),
  totalItemNum: z.number().int().optional(),
  totalItemNumOffset: z.number().int().optional(),
  foreignTaskNo: z.strictObject({ every: count, taskNo: z.string().min(1).optional() }).optional(),
  ignoreDomainNameFilter: z.boolean().optional(),
  ignoreInstanceIdFilter: z.boolean().optional(),
  ignoreTaskStatusFilter: z.boolean().optional(),
  emptyTaskStatusAnswers: z.boolean().optional(),
  failureStatusMismatch: z.enum(["statusSaysSuccess", "codeSaysSuccess"]).optional(),
  failuresReuseTaskDetailNo: z.boolean().optional(),
  failureFlicker: z.boolean().optional(),
  failuresListedAsSuccess: z.boolean().optional(),
  partialListing: z.number().int().min(0).optional(),
  listedOneEverySeconds: z.number().finite().positive().optional(),
  omitTaskDetail: z.boolean().optional(),
});

/** @internal A quirk added to the Quirks interface but not here (or the reverse) fails the typecheck. */
export type QuirksProof = Proof<Same<z.output<typeof QuirksSchema>, Quirks>>;

/** Free text for whoever reads the scenario; the emulator ignores it. */
const description = z.string().optional();

export const TaskSpecSchema = z
  .strictObject({
    description,
    taskNo: z.string().trim().min(1).optional(),
    taskType: z.enum(TASK_TYPES as [string, ...string[]], { message: `taskType must be one of ${TASK_TYPES.join(", ")}` }).optional(),
    details: z.array(DetailSpecSchema).optional(),
    batch: BatchSpecSchema.optional(),
    quirks: QuirksSchema.optional(),
  })
  .refine((t) => (t.details?.length ?? 0) > 0 || t.batch !== undefined, {
    message: "a task needs at least one detail: give `details` (one per domain) and/or `batch`",
  });

const hostName = z.string().trim().min(1).regex(/^[A-Za-z0-9.-]+\.?$/, { message: "must be a host name such as ns1.example.net" });

const lockSetting = z.union([z.boolean(), z.literal("NONE_SETTING")]);

const DnsHostSpecSchema = z.strictObject({
  dnsName: z.string().trim().regex(DNS_LABEL, { message: 'must be the host\'s label under the domain, e.g. "ns1" for ns1.example.com' }),
  ips: z.array(z.string().trim().refine((ip) => isIP(ip) !== 0, { message: "must be an IPv4 or IPv6 address" })).min(1).max(MAX_DNS_HOST_IPS),
});

export const DomainSpecSchema = z
  .strictObject({
    domainName: hostName,
    nameServers: z.array(hostName).min(1).optional(),
    instanceId: z.string().trim().min(1).optional(),
    updateProhibited: lockSetting.optional(),
    transferProhibited: lockSetting.optional(),
    privacy: z.boolean().optional(),
    privacySupported: z.boolean().optional(),
    expired: z.boolean().optional(),
    expiresInDays: z.number().finite().optional(),
    dnsHosts: z.array(DnsHostSpecSchema).optional(),
    changeStartAfterSeconds: seconds.optional(),
    changeFinishAfterSeconds: seconds.optional(),
  })
  .refine((d) => !(d.expired !== undefined && d.expiresInDays !== undefined), {
    message: "give `expired` or `expiresInDays`, not both (expiresInDays: -7 is what expired: true means)",
  })
  .refine((d) => new Set((d.dnsHosts ?? []).map((h) => h.dnsName.toLowerCase())).size === (d.dnsHosts ?? []).length, {
    message: "dnsHosts lists a dnsName twice: each DNS host is one entry with all its ips",
  });

const FaultRuleSchema = z.strictObject({
  fault: z.enum([
    "throttling", "internalError", "serviceUnavailable", "parameterIllegal", "networkIOError", "taskIsBeingProcessed", "html502", "dropConnection",
    "emptyBody", "html200",
  ]),
  actions: z.array(z.string().trim().min(1)).min(1).optional(),
  afterWrite: z.boolean().optional(),
  every: count.optional(),
  from: count.optional(),
  count: count.optional(),
  timeLeftMs: z.number().int().min(0).optional(),
  httpStatus: z.union([z.literal(400), z.literal(429)]).optional(),
}).refine((r) => r.every !== undefined || r.from !== undefined, {
  message: "a fault rule needs `every: N` (every Nth request) or `from: N` (optionally with `count`)",
});

const TaskListQuirksSchema = z.strictObject({
  taskNumZeroForSeconds: seconds.optional(),
  completeWhileOpen: z.boolean().optional(),
  taskTypeSpelling: z.enum(["lowerCase", "padded"]).optional(),
  clockAheadSeconds: z.number().finite().optional(),
  exactWindow: z.boolean().optional(),
  pageSizeCap: count.optional(),
  echoedPageSize: count.optional(),
  totalItemNumOffset: z.number().int().optional(),
  nextPageAlwaysTrue: z.boolean().optional(),
  nextPageAlwaysFalse: z.boolean().optional(),
});

const WriteQuirksSchema = z.strictObject({
  staleTaskNo: z.boolean().optional(),
  successCode200: z.boolean().optional(),
  detailsAppearEverySeconds: z.number().finite().positive().optional(),
});

const DomainQuirksSchema = z.strictObject({
  dnsListLagSeconds: seconds.optional(),
});

/** @internal Each quirk table's schema parses exactly its interface. */
export type ActionQuirksProof = [
  Proof<Same<z.output<typeof TaskListQuirksSchema>, TaskListQuirks>>,
  Proof<Same<z.output<typeof WriteQuirksSchema>, WriteQuirks>>,
  Proof<Same<z.output<typeof DomainQuirksSchema>, DomainQuirks>>,
];

export const FaultConfigSchema = z.strictObject({
  latencyMs: z.number().finite().min(0).optional(),
  rules: z.array(FaultRuleSchema).optional(),
  quirks: QuirksSchema.optional(),
  taskQuirks: z.record(z.string().min(1), QuirksSchema).optional(),
  taskListQuirks: TaskListQuirksSchema.optional(),
  writeQuirks: WriteQuirksSchema.optional(),
  domainQuirks: DomainQuirksSchema.optional(),
});

/** `$schema` lets editors validate and complete a scenario file; like `description`, the emulator ignores it. */
export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  description,
  tasks: z.array(TaskSpecSchema),
  faults: FaultConfigSchema.optional(),
  domains: z.array(DomainSpecSchema).optional(),
  unregisteredNameServers: z.array(hostName).optional(),
});

/** Thrown for an invalid scenario, task spec or fault config; the message lists each bad field. */
export class EmulatorSpecError extends Error {
  constructor(what: string, issues: string) {
    super(`Invalid ${what}: ${issues}`);
    this.name = "EmulatorSpecError";
  }
}

/** The value as `schema` parses it (its type derived from the schema, not cast), or an EmulatorSpecError. */
const parse = <S extends z.ZodType>(schema: S, what: string, value: unknown): z.output<S> => {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
      .join("; ");
    throw new EmulatorSpecError(what, issues);
  }
  return result.data;
};

// The return types below are the schemas' outputs; the compiler checks each fits its hand-written interface.
export const parseTaskSpec = (value: unknown): TaskSpec => parse(TaskSpecSchema, "task spec", value);
export const parseScenario = (value: unknown, source = "scenario"): Scenario => parse(ScenarioSchema, source, value);
export const parseDomainSpec = (value: unknown): DomainSpec => parse(DomainSpecSchema, "domain spec", value);
export const parseFaultConfig = (value: unknown): FaultConfig => parse(FaultConfigSchema, "fault config", value);

/** @internal Compile-time proof that each schema parses exactly its hand-written interface (no field more or less). */
export type SpecSchemaProofs = [
  Proof<Same<z.output<typeof TaskSpecSchema>, TaskSpec>>,
  Proof<Same<z.output<typeof ScenarioSchema>, Scenario>>,
  Proof<Same<z.output<typeof DomainSpecSchema>, DomainSpec>>,
  Proof<Same<z.output<typeof FaultConfigSchema>, FaultConfig>>,
];
