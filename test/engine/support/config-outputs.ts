/**
 * The config-outputs programs (test/engine/programs/{yaml,python,go}-outputs) under the real engine, one behaviour
 * for every language: the same config gives the same stack outputs; a secret config value stays a secret output,
 * never in the state or anything the CLI printed; a changed value reaches the program; destroy empties the state.
 */
import { randomBytes } from "node:crypto";
import type { EngineStack } from "./stack";

export const PROJECT = "config-outputs";
export const GREETING = "hello from the engine suite";
/** Random per run, so finding it anywhere is a real leak. */
export const TOKEN = `token-${randomBytes(10).toString("hex")}`;

export const configOf = (greeting = GREETING): { config: Record<string, string>; secrets: Record<string, string> } => ({
  config: { [`${PROJECT}:greeting`]: greeting },
  secrets: { [`${PROJECT}:token`]: TOKEN },
});

/** The outputs every language's program gives, as `pulumi stack output --json` shows them. */
export function expectedOutputs(stackName: string, greeting = GREETING): Record<string, unknown> {
  const banner = `${greeting}/${PROJECT}/${stackName}`;
  return { greeting, banner, encoded: Buffer.from(banner).toString("base64"), token: "[secret]" };
}

export function itGivesConfigOutputs(stack: () => EngineStack): void {
  it("up exports the outputs the config gives, the secret as a secret", async () => {
    const up = await stack().up();
    expect(up.code).toBe(0);
    expect(await stack().outputs()).toEqual(expectedOutputs(stack().name));
    const state = JSON.stringify(await stack().state());
    expect(state).not.toContain(TOKEN);
    expect(state).toContain('"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270"'); // the secret sig
    expect(stack().printed()).not.toContain(TOKEN);
    const revealed = JSON.parse((await stack().must(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<string, unknown>;
    expect(revealed.token).toBe(TOKEN);
  });

  it("a second preview --expect-no-changes plans nothing", async () => {
    expect((await stack().preview("--expect-no-changes")).code).toBe(0);
  });

  it("a changed config value reaches the program: preview shows the new outputs, up exports them", async () => {
    await stack().setConfig(configOf("changed greeting").config);
    const preview = await stack().preview("--diff");
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain(`"changed greeting/${PROJECT}/${stack().name}"`);
    expect((await stack().up()).code).toBe(0);
    expect(await stack().outputs()).toEqual(expectedOutputs(stack().name, "changed greeting"));
  });

  it("destroy empties the state", async () => {
    expect((await stack().destroy()).code).toBe(0);
    expect((await stack().state()).resources ?? []).toEqual([]);
    expect(await stack().outputs()).toEqual({});
  });
}
