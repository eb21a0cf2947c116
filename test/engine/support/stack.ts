/**
 * One Pulumi project and stack under the real engine: a copy of an example (or a program written by the test) in
 * the suite's install directory, its own PULUMI_HOME, HOME and `file://` backend, a passphrase secrets provider, no
 * network but loopback (a dead proxy catches anything the CLI would fetch), and stack config pointing it at the
 * emulator. Every command's output is kept in `transcript`.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Emulator, EmulatorCredential } from "../../../emulator";
import { REPO } from "./cli";
import { ENGINE_KEY } from "./emulator";
import { passed, run, start, type RunResult, type Running } from "./run";
import { suite } from "./suite";

/** The secrets provider's passphrase: random per test process, so finding it in any output is a real leak. */
export const PASSPHRASE = `engine-suite-${randomBytes(12).toString("hex")}`;

export interface StackOptions {
  /** A folder under examples/ to copy, or ... */
  example?: string;
  /** ... the project's files, by relative path (Pulumi.yaml, index.ts, ...). Both may be given: files win. */
  files?: Record<string, string>;
  /** The emulator the stack talks to: its endpoint and `credential` go into the stack config. */
  emulator?: Emulator;
  /** The key pair set as alicloud:accessKey / alicloud:secretKey (secret). Default with an emulator: ENGINE_KEY. */
  credential?: EmulatorCredential;
  /** More stack config, plain text. */
  config?: Record<string, string>;
  /** More stack config, set as secrets. */
  secrets?: Record<string, string>;
  stack?: string;
  /** Type-check the program as a user's default would (ts-node with type checks); off to keep the suite fast. */
  typecheck?: boolean;
}

/** A new directory under the suite's install directory, so programs resolve the installed package and @pulumi/pulumi. */
const newProjectDir = (label: string): string => mkdtempSync(join(suite().root, "projects", `${label.replace(/[^\w-]/g, "_")}-`));

export function createProject(options: Pick<StackOptions, "example" | "files">, label = options.example ?? "program"): string {
  const dir = newProjectDir(label);
  if (options.example) {
    cpSync(join(REPO, "examples", options.example), dir, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|bin)$/.test(source),
    });
  }
  for (const [file, text] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** The environment of every command: nothing from this machine's Pulumi or Alibaba Cloud setup leaks in. */
export function engineEnv(dir: string, options: { typecheck?: boolean } = {}): NodeJS.ProcessEnv {
  const { cli } = suite();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(PULUMI_|ALIBABA_CLOUD_|ALICLOUD_|DOMAIN_TASKS_)/.test(key) || key === "DOMAIN_TASKS_ENGINE_SUITE"),
  );
  const home = join(dir, ".home");
  mkdirSync(home, { recursive: true });
  mkdirSync(join(dir, ".state"), { recursive: true });
  return {
    ...inherited,
    PATH: [cli.binDir, dirname(process.execPath), process.env.PATH].join(":"),
    HOME: home,
    PULUMI_HOME: join(dir, ".pulumi-home"),
    PULUMI_BACKEND_URL: `file://${join(dir, ".state")}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    // Loopback only: whatever the CLI would fetch (plugins, update checks, templates) meets a closed port.
    HTTP_PROXY: "http://127.0.0.1:9",
    HTTPS_PROXY: "http://127.0.0.1:9",
    NO_PROXY: "127.0.0.1,localhost",
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
    ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
    ...(options.typecheck ? {} : { PULUMI_NODEJS_TRANSPILE_ONLY: "true" }),
  };
}

export class EngineStack {
  readonly transcript: RunResult[] = [];
  readonly env: NodeJS.ProcessEnv;

  private constructor(readonly dir: string, readonly name: string, typecheck: boolean) {
    this.env = engineEnv(dir, { typecheck });
  }

  /** Copies the project, creates the stack and sets its config. */
  static async create(options: StackOptions): Promise<EngineStack> {
    const stack = new EngineStack(createProject(options), options.stack ?? "test", options.typecheck ?? false);
    await stack.must(["stack", "init", stack.name]);
    const credential = options.credential ?? (options.emulator ? ENGINE_KEY : undefined);
    const plain: Record<string, string> = {
      ...(options.emulator && { "alicloud-domain-tasks:endpoint": options.emulator.url }),
      ...(credential && { "alicloud:accessKey": credential.accessKeyId }),
      ...options.config,
    };
    const secrets: Record<string, string> = { ...(credential && { "alicloud:secretKey": credential.accessKeySecret }), ...options.secrets };
    await stack.setConfig(plain, secrets);
    return stack;
  }

  async setConfig(plain: Record<string, string>, secrets: Record<string, string> = {}): Promise<void> {
    const args = [
      ...Object.entries(plain).flatMap(([k, v]) => ["--plaintext", `${k}=${v}`]),
      ...Object.entries(secrets).flatMap(([k, v]) => ["--secret", `${k}=${v}`]),
    ];
    if (args.length > 0) await this.must(["config", "set-all", ...args]);
  }

  /** Runs `pulumi <args>` in the project, whatever it exits with. */
  pulumi(args: string[], timeoutMs?: number): Promise<RunResult> {
    return run(suite().cli.bin, ["--color", "never", ...args], { cwd: this.dir, env: this.env, timeoutMs }, this.transcript);
  }

  /** Starts `pulumi <args>` without waiting for it (to signal it). */
  start(args: string[], timeoutMs?: number): Running {
    return start(suite().cli.bin, ["--color", "never", ...args], { cwd: this.dir, env: this.env, timeoutMs }, this.transcript);
  }

  /** Runs `pulumi <args>` and throws, with everything it printed, unless it exits 0. */
  async must(args: string[]): Promise<RunResult> {
    return passed(await this.pulumi(args));
  }

  up(...args: string[]): Promise<RunResult> {
    return this.pulumi(["up", "--yes", "--skip-preview", ...args]);
  }

  preview(...args: string[]): Promise<RunResult> {
    return this.pulumi(["preview", ...args]);
  }

  refresh(...args: string[]): Promise<RunResult> {
    return this.pulumi(["refresh", "--yes", "--skip-preview", ...args]);
  }

  destroy(...args: string[]): Promise<RunResult> {
    return this.pulumi(["destroy", "--yes", "--skip-preview", ...args]);
  }

  /** `pulumi stack output --json`: secret outputs read "[secret]". */
  async outputs(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.must(["stack", "output", "--json"])).stdout) as Record<string, unknown>;
  }

  /** `pulumi stack export`: the deployment as the backend stores it (secrets encrypted). */
  async state(): Promise<Deployment> {
    return (JSON.parse((await this.must(["stack", "export"])).stdout) as { deployment: Deployment }).deployment;
  }

  /** The resources of one type in the state. */
  async resources(type: string): Promise<StateResource[]> {
    return ((await this.state()).resources ?? []).filter((r) => r.type === type);
  }

  /** Everything every command of this stack printed. */
  printed(): string {
    return this.transcript.map((r) => r.stdout + r.stderr).join("\n");
  }
}

/** The parts of `pulumi stack export` the suite reads. */
export interface Deployment {
  resources?: StateResource[];
  pending_operations?: { resource: StateResource; type: string }[];
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  dependencies?: string[];
}
