/**
 * An isolated credential environment: a temporary HOME and a process.env with every Alibaba Cloud variable
 * removed. @alicloud/credentials reads process.env and os.homedir() directly, so tests that exercise the
 * default chain must change the real process environment; this restores it exactly afterwards.
 * os.homedir() is also stubbed: under jest, process.env is a copy that the native lookup of HOME never sees.
 */
import * as fs from "node:fs";
import os from "node:os";
import * as path from "node:path";

const OURS = /^(ALIBABA_CLOUD_|ALICLOUD_)/;

export interface Sandbox {
  home: string;
  /** Writes ~/.alibabacloud/credentials (ini). */
  writeCredentialsFile(ini: string): void;
  /** Writes ~/.aliyun/config.json (the aliyun CLI's profiles). */
  writeCliConfig(config: unknown): void;
  /** Sets process.env variables for this test (restored afterwards). */
  setEnv(vars: Record<string, string>): void;
}

/** Installs beforeEach/afterEach hooks; returns the current test's sandbox. */
export const useCredentialSandbox = (): { readonly current: Sandbox } => {
  const box = {} as { current: Sandbox };
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
    for (const key of Object.keys(process.env)) if (OURS.test(key)) delete process.env[key];
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "domain-tasks-home-"));
    process.env.HOME = home;
    process.env.USERPROFILE = home;
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
    jest.spyOn(os, "homedir").mockReturnValue(home);
    box.current = {
      home,
      writeCredentialsFile(ini) {
        fs.mkdirSync(path.join(home, ".alibabacloud"), { recursive: true });
        fs.writeFileSync(path.join(home, ".alibabacloud", "credentials"), ini);
      },
      writeCliConfig(config) {
        fs.mkdirSync(path.join(home, ".aliyun"), { recursive: true });
        fs.writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify(config, null, 2));
      },
      setEnv(vars) {
        Object.assign(process.env, vars);
      },
    };
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(box.current.home, { recursive: true, force: true });
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });
  return box;
};

/** A CLI config.json with AK profiles. */
export const cliConfig = (current: string, profiles: { name: string; id: string; secret: string }[]) => ({
  current,
  profiles: profiles.map((p) => ({ name: p.name, mode: "AK", access_key_id: p.id, access_key_secret: p.secret, region_id: "cn-hangzhou" })),
});

/** A credentials-file section of type access_key. */
export const iniSection = (name: string, id: string, secret: string): string =>
  `[${name}]\ntype = access_key\naccess_key_id = ${id}\naccess_key_secret = ${secret}\n`;
