/**
 * The one path every registrar write action takes (name servers, locks, WHOIS privacy, DNS hosts, contacts): read
 * the parameters the way the gateway does, find the domains (DomainNotExist refuses the whole request: no task is
 * made for a typo), refuse with TaskIsBeingProcessed while the same operation is open on one of them, then create
 * one task with a detail per domain whose outcome the registry decides now, and record each change so it takes
 * effect when its detail succeeds (./domain-registry). An action is a RegistrarOperation: what it reads, why the
 * registry refuses it, what it changes.
 *
 * The registry judges a change against the domain as it stands when the task is submitted: expiry first (EPP 2304,
 * renewal grace or redemption), then the update prohibition lock for the changes it blocks (registrant and contact
 * information and DNS servers: "Update lock", Alibaba Cloud help faq-detail/54165), then the operation's own rules.
 */
import { ApiError, apiErrors } from "../errors";
import type { TaskStore } from "../task-store";
import type { DetailSpec } from "../types";
import { CHANGE_FAILURES, type ChangeFailure, type ChangeWording } from "./change-outcomes";
import { DEFAULT_CHANGE_TIMING, normalizeHost, type DomainRegistry, type RegisteredDomain } from "./domain-registry";
import { langOf, repeatList, required, type Params } from "./params";
import type { RegistrarState } from "./registrar-state";

/** What a write works on. */
export interface WriteContext {
  store: TaskStore;
  registry: DomainRegistry;
  /** The task clock, ms. */
  now: number;
  /** The API version called: Domain-intl (2017-12-18) spells some parameters differently. */
  version: string;
}

/** How a request names the domains it changes: a `DomainName.N` list, one `DomainName`, or the `InstanceId`. */
export type Targets = "DomainName.N" | "DomainName" | "InstanceId";

export interface RegistrarOperation<C> {
  targets: Targets;
  taskType: string | ((change: C) => string);
  /** Changes sharing this key are one operation: TaskIsBeingProcessed while one is open, if `refusedWhileOpen`. */
  operation: string;
  refusedWhileOpen: boolean;
  /** The update prohibition lock blocks it. */
  blockedByUpdateLock: boolean;
  /** What it does, in ErrorMsg's words ("changing its DNS servers"). */
  what: ChangeWording;
  /** The change asked for, from the parameters other than the targets: Missing*, Invalid*, ParameterIllegal. */
  read(params: Params, ctx: WriteContext): C;
  /** Why the registry refuses this change of this domain, beyond expiry and the update lock. */
  refuse?(change: C, domain: RegisteredDomain, state: RegistrarState, ctx: WriteContext): ChangeFailure | undefined;
  /** Its effect on the domain's state once its detail succeeds. */
  apply(change: C, domain: RegisteredDomain): (state: RegistrarState) => RegistrarState;
}

/** The domain names (or the InstanceId) the request names, as sent. */
const readTargets = (targets: Targets, params: Params): string[] => {
  if (targets !== "DomainName.N") return [required(params, targets)];
  const names = repeatList(params, "DomainName");
  if (names.length === 0) throw apiErrors.missingParameter("DomainName");
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(normalizeHost(name))) throw new ApiError(400, "ParameterIllegal", `Parameter illegal. DomainName lists ${name} more than once.`);
    seen.add(normalizeHost(name));
  }
  return names;
};

const lookUp = (targets: Targets, names: string[], registry: DomainRegistry): RegisteredDomain[] =>
  names.map((name) => {
    const domain = targets === "InstanceId" ? registry.byInstanceId(name) : registry.get(name);
    if (!domain) throw apiErrors.domainNotExist();
    return domain;
  });

/** Why the registry refuses `op` for `domain` now, or undefined when the change will succeed. */
const failureOf = <C>(op: RegistrarOperation<C>, change: C, domain: RegisteredDomain, ctx: WriteContext): ChangeFailure | undefined => {
  const status = ctx.registry.domainStatusAt(domain, ctx.now);
  if (status === "1") return CHANGE_FAILURES.expired(op.what);
  if (status === "2") return CHANGE_FAILURES.redemption(op.what);
  const state = ctx.registry.stateAt(domain, ctx.now);
  if (op.blockedByUpdateLock && state.updateProhibitionLock === "OPEN") return CHANGE_FAILURES.updateProhibited(op.what);
  return op.refuse?.(change, domain, state, ctx);
};

/** Submits one change: the task's TaskNo, or the ApiError the request is refused with (then nothing was created). */
export const submitRegistrarChange = <C>(op: RegistrarOperation<C>, params: Params, ctx: WriteContext): string => {
  const names = readTargets(op.targets, params);
  const change = op.read(params, ctx);
  const domains = lookUp(op.targets, names, ctx.registry);
  if (op.refusedWhileOpen && domains.some((d) => ctx.registry.isBusy(d, op.operation, ctx.now))) throw apiErrors.taskIsBeingProcessed();
  const lang = langOf(params);
  const details: DetailSpec[] = domains.map((domain) => {
    const failure = failureOf(op, change, domain, ctx);
    return {
      domainName: domain.spec.domainName,
      instanceId: domain.instanceId,
      startAfterSeconds: domain.spec.changeStartAfterSeconds ?? DEFAULT_CHANGE_TIMING.startAfterSeconds,
      finishAfterSeconds: domain.spec.changeFinishAfterSeconds ?? DEFAULT_CHANGE_TIMING.finishAfterSeconds,
      outcome: failure ? "failure" : "success",
      failReason: failure?.failReason,
      errorMsg: failure?.errorMsg[lang],
    };
  });
  const taskType = typeof op.taskType === "string" ? op.taskType : op.taskType(change);
  const taskNo = ctx.store.add({ taskType, details });
  const stored = ctx.store.get(taskNo)!.details;
  domains.forEach((domain, i) => ctx.registry.recordChange(domain, { operation: op.operation, detail: stored[i], apply: op.apply(change, domain) }));
  return taskNo;
};

/** A write action as the action table registers it: its name, the RAM action it needs, and how it creates its task. */
export interface RegistrarAction {
  action: string;
  ramAction: string;
  create(params: Params, ctx: WriteContext): string;
}

export const registrarAction = <C>(action: string, ramAction: string, op: RegistrarOperation<C>): RegistrarAction => ({
  action,
  ramAction,
  create: (params, ctx) => submitRegistrarChange(op, params, ctx),
});
