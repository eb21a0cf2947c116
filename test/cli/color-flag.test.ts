/** `--color` / `--no-color`, applied as the environment colorEnabled already reads (NO_COLOR, FORCE_COLOR). */
import { parseArgs } from "../../cli/args";
import { colorEnabled } from "../../cli/io";
import { envWithColorFlag } from "../../cli/render/style";

const tty = { write: () => true, isTTY: true };
const pipe = { write: () => true, isTTY: false };
const enabled = (argv: string[], stream: typeof tty, env: Record<string, string | undefined> = {}): boolean =>
  colorEnabled(stream, envWithColorFlag(parseArgs(argv).values, env));

describe("--color and --no-color", () => {
  it("--no-color turns colours off on a terminal, even with FORCE_COLOR set", () => {
    expect(enabled(["get", "T1"], tty)).toBe(true);
    expect(enabled(["get", "T1", "--no-color"], tty)).toBe(false);
    expect(enabled(["--no-color", "wait", "T1"], tty, { FORCE_COLOR: "1" })).toBe(false);
  });

  it("--color turns them on off a terminal (CI logs that render ANSI), even with NO_COLOR set", () => {
    expect(enabled(["get", "T1"], pipe)).toBe(false);
    expect(enabled(["get", "T1", "--color"], pipe, { NO_COLOR: "1" })).toBe(true);
  });

  it("leaves the environment alone without either flag", () => {
    const env = { NO_COLOR: "1" };
    expect(envWithColorFlag(parseArgs(["get", "T1"]).values, env)).toBe(env);
  });
});
