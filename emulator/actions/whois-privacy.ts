/**
 * WHOIS privacy (the domain name proxy service): SaveBatchTaskForDomainNameProxyService (`DomainName.N`, `Status`
 * required, `ServiceType` optional) and SaveSingleTaskForDomainNameProxyService (`DomainName`, `Status`), task type
 * SET_WHOIS_PROTECT; QueryDomainByDomainName reads it back as DomainNameProxyService. Domain-intl (2017-12-18)
 * spells the batch's Status `status` (its generated SDKs send it so), while @alicloud/pop-core, Alibaba's older
 * RPC core, upper-cases the first letter of every parameter name and can only send `Status`: on 2017-12-18 the
 * emulator takes either (`status` first); on 2018-01-29 only `Status`, as its models spell it.
 *
 * Turning privacy on fails per domain where the TLD does not offer it (./tld-rules): a registry that forbids
 * privacy and proxy registrations (EPP 2306), or .cn / .中国, whose privacy is CNNIC's own service and must be asked
 * for with ServiceType=cnnicRegistryService (which, in turn, no other TLD has). Turning it off always succeeds.
 * The RAM action is the emulator's choice, domain:SecuritySetting (the locks'): the Domain API's authentication-rules
 * table predates these actions.
 */
import { ApiError } from "../errors";
import { CHANGE_FAILURES } from "./change-outcomes";
import { booleanParam, type Params } from "./params";
import { registrarAction, type RegistrarAction, type RegistrarOperation, type Targets, type WriteContext } from "./registrar-write";
import { CNNIC_SERVICE_TYPE, privacyOffer, tldOf } from "./tld-rules";

interface PrivacyChange {
  on: boolean;
  serviceType?: string;
}

const readBatch = (params: Params, ctx: WriteContext): PrivacyChange => {
  const serviceType = params.ServiceType?.trim() || undefined;
  if (serviceType !== undefined && serviceType !== CNNIC_SERVICE_TYPE) {
    throw new ApiError(400, "ParameterIllegal", `Parameter illegal. ServiceType=${JSON.stringify(serviceType)}: the one service type is ${CNNIC_SERVICE_TYPE} (.cn and .中国); leave it out otherwise.`);
  }
  const name = ctx.version === "2017-12-18" && params.status !== undefined ? "status" : "Status";
  return { on: booleanParam(params, name), serviceType };
};

const privacyOperation = (targets: Targets, read: RegistrarOperation<PrivacyChange>["read"]): RegistrarOperation<PrivacyChange> => ({
  targets,
  taskType: "SET_WHOIS_PROTECT",
  operation: "SET_WHOIS_PROTECT",
  refusedWhileOpen: true,
  blockedByUpdateLock: false,
  what: { en: "changing its WHOIS privacy", zh: "设置隐私保护" },
  read,
  refuse: ({ on, serviceType }, domain) => {
    if (!on) return undefined;
    const name = domain.spec.domainName;
    const offer = privacyOffer(name, domain.spec.privacySupported);
    if (offer === "none") return CHANGE_FAILURES.privacyForbidden(tldOf(name));
    if (offer === "cnnic" && serviceType !== CNNIC_SERVICE_TYPE) return CHANGE_FAILURES.cnnicServiceRequired(tldOf(name));
    if (offer === "registrar" && serviceType === CNNIC_SERVICE_TYPE) return CHANGE_FAILURES.cnnicServiceNotApplicable(tldOf(name));
    return undefined;
  },
  apply: ({ on }) => (state) => ({ ...state, privacy: on }),
});

export const WHOIS_PRIVACY_ACTIONS: readonly RegistrarAction[] = [
  registrarAction("SaveBatchTaskForDomainNameProxyService", "domain:SecuritySetting", privacyOperation("DomainName.N", readBatch)),
  registrarAction("SaveSingleTaskForDomainNameProxyService", "domain:SecuritySetting", privacyOperation("DomainName", (params) => ({ on: booleanParam(params, "Status") }))),
];
