/**
 * SaveBatchTaskForModifyingDomainDns: submit one CHG_DNS task that moves every `DomainName.N` to the
 * `DomainNameServer.N` list (or to Alibaba Cloud DNS with `AliyunDns=true`) and answer `{RequestId, TaskNo}`.
 * Each domain becomes one detail on the emulator's schedule; whether it succeeds depends on the domain
 * (expired, update-locked) and on the name servers (unknown to the registry), as ./change-outcomes says.
 *
 * Parameters (aliyun/alibabacloud-typescript-sdk domain-20180129 SaveBatchTaskForModifyingDomainDnsRequest; API
 * reference doc 67722): DomainName list and AliyunDns required; DomainNameServer list required when AliyunDns is
 * false. Nothing public says how the service answers a domain outside the account; the emulator refuses the whole
 * batch with DomainNotExist, so no task is created for a typo.
 */
import { ApiError, apiErrors } from "../errors";
import type { TaskStore } from "../task-store";
import type { DetailSpec } from "../types";
import { changeFailure } from "./change-outcomes";
import { ALIYUN_DNS_SERVERS, DEFAULT_CHANGE_TIMING, normalizeHost, type DomainRegistry } from "./domain-registry";
import { booleanParam, langOf, repeatList, type Params } from "./params";

export interface SubmitContext {
  store: TaskStore;
  registry: DomainRegistry;
  now: number;
}

export const saveBatchTaskForModifyingDomainDns = (params: Params, ctx: SubmitContext): { TaskNo: string } => {
  const domainNames = repeatList(params, "DomainName");
  if (domainNames.length === 0) throw apiErrors.missingParameter("DomainName");
  const aliyunDns = booleanParam(params, "AliyunDns");
  const listed = repeatList(params, "DomainNameServer").map(normalizeHost);
  if (!aliyunDns && listed.length === 0) {
    throw new ApiError(400, "ParameterIllegal", "Parameter illegal. DomainNameServer is required when AliyunDns is false.");
  }
  const nameServers = aliyunDns ? [...ALIYUN_DNS_SERVERS] : listed;
  const registered = domainNames.map((name) => {
    const domain = ctx.registry.get(name);
    if (!domain) throw apiErrors.domainNotExist();
    return domain;
  });
  const lang = langOf(params);
  const details: DetailSpec[] = registered.map((domain) => {
    const failure = changeFailure(domain, nameServers, ctx.registry.unregisteredNameServers, ctx.now);
    return {
      domainName: domain.spec.domainName,
      instanceId: domain.spec.instanceId,
      startAfterSeconds: domain.spec.changeStartAfterSeconds ?? DEFAULT_CHANGE_TIMING.startAfterSeconds,
      finishAfterSeconds: domain.spec.changeFinishAfterSeconds ?? DEFAULT_CHANGE_TIMING.finishAfterSeconds,
      outcome: failure ? "failure" : "success",
      failReason: failure?.failReason,
      errorMsg: failure?.errorMsg[lang],
    };
  });
  const taskNo = ctx.store.add({ taskType: "CHG_DNS", details });
  const stored = ctx.store.get(taskNo)!.details;
  registered.forEach((domain, i) => ctx.registry.recordChange(domain, nameServers, stored[i]));
  return { TaskNo: taskNo };
};
