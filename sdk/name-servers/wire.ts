/**
 * QueryDomainByDomainName's answer, parsed at the edge and typed against ./models. Lenient where the documentation
 * itself varies (an old sample shows `DnsList` as a flat list, the SDK models as `{Dns: [...]}`), strict where a
 * guess would hide a bug: no DnsList is an InvalidResponse. (The write's answer: ../tasks/write; QueryTaskList's:
 * ../tasks/list-wire.)
 */
import { z } from "zod";
import { answerParser } from "../tasks/parse-answer";
import type { DomainNameServersInfo } from "./models";

const text = z.preprocess((v) => (v === undefined || v === null ? "" : typeof v === "number" ? String(v) : v), z.string());

/**
 * `{Dns: [...]}` as the models declare it; a flat list as an old sample shows; and any entry holding several
 * comma-joined names, as the API reference's sample does (`"Dns":["dns1.hichina.com,dns2.hichina.com"]`, doc 121704)
 * - so a list of one joined string never reads as one name server.
 */
const dnsList = z.preprocess((v) => {
  const inner = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as { Dns?: unknown }).Dns : v;
  const entries = inner === undefined || inner === null ? [] : Array.isArray(inner) ? inner : [inner];
  return entries.flatMap((e) => (typeof e === "string" ? e.split(",").map((s) => s.trim()).filter(Boolean) : [e]));
}, z.array(z.string().trim().min(1)));

const DomainSchema = z.object({
  RequestId: text,
  DomainName: text,
  DnsList: dnsList,
  UpdateProhibitionLock: text,
  DomainStatus: text,
  ExpirationDate: text,
});

export const parseDomain = answerParser("QueryDomainByDomainName", DomainSchema, (d): DomainNameServersInfo => ({
  domainName: d.DomainName,
  nameServers: d.DnsList,
  updateProhibitionLock: d.UpdateProhibitionLock,
  domainStatus: d.DomainStatus,
  expirationDate: d.ExpirationDate,
  requestId: d.RequestId,
}));
