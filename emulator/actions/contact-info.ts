/**
 * SaveBatchTaskForUpdatingContactInfoByRegistrantProfileId: point one contact (`ContactType` registrant, admin,
 * billing or tech) of every `DomainName.N` at a registrant profile (`RegistrantProfileId`, an int64), optionally
 * with `TransferOutProhibited` (a boolean) - the contact change the update prohibition lock blocks. Parameters from
 * the domain-20180129 request model; RAM action domain:DomainInfoModification (the Domain API's authentication
 * rules); TaskIsBeingProcessed for a domain with a contact change open (SaveBatchTaskForUpdatingContactInfoByNewContact's
 * error table, doc 69475: "An action is being processed for the domain name").
 *
 * Task types: admin UPDATE_ADMIN_CONTACT, billing UPDATE_BILLING_CONTACT, tech UPDATE_TECH_CONTACT, registrant
 * CHG_HOLDER ("modify the registrant's information") - the emulator's reading, no sample shows one. The emulator
 * keeps no profiles: any positive id is taken, and `Emulator.domainState` shows it once the detail succeeds (no
 * QueryContactInfo here).
 */
import { apiErrors } from "../errors";
import { booleanParam, required } from "./params";
import type { ContactType } from "./registrar-state";
import { registrarAction, type RegistrarOperation } from "./registrar-write";

const TASK_TYPES: Readonly<Record<ContactType, string>> = {
  registrant: "CHG_HOLDER",
  admin: "UPDATE_ADMIN_CONTACT",
  billing: "UPDATE_BILLING_CONTACT",
  tech: "UPDATE_TECH_CONTACT",
};

interface ContactChange {
  contactType: ContactType;
  profileId: number;
}

const contactChange: RegistrarOperation<ContactChange> = {
  targets: "DomainName.N",
  taskType: (change) => TASK_TYPES[change.contactType],
  operation: "CONTACT",
  refusedWhileOpen: true,
  blockedByUpdateLock: true,
  what: { en: "changing its contacts", zh: "修改联系人信息" },
  read: (params) => {
    const contactType = required(params, "ContactType");
    if (!Object.hasOwn(TASK_TYPES, contactType)) {
      throw apiErrors.invalidParameter("ContactType", contactType, "ContactType is registrant, admin, billing or tech");
    }
    const id = required(params, "RegistrantProfileId");
    if (!/^\d{1,18}$/.test(id) || Number(id) < 1) throw apiErrors.invalidParameter("RegistrantProfileId", id, "RegistrantProfileId is a positive integer");
    if (params.TransferOutProhibited !== undefined) booleanParam(params, "TransferOutProhibited");
    return { contactType: contactType as ContactType, profileId: Number(id) };
  },
  apply: ({ contactType, profileId }) => (state) => ({ ...state, contacts: { ...state.contacts, [contactType]: profileId } }),
};

export const CONTACT_INFO_ACTION = registrarAction("SaveBatchTaskForUpdatingContactInfoByRegistrantProfileId", "domain:DomainInfoModification", contactChange);
