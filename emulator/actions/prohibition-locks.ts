/**
 * The transfer and update prohibition locks (EPP clientTransferProhibited / clientUpdateProhibited):
 * SaveBatchTaskFor{Transfer,Update}ProhibitionLock (`DomainName.N`, `Status`) and SaveSingleTaskFor...ProhibitionLock
 * (`DomainName`, `Status`), both required; `Status=true` turns the lock on (QueryDomainByDomainName then reads OPEN),
 * false off (CLOSE). Task types SET_TRANSFER_PROHIBITED and SET_UPDATE_PROHIBITED; RAM action domain:SecuritySetting
 * for all four (the Domain API's authentication rules, AlibabaCloudDocs/domain "Domain API 鉴权规则").
 *
 * A lock change is not blocked by the update lock (Alibaba's "Update lock" page names what that lock protects:
 * registrant and contact information and DNS servers). No public page says a second lock change of a domain is
 * refused while one runs; the emulator answers TaskIsBeingProcessed then, as the Domain API does for DNS hosts.
 */
import { booleanParam } from "./params";
import type { LockState } from "./registrar-state";
import { registrarAction, type RegistrarAction, type RegistrarOperation, type Targets } from "./registrar-write";

interface Lock {
  name: "Transfer" | "Update";
  taskType: "SET_TRANSFER_PROHIBITED" | "SET_UPDATE_PROHIBITED";
  field: "transferProhibitionLock" | "updateProhibitionLock";
  what: { en: string; zh: string };
}

const LOCKS: readonly Lock[] = [
  { name: "Transfer", taskType: "SET_TRANSFER_PROHIBITED", field: "transferProhibitionLock", what: { en: "changing its transfer lock", zh: "设置禁止转移锁" } },
  { name: "Update", taskType: "SET_UPDATE_PROHIBITED", field: "updateProhibitionLock", what: { en: "changing its update lock", zh: "设置禁止更新锁" } },
];

const lockOperation = (lock: Lock, targets: Targets): RegistrarOperation<boolean> => ({
  targets,
  taskType: lock.taskType,
  operation: lock.taskType,
  refusedWhileOpen: true,
  blockedByUpdateLock: false,
  what: lock.what,
  read: (params) => booleanParam(params, "Status"),
  apply: (on) => (state) => ({ ...state, [lock.field]: (on ? "OPEN" : "CLOSE") satisfies LockState }),
});

export const PROHIBITION_LOCK_ACTIONS: readonly RegistrarAction[] = LOCKS.flatMap((lock) => [
  registrarAction(`SaveBatchTaskFor${lock.name}ProhibitionLock`, "domain:SecuritySetting", lockOperation(lock, "DomainName.N")),
  registrarAction(`SaveSingleTaskFor${lock.name}ProhibitionLock`, "domain:SecuritySetting", lockOperation(lock, "DomainName")),
]);
