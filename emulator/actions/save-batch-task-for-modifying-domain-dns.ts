/**
 * SaveBatchTaskForModifyingDomainDns: one CHG_DNS task that moves every `DomainName.N` to the `DomainNameServer.N`
 * list (or to Alibaba Cloud DNS with `AliyunDns=true`). Besides expiry and the update lock (./registrar-write), a
 * change fails when a name server is unknown to the registry: name servers are host objects that must exist there
 * (RFC 5732) - a host under a domain of the account exists while it is one of that domain's DNS hosts.
 *
 * Parameters (aliyun/alibabacloud-typescript-sdk domain-20180129 SaveBatchTaskForModifyingDomainDnsRequest; API
 * reference doc 67722): DomainName list and AliyunDns required; DomainNameServer list required when AliyunDns is
 * false. No public statement says a second change of an open domain is refused: the emulator accepts it, and the
 * change that finishes last wins.
 */
import { ApiError } from "../errors";
import { CHANGE_FAILURES } from "./change-outcomes";
import { ALIYUN_DNS_SERVERS, normalizeHost } from "./domain-registry";
import { booleanParam, repeatList } from "./params";
import { registrarAction, type RegistrarOperation } from "./registrar-write";

const modifyingDomainDns: RegistrarOperation<string[]> = {
  targets: "DomainName.N",
  taskType: "CHG_DNS",
  operation: "CHG_DNS",
  refusedWhileOpen: false,
  blockedByUpdateLock: true,
  what: { en: "changing its DNS servers", zh: "修改DNS" },
  read: (params) => {
    const aliyunDns = booleanParam(params, "AliyunDns");
    const listed = repeatList(params, "DomainNameServer").map(normalizeHost);
    if (!aliyunDns && listed.length === 0) {
      throw new ApiError(400, "ParameterIllegal", "Parameter illegal. DomainNameServer is required when AliyunDns is false.");
    }
    return aliyunDns ? [...ALIYUN_DNS_SERVERS] : listed;
  },
  refuse: (nameServers, _domain, _state, ctx) => {
    const unknownHost = nameServers.find((host) => !ctx.registry.isHostKnown(host, ctx.now));
    return unknownHost !== undefined ? CHANGE_FAILURES.unregisteredHost(unknownHost) : undefined;
  },
  apply: (nameServers) => (state) => ({ ...state, nameServers: [...nameServers] }),
};

export const SAVE_BATCH_TASK_FOR_MODIFYING_DOMAIN_DNS = registrarAction("SaveBatchTaskForModifyingDomainDns", "domain:DnsModification", modifyingDomainDns);
