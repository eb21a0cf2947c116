/**
 * The domains registered in the emulated account and what their name servers are at a given moment.
 *
 * Like the task store, nothing runs on a timer: a submitted change is kept with the task detail that carries it,
 * and a domain's name servers are read off the clock when asked - the base list, replaced by each change whose
 * detail has succeeded by then (the latest such change wins). So `QueryDomainByDomainName` shows the new DnsList
 * exactly when `QueryTaskDetailList` shows the detail EXECUTE_SUCCESS, on any clock.
 */
import { EmulatorSpecError } from "../spec-schemas";
import type { StoredDetail } from "../task-store";
import type { DomainSpec } from "../types";

/** Alibaba Cloud DNS's name servers as the API samples show them ("dns1.hichina.com,dns2.hichina.com"). */
export const ALIYUN_DNS_SERVERS: readonly string[] = ["dns1.hichina.com", "dns2.hichina.com"];

/** Seconds from submission until a change's detail starts and finishes, unless the domain says otherwise. */
export const DEFAULT_CHANGE_TIMING = { startAfterSeconds: 1, finishAfterSeconds: 3 };

export interface RegisteredDomain {
  spec: DomainSpec;
  /** Task-clock ms of registration (RegistrationDate), a year before the emulator started unless given. */
  registeredAt: number;
  expiresAt: number;
  /** Submitted changes, oldest first. */
  changes: { nameServers: string[]; detail: StoredDetail }[];
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

export class DomainRegistry {
  private readonly domains = new Map<string, RegisteredDomain>();
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
    // An expired domain expired a week ago; a live one expires in a year.
    const expiresAt = spec.expired ? now - 7 * 24 * 3600 * 1000 : now + YEAR_MS;
    this.domains.set(name, { spec: { ...spec, domainName: name }, registeredAt, expiresAt, changes: [] });
  }

  get(domainName: string): RegisteredDomain | undefined {
    return this.domains.get(normalizeHost(domainName));
  }

  /** Records a change carried by `detail`: it takes effect if and when that detail succeeds. */
  recordChange(domain: RegisteredDomain, nameServers: string[], detail: StoredDetail): void {
    domain.changes.push({ nameServers, detail });
  }

  /** The domain's name servers at `now`: the latest change that has succeeded by then, or the base list. */
  nameServersAt(domain: RegisteredDomain, now: number): string[] {
    let current = domain.spec.nameServers ?? [...ALIYUN_DNS_SERVERS];
    let latest = -Infinity;
    for (const { nameServers, detail } of domain.changes) {
      if (detail.succeeds && detail.finishAt <= now && detail.finishAt >= latest) {
        current = nameServers;
        latest = detail.finishAt;
      }
    }
    return [...current];
  }
}

/** Host names compare case-insensitively and without a trailing dot. */
export const normalizeHost = (host: string): string => host.trim().toLowerCase().replace(/\.$/, "");
