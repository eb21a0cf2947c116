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
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** `{Dns: [...]}` as the models declare it; a flat list or a comma-separated string as older samples show. */
const dnsList = z.preprocess((v) => {
  const inner = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as { Dns?: unknown }).Dns : v;
  return typeof inner === "string" ? inner.split(",").map((s) => s.trim()).filter(Boolean) : inner;
}, list(z.string().trim().min(1)));

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
