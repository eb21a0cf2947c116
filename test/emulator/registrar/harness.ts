/**
 * The registrar actions under test, over real HTTP, with three clients: ours (DomainTaskClient.callAction, the
 * SDK's request path) and two we did not write (pop-core V1, openapi-core V3; ../foreign-clients.ts). Each call
 * resolves to the HTTP status and the body's Code and Message (the error's, or none), so one test reads the same
 * way with every client. The emulator runs on a VirtualClock a test advances to finish the tasks it submitted.
 */
import { DEFAULT_CREDENTIAL, startEmulator, type DomainSpec, type Emulator, type EmulatorCredential } from "../../../emulator";
import { VirtualClock } from "../../../sdk/clock";
import { DomainApiError } from "../../../sdk/errors";
import { clientFor } from "../../support/emulator-client";
import { openApiCoreCall, popCoreCall, type ForeignCallOptions } from "../foreign-clients";

export interface Answer {
  status: number;
  /** The error Code, or undefined for a success. */
  code?: string;
  message?: string;
  body: Record<string, unknown>;
}

export type Caller = (emulator: Emulator, action: string, params: Record<string, string>, options?: ForeignCallOptions) => Promise<Answer>;

const fromBody = ({ status, body }: { status: number; body: Record<string, unknown> }): Answer => ({
  status,
  code: typeof body.Code === "string" ? body.Code : undefined,
  message: typeof body.Message === "string" ? body.Message : undefined,
  body,
});

/** The SDK's own request path: signing, retries (never of a write: the service may have acted), error mapping. */
const ourClient: Caller = async (emulator, action, params, options = {}) => {
  const credential = options.credential ?? DEFAULT_CREDENTIAL;
  const { client } = clientFor(emulator, { credentials: { ...credential }, ...(options.version === "2017-12-18" ? { product: "domain-intl" } : {}) });
  try {
    const body = await client.callAction(action, params, (b) => b as Record<string, unknown>, { retryable: () => !action.startsWith("Save") });
    return fromBody({ status: 200, body });
  } catch (err) {
    if (!DomainApiError.isInstance(err)) throw err;
    return { status: err.statusCode, code: err.code, message: err.message, body: { Code: err.code } };
  }
};

export const CLIENTS: readonly [string, Caller][] = [
  ["our client", ourClient],
  ["pop-core (V1)", async (...args) => fromBody(await popCoreCall(...args))],
  ["openapi-core (V3)", async (...args) => fromBody(await openApiCoreCall(...args))],
];

/** A key RAM grants the reads but none of the registrar writes. */
export const READ_ONLY: EmulatorCredential = {
  accessKeyId: "read-only-key",
  accessKeySecret: "read-only-secret",
  deniedActions: ["domain:SecuritySetting", "domain:DnsHostModification", "domain:DnsModification", "domain:DomainInfoModification"],
};

/** The account every registrar test starts from. */
export const DOMAINS: DomainSpec[] = [
  { domainName: "shop.example.com", changeStartAfterSeconds: 2, changeFinishAfterSeconds: 5 },
  { domainName: "blog.example.com", transferProhibited: "NONE_SETTING", updateProhibited: "NONE_SETTING" },
  { domainName: "locked.example.com", updateProhibited: true, transferProhibited: true },
  { domainName: "lapsed.example.com", expired: true },
  { domainName: "gone.example.com", expiresInDays: -40 },
  { domainName: "brand.us" },
  { domainName: "brand.co.uk" },
  { domainName: "brand.cn" },
  { domainName: "glue.example.net", instanceId: "S2024GLUE000001", dnsHosts: [{ dnsName: "ns1", ips: ["192.0.2.1"] }] },
];

export interface Registrar {
  emulator: Emulator;
  clock: VirtualClock;
  /** Finishes every task submitted so far (their details take at most 5 s). */
  finish(): void;
}

/** A fresh emulator per test: each test's submissions change the registry. */
export const useRegistrar = (): Registrar => {
  const box = { clock: new VirtualClock(Date.UTC(2026, 5, 1, 2, 0, 0)) } as Registrar;
  beforeEach(async () => {
    box.clock = new VirtualClock(Date.UTC(2026, 5, 1, 2, 0, 0));
    box.emulator = await startEmulator({
      clock: box.clock,
      credentials: [DEFAULT_CREDENTIAL, READ_ONLY],
      scenario: { tasks: [], domains: DOMAINS, unregisteredNameServers: ["ns9.unregistered.example"] },
    });
  });
  afterEach(() => box.emulator.close());
  box.finish = () => box.clock.advance(10_000);
  return box;
};

/** `Name.1`, `Name.2`, ... as the SDKs flatten a list. */
export const listParam = (name: string, values: readonly string[]): Record<string, string> =>
  Object.fromEntries(values.map((v, i) => [`${name}.${i + 1}`, v]));
