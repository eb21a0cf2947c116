/**
 * The API pipeline for one request, in the order the real gateway works: find the API (path, method, version,
 * action), inject the configured fault, authenticate, then run the action. Every outcome is a Reply plus the
 * RequestRecord the stats keep; nothing here touches sockets.
 */
import { ACTIONS, ramDenied, type ActionContext } from "./actions";
import { QUERY_TASK_DETAIL_LIST } from "./api-versions";
import { authenticate, type AuthContext } from "./auth";
import { checkVersion, identifyTarget, type ApiTarget } from "./routing";
import { ApiError, apiErrors, errorBody } from "./errors";
import { faultError, faultReply, type FaultPlan } from "./faults";
import { hostIdFor } from "./host-id";
import type { IncomingApiRequest } from "./incoming";
import { queryTaskDetailList, readQueryParams } from "./query-task-detail-list";
import { newRequestId, type Reply } from "./reply";
import type { TaskStore } from "./task-store";
import type { FaultRule, NowSource, RequestRecord } from "./types";

export interface GatewayDeps {
  auth: AuthContext;
  store: TaskStore;
  /** The task clock. */
  clock: NowSource;
  faults(): FaultPlan;
  /** The region the emulator stands in for (see host-id.ts). */
  region?: string;
  /** The registered domains and the write-side actions' state (./actions). */
  actions: Omit<ActionContext, "now" | "store" | "quirks" | "actionQuirks" | "version">;
}

export interface GatewayResult {
  reply: Reply;
  record: RequestRecord;
}

/**
 * V1 (RPC-signed) requests choose their format with `Format`, and a request without it gets XML, as the real
 * gateway answers (clients must send Format=JSON; openapi-client does). V3 requests get JSON.
 */
const xmlRootFor = (target: ApiTarget, params: Record<string, string>, root: string): string | undefined =>
  target.signatureVersion === "v1" && (params.Format ?? "XML").toUpperCase() !== "JSON" ? root : undefined;

/** What the stats log about a QueryTaskDetailList request, read leniently so even rejected requests are described. */
const describeQuery = (params: Record<string, string>): Partial<RequestRecord> => {
  const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined);
  return {
    taskNo: params.TaskNo,
    pageNum: int(params.PageNum),
    pageSize: int(params.PageSize),
    taskStatus: params.TaskStatus,
  };
};

export const handleApiRequest = (req: IncomingApiRequest, deps: GatewayDeps): GatewayResult => {
  const target = identifyTarget(req);
  const params = { ...req.query, ...req.form };
  const record: RequestRecord = { action: target.action || "(none)", httpStatus: 0, at: req.receivedAt };
  const finish = (reply: Reply): GatewayResult => {
    if (reply.kind !== "drop") record.httpStatus = reply.status;
    if (reply.kind === "json" && reply.status >= 400) record.code = (reply.body as { Code?: string }).Code;
    return { reply, record };
  };
  const errorReply = (error: ApiError): Reply => {
    const requestId = newRequestId();
    const body = errorBody(error, requestId, hostIdFor(req.headers.host, target.version, deps.region));
    return { kind: "json", status: error.httpStatus, body, requestId, headers: error.headers, xmlRoot: xmlRootFor(target, params, "Error") };
  };
  // A fault rule's answer: its reply (a dropped connection, HTML, an empty body) or its API error.
  const faulted = (rule: FaultRule): GatewayResult => {
    record.fault = rule.fault;
    const reply = faultReply(rule);
    return reply ? finish(reply) : finish(errorReply(faultError(rule, Date.now())!));
  };
  try {
    if ((req.method !== "GET" && req.method !== "POST") || req.path !== "/") throw apiErrors.actionNotFound();
    checkVersion(target);
    const plan = deps.faults();
    const other = ACTIONS[target.action];
    if (other) {
      // The write side and its reads: faulted, authenticated and refused like QueryTaskDetailList (see ./actions).
      const rule = plan.next(target.action);
      const afterWrite = rule?.afterWrite === true && other.write === true;
      if (rule && !afterWrite) return faulted(rule);
      const caller = authenticate(req, target, deps.auth);
      if (deps.auth.credentials.get(caller)?.deniedActions?.includes(other.ramAction)) throw ramDenied(other.ramAction);
      const { quirks = {}, taskListQuirks = {}, writeQuirks = {}, domainQuirks = {} } = plan.config;
      const ctx = {
        ...deps.actions, store: deps.store, now: deps.clock.now(), version: target.version, quirks, actionQuirks: { taskList: taskListQuirks, write: writeQuirks, domain: domainQuirks },
      };
      let answer: Record<string, unknown>;
      if (other.write) {
        const written = other.run(params, ctx);
        record.taskNo = written.createdTaskNo;
        // The change is made: a fault now is one the client cannot tell from a write that never happened.
        if (rule && afterWrite) return faulted(rule);
        answer = written.body;
      } else answer = other.run(params, ctx);
      const requestId = newRequestId();
      const body = { RequestId: requestId, ...answer };
      return finish({ kind: "json", status: 200, body, requestId, xmlRoot: xmlRootFor(target, params, `${target.action}Response`) });
    }
    if (target.action !== QUERY_TASK_DETAIL_LIST) throw apiErrors.actionNotFound();
    Object.assign(record, describeQuery(params));

    const rule = plan.next(QUERY_TASK_DETAIL_LIST);
    if (rule) return faulted(rule);

    authenticate(req, target, deps.auth);
    const taskNo = (params.TaskNo ?? "").trim();
    const specQuirks = deps.store.get(taskNo)?.quirks;
    const quirks = plan.quirksFor(taskNo, specQuirks);
    const query = readQueryParams(params, { clampPageSize: quirks.clampPageSize });
    const answer = plan.nextAnswer(query.taskNo);
    const requestId = newRequestId();
    const body = { RequestId: requestId, ...queryTaskDetailList(deps.store, query, deps.clock.now(), quirks, answer) };
    return finish({ kind: "json", status: 200, body, requestId, xmlRoot: xmlRootFor(target, params, `${QUERY_TASK_DETAIL_LIST}Response`) });
  } catch (error) {
    if (error instanceof ApiError) return finish(errorReply(error));
    // A bug in the emulator: answer like the service would, but keep the cause visible to whoever reads the body.
    return finish(errorReply(new ApiError(500, "InternalError", `${apiErrors.internalError().message} (emulator: ${String(error)})`)));
  }
};
