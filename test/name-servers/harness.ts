/** The account the name-server tests run against: registered domains, one locked, one expired, one unknown host. */
import { startEmulator, type Emulator, type EmulatorCredential, type EmulatorOptions } from "../../emulator";
import type { Clock } from "../../sdk/clock";

export const OLD_NAME_SERVERS = ["ns1.old-dns.example", "ns2.old-dns.example"];
export const NEW_NAME_SERVERS = ["ns1.new-dns.example", "ns2.new-dns.example"];
/** A key whose RAM policy lacks the write permission. */
export const READ_ONLY_KEY: EmulatorCredential = { accessKeyId: "read-only-key-id", accessKeySecret: "read-only-key-secret", deniedActions: ["domain:DnsModification"] };
export const WRITE_KEY: EmulatorCredential = { accessKeyId: "write-key-id", accessKeySecret: "write-key-secret" };

/** Seconds from a submission until each domain's change starts and finishes (the emulator's defaults: 1 and 3). */
export interface ChangeTiming {
  changeStartAfterSeconds?: number;
  changeFinishAfterSeconds?: number;
}

export const startAccount = (options: Omit<EmulatorOptions, "scenario"> & { clock?: Clock; timing?: ChangeTiming } = {}): Promise<Emulator> => {
  const { timing = {}, ...rest } = options;
  return startEmulator({
    credentials: [WRITE_KEY, READ_ONLY_KEY],
    ...rest,
    scenario: {
      tasks: [],
      domains: [
        { domainName: "shop.example.com", nameServers: OLD_NAME_SERVERS, ...timing },
        { domainName: "blog.example.com", nameServers: OLD_NAME_SERVERS, ...timing },
        { domainName: "locked.example.com", nameServers: OLD_NAME_SERVERS, updateProhibited: true, ...timing },
        { domainName: "lapsed.example.com", expired: true, ...timing },
      ],
      unregisteredNameServers: ["ns9.unregistered.example"],
    },
  });
};

/** The stack config that points a provider at `emulator` with `key`. */
export const stackConfigFor = (emulator: Emulator, key: EmulatorCredential = WRITE_KEY): Record<string, string> => ({
  "alicloud:accessKey": key.accessKeyId,
  "alicloud:secretKey": key.accessKeySecret,
  "alicloud-domain-tasks:endpoint": emulator.url,
});
