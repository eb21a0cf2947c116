/**
 * The domains registered in the emulated account and what the registry holds for each at a given moment.
 *
 * Like the task store, nothing runs on a timer: a submitted change is kept with the task detail that carries it,
 * and a domain's state is read off the clock when asked - the state it was seeded with, then each change whose
 * detail has succeeded by then, in the order they finished (a change finishing later wins; at the same moment, the
 * one submitted later). So `QueryDomainByDomainName` shows a new setting exactly when `QueryTaskDetailList` shows
 * its detail EXECUTE_SUCCESS, on any clock, and a failed detail changes nothing.
 */
import { createHash } from "node:crypto";
import { EmulatorSpecError } from "../spec-schemas";
import type { StoredDetail } from "../task-store";
import type { DomainSpec } from "../types";
import { copyState, initialState, normalizeHost, type RegistrarState } from "./registrar-state";

export { ALIYUN_DNS_SERVERS, normalizeHost } from "./registrar-state";

/** Seconds from submission until a change's detail starts and finishes, unless the domain says otherwise. */
export const DEFAULT_CHANGE_TIMING = { startAfterSeconds: 1, finishAfterSeconds: 3 };

/** One submitted change of a domain, carried by one task detail. */
export interface RegistrarChange {
  /** Which operation it is: TaskIsBeingProcessed refuses a second one of the same key while one is open. */
  operation: string;
  detail: StoredDetail;
  /** Its effect, applied once the detail has succeeded. */
  apply(state: RegistrarState): RegistrarState;
}

export interface RegisteredDomain {
  spec: DomainSpec;
  /** QueryDomainByDomainName's InstanceId, which the DNS-host actions and the task details carry. */
  instanceId: string;
  /** Task-clock ms of registration (RegistrationDate), a year before the domain was added. */
  registeredAt: number;
  expiresAt: number;
  /** Submitted changes, oldest first. */
  changes: RegistrarChange[];
}

export const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 365 * DAY_MS;
/** After expiry, 30 days of renewal grace, then redemption ("Redeem a domain name", AlibabaCloudDocs/domain). */
export const RENEWAL_GRACE_MS = 30 * DAY_MS;

/** "S" + the registration year + 10 hex digits of the name: shaped like the service's ("S20179H1BBI9****"), fixed per name. */
const derivedInstanceId = (domainName: string, registeredAt: number): string =>
  `S${new Date(registeredAt).getUTCFullYear()}${createHash("sha1").update(domainName).digest("hex").slice(0, 10).toUpperCase()}`;

export class DomainRegistry {
  private readonly domains = new Map<string, RegisteredDomain>();
  private readonly instances = new Map<string, RegisteredDomain>();
  /** Host names the registry does not know: a change naming one fails. */
  readonly unregisteredNameServers: Set<string>;

  constructor(
    private readonly now: () => number,
    unregisteredNameServers: readonly string[] = [],
  ) {
    this.unregisteredNameServers = new Set(unregisteredNameServers.map(normalizeHost));
  }

  add(spec: DomainSpec): void {
    const name = normalizeHost(spec.domainName);
    if (this.domains.has(name)) throw new EmulatorSpecError("domain spec", `domain ${JSON.stringify(spec.domainName)} is already registered`);
    const now = this.now();
    const registeredAt = now - YEAR_MS;
    const instanceId = spec.instanceId ?? derivedInstanceId(name, registeredAt);
    const holder = this.instances.get(instanceId);
    if (holder) throw new EmulatorSpecError("domain spec", `instanceId ${JSON.stringify(instanceId)} is already ${holder.spec.domainName}'s`);
    // An expired domain expired a week ago; a live one expires in a year.
    const expiresAt = now + (spec.expiresInDays !== undefined ? spec.expiresInDays * DAY_MS : spec.expired ? -7 * DAY_MS : YEAR_MS);
    const domain = { spec: { ...spec, domainName: name }, instanceId, registeredAt, expiresAt, changes: [] };
    this.domains.set(name, domain);
    this.instances.set(instanceId, domain);
  }

  get(domainName: string): RegisteredDomain | undefined {
    return this.domains.get(normalizeHost(domainName));
  }

  byInstanceId(instanceId: string): RegisteredDomain | undefined {
    return this.instances.get(instanceId.trim());
  }

  /** Records a change: it takes effect if and when its detail succeeds. */
  recordChange(domain: RegisteredDomain, change: RegistrarChange): void {
    domain.changes.push(change);
  }

  /** The domain's state at `now`: its seed, then every change succeeded by then, in the order they finished. */
  stateAt(domain: RegisteredDomain, now: number): RegistrarState {
    const done = domain.changes.filter(({ detail }) => detail.succeeds && detail.finishAt <= now);
    // A stable sort: changes finishing together apply in the order submitted, so the later one wins.
    done.sort((a, b) => a.detail.finishAt - b.detail.finishAt);
    return done.reduce((state, change) => change.apply(copyState(state)), initialState(domain.spec));
  }

  /** The domain's name servers at `now`. */
  nameServersAt(domain: RegisteredDomain, now: number): string[] {
    return this.stateAt(domain, now).nameServers;
  }

  /** True while a change of this operation has a detail not yet finished. */
  isBusy(domain: RegisteredDomain, operation: string, now: number): boolean {
    return domain.changes.some((c) => c.operation === operation && c.detail.finishAt > now);
  }

  /** "1" renewal grace period, "2" redemption, "3" normal, at `now`. */
  domainStatusAt(domain: RegisteredDomain, now: number): "1" | "2" | "3" {
    if (domain.expiresAt > now) return "3";
    return now - domain.expiresAt <= RENEWAL_GRACE_MS ? "1" : "2";
  }

  /**
   * Whether the registry knows `host` as a host object at `now` (RFC 5732: a name server must exist there). A host
   * under a domain of the account exists exactly while it is one of that domain's DNS hosts; any other host unless
   * the scenario lists it among the unregistered name servers.
   */
  isHostKnown(host: string, now: number): boolean {
    const name = normalizeHost(host);
    const parent = this.superordinateOf(name);
    if (!parent) return !this.unregisteredNameServers.has(name);
    const label = name.slice(0, -(parent.spec.domainName.length + 1));
    return this.stateAt(parent, now).dnsHosts.some((h) => h.dnsName === label);
  }

  /** The domains whose name servers include `host` at `now`. */
  domainsServedBy(host: string, now: number): string[] {
    const name = normalizeHost(host);
    return [...this.domains.values()].filter((d) => this.stateAt(d, now).nameServers.includes(name)).map((d) => d.spec.domainName);
  }

  /** The registered domain `host` is a host directly under (ns1.example.com -> example.com), if any. */
  private superordinateOf(host: string): RegisteredDomain | undefined {
    const dot = host.indexOf(".");
    return dot < 0 ? undefined : this.domains.get(host.slice(dot + 1));
  }
}
