/**
 * `domain-tasks emulator`: hands the rest of the command line to the emulator's own command
 * (emulator/command.ts), which parses its flags, serves until interrupted and prints its own help.
 */
export const runEmulator = async (argv: readonly string[]): Promise<number> => {
  const { runEmulatorCommand } = await import("../../emulator/command");
  const code = await runEmulatorCommand([...argv]);
  return typeof code === "number" ? code : 0;
};
