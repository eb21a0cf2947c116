/** The account the name-server tests run against: registered domains, one locked, one expired, one unknown host. */
import { startEmulator, type Emulator, type EmulatorCredential, type EmulatorOptions } from "../../emulator";
import type { Clock } from "../../sdk/clock";

export const OLD_NAME_SERVERS = ["ns1.old-dns.example", "ns2.old-dns.example"];
export const NEW_NAME_SERVERS = ["ns1.new-dns.example", "ns2.new-dns.example"];
/** A key whose RAM policy lacks the write permission. */
export const READ_ONLY_KEY: EmulatorCredential = { accessKeyId: "read-only-key-id", accessKeySecret: "read-only-key-secret", deniedActions: ["domain:DnsModification"] };
export const WRITE_KEY: EmulatorCredential = { accessKeyId: "write-key-id", accessKeySecret: "write-key-secret" };

export const startAccount = (options: Omit<EmulatorOptions, "scenario"> & { clock?: Clock } = {}): Promise<Emulator> =>
  startEmulator({
    credentials: [WRITE_KEY, READ_ONLY_KEY],
    ...options,
    scenario: {
      tasks: [],
      domains: [
        { domainName: "shop.example.com", nameServers: OLD_NAME_SERVERS },
        { domainName: "blog.example.com", nameServers: OLD_NAME_SERVERS },
        { domainName: "locked.example.com", nameServers: OLD_NAME_SERVERS, updateProhibited: true },
        { domainName: "lapsed.example.com", expired: true },
      ],
      unregisteredNameServers: ["ns9.unregistered.example"],
    },
  });
