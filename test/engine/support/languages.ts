/**
 * What the YAML, Python and Go programs of the engine suite (test/engine/programs/) need beyond the CLI, fetched
 * once in global setup - the only step that reaches a registry - so that every `pulumi` command stays offline:
 * a wheelhouse holding each Python program's requirements (pip installs from it with no index), the Go module
 * cache holding each Go program's modules and what `go mod tidy` reads after `pulumi package add` links a generated
 * SDK, and the Go build cache warm with one build of each Go program. Then the programs' stacks: a program's files
 * copied like an example, with that offline environment added to the stack's.
 */
import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO, type EngineCli } from "./cli";
import { EngineStack, type StackOptions } from "./stack";
import { suite } from "./suite";

export const PROGRAMS = join(REPO, "test", "engine", "programs");
/** The package schema the SDK-generation tests generate, link and import. */
export const SDK_SCHEMA = join(PROGRAMS, "sdkgen-schema.json");
/** The tools pip upgrades in a new virtual environment, pinned so that an offline install finds them. */
const PYTHON_TOOLS = ["pip==26.3", "setuptools==84.2.1", "wheel==0.48.0"];

interface Prepared {
  wheelhouse: string;
  go: Record<string, string>;
}

const programsOf = (prefix: string): string[] =>
  readdirSync(PROGRAMS).filter((name) => name.startsWith(prefix) && statSync(join(PROGRAMS, name)).isDirectory());

function exec(file: string, args: string[], options: ExecFileSyncOptions, what: string): string {
  try {
    return execFileSync(file, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options }) as string;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`engine suite setup: ${what} failed (${file} ${args.join(" ")}): ${e.stderr || e.message}`);
  }
}

/** Global setup: the wheelhouse and the warm Go module cache, recorded in <root>/languages.json. */
export function prepareLanguages(root: string, cli: EngineCli): void {
  const wheelhouse = join(root, "python-wheels");
  const requirements = programsOf("python-").flatMap((p) => ["-r", join(PROGRAMS, p, "requirements.txt")]);
  const python = process.env.PULUMI_PYTHON_CMD || "python3";
  exec(python, ["-m", "pip", "download", "--disable-pip-version-check", "--quiet", "-d", wheelhouse, ...requirements, ...PYTHON_TOOLS], {},
    "downloading the Python programs' requirements (needs python3 with pip, and PyPI)");

  const goEnv = JSON.parse(exec("go", ["env", "-json", "GOMODCACHE", "GOCACHE", "GOPATH", "GOFLAGS"], {},
    "asking go for its environment (the Go programs need Go on PATH)")) as Record<string, string>;
  const online = { ...process.env, ...goEnv, GOTOOLCHAIN: "local", GOFLAGS: `${goEnv.GOFLAGS} -mod=mod`.trim() };
  for (const program of programsOf("go-")) {
    const scratch = join(root, "go-warm", program);
    cpSync(join(PROGRAMS, program), scratch, { recursive: true });
    exec("go", ["mod", "tidy"], { cwd: scratch, env: online }, `fetching the modules of ${program}`);
    // A cold build of go/pulumi and its dependencies takes minutes on two cores: here, not in a test's time.
    exec("go", ["build", "-o", join(scratch, "program"), "."], { cwd: scratch, env: online }, `building ${program} once`);
  }
  // A Go SDK generated for `pulumi package add` requires the sdk/v3 its code generator pins: fetch that too.
  const packable = join(root, "go-warm", "schema.json");
  writeFileSync(packable, JSON.stringify({ ...JSON.parse(readFileSync(SDK_SCHEMA, "utf8")), meta: { supportPack: true } }));
  const sdkOut = join(root, "go-warm", "sdk");
  exec(cli.bin, ["package", "gen-sdk", packable, "--language", "go", "--out", sdkOut],
    { env: { ...online, PATH: `${cli.binDir}:${process.env.PATH}`, PULUMI_HOME: join(root, "go-warm", ".pulumi"), PULUMI_SKIP_UPDATE_CHECK: "true" } },
    "generating a Go SDK to learn what it requires");
  exec("go", ["mod", "download"], { cwd: join(sdkOut, "go"), env: online }, "fetching the modules a generated Go SDK requires");

  const prepared: Prepared = { wheelhouse, go: goEnv };
  writeFileSync(join(root, "languages.json"), JSON.stringify(prepared, null, 2));
}

/** The environment that keeps pip and go offline, on what global setup fetched. */
export function languageEnv(): NodeJS.ProcessEnv {
  const prepared = JSON.parse(readFileSync(join(suite().root, "languages.json"), "utf8")) as Prepared;
  return {
    PIP_NO_INDEX: "1",
    PIP_FIND_LINKS: prepared.wheelhouse,
    PIP_DISABLE_PIP_VERSION_CHECK: "1",
    ...prepared.go,
    GOTOOLCHAIN: "local",
    GOPROXY: "off",
  };
}

/** A program's files by relative path, as StackOptions.files takes them (without what an install leaves). */
export function programFiles(program: string): Record<string, string> {
  const dir = join(PROGRAMS, program);
  const files: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!["venv", "sdks", "__pycache__"].includes(entry.name)) walk(path);
      } else {
        files[relative(dir, path)] = readFileSync(path, "utf8");
      }
    }
  };
  walk(dir);
  return files;
}

/** A stack of one of test/engine/programs/, offline for its language's package manager too. */
export async function programStack(program: string, options: Omit<StackOptions, "example"> = {}): Promise<EngineStack> {
  const stack = await EngineStack.create({ ...options, files: { ...programFiles(program), ...options.files } });
  Object.assign(stack.env, languageEnv());
  return stack;
}
